// 每月服务数据: how the property company handled repairs, month by month
// (Shanghai calendar): requests, median times, share kept within the promise,
// average stars, reopen rate.
import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { formatAverage, formatDuration, formatShare, monthOf, monthRange } from '../../../../domain/repairs/stats'
import { repairStatsResource } from '../../../../stores/repairs'

/** The month before or after `month`. */
const shift = (month: string, by: -1 | 1) => monthOf(by < 0 ? monthRange(month).from - 1 : monthRange(month).to)

export default function RepairStatsPage({ month: initial }: { month?: string }) {
  const { communityId } = useCommunity()
  const [month, setMonth] = useState(initial ?? monthOf(Date.now()))
  const stats = repairStatsResource.store(repairStatsResource.select(communityId ?? '', month))
  const { load, reload } = repairStatsResource.store.getState()
  useEffect(() => {
    if (communityId) void load(communityId, month)
  }, [communityId, month, load])
  const [y, m] = month.split('-')
  return (
    <PageShell title='每月服务数据'>
      <View className='gj-row'>
        <Button size='small' onClick={() => setMonth(shift(month, -1))}>上个月</Button>
        <Text className='gj-card__head' data-testid='month'>{y} 年 {Number(m)} 月</Text>
        <Button size='small' onClick={() => setMonth(shift(month, 1))}>下个月</Button>
      </View>
      <AsyncView resource={stats} onRetry={() => communityId && void reload(communityId, month)}>
        {(s) => (
          <View className='gj-card' data-testid='repair-stats'>
            <View className='gj-row'><Text>报修数量</Text><Text>{s.requests} 件</Text></View>
            <View className='gj-row'><Text>接单用时（中位数）</Text><Text>{formatDuration(s.medianResponseMs)}</Text></View>
            <View className='gj-row'><Text>修好用时（中位数）</Text><Text>{formatDuration(s.medianCompletionMs)}</Text></View>
            <View className='gj-row'><Text>按承诺时间完成</Text><Text>{formatShare(s.withinCommitment)}（{s.withinCommitment.num}/{s.withinCommitment.den}）</Text></View>
            <View className='gj-row'><Text>平均评分</Text><Text>{formatAverage(s.rating.sum, s.rating.count)} 星（{s.rating.count} 人评价）</Text></View>
            <View className='gj-row'><Text>重新打开</Text><Text>{formatShare(s.reopenRate)}（{s.reopenRate.num}/{s.reopenRate.den}）</Text></View>
            <Text className='gj-muted'>按本月提交的报修统计；尚在承诺时间内的报修不计入按时完成率。</Text>
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
