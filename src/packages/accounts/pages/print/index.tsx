// 公示栏打印版: one published version laid out on A4 for the physical notice
// board, with its publication date and version (print from the H5 page).
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { dateText } from '../../../../components/dates'
import { pageParams } from '../../../../components/page-params'
import { PageShell } from '../../../../components/page-shell'
import { useCommunity } from '../../../../components/use-community'
import { formatFen } from '../../../../domain/measure'
import { lineText, linesBySection } from '../../../../domain/disclosure/lines'
import { quarterLabel } from '../../../../domain/disclosure/quarter'
import { FEE_MODEL_LABELS, percentText } from '../../../../domain/disclosure/report'
import { reportResource } from '../../../../stores/disclosure'
import './index.scss'

export default function PrintPage() {
  const { communityId, membership } = useCommunity()
  const params = pageParams()
  const quarter = params.quarter ?? ''
  const version = Number(params.version ?? 0) || 0
  const resource = reportResource.store(reportResource.select(communityId ?? '', quarter, version))
  useEffect(() => {
    if (communityId && quarter) void reportResource.store.getState().load(communityId, quarter, version)
  }, [communityId, quarter, version])
  return (
    <PageShell>
      <View className='notice-page'>
      {!quarter && <View className='gj-card'><Text className='gj-muted'>请从季度报告页面点「公示栏打印版」打开。</Text></View>}
      {quarter && <AsyncView resource={resource} onRetry={() => communityId && void reportResource.store.getState().reload(communityId, quarter, version)}>
        {(d) => {
          let withdrawal = 0
          return (
            <View className='notice-a4' data-testid='notice'>
              <View className='notice-title'>{membership?.communityName ?? ''} {quarterLabel(d.quarter)}财务公开</View>
              <View className='notice-sub'>第 {d.version} 版 · {dateText(d.publishedAt)}发布 · {FEE_MODEL_LABELS[d.feeModel]} · 收缴率 {percentText(d.collectionRate)}</View>
              {d.reason && <View className='notice-sub'>更正原因：{d.reason}</View>}
              {linesBySection(d.lines).map((g) => (
                <View key={g.section} className='notice-section'>
                  <View className='notice-section__title'>{g.title}</View>
                  {g.lines.map((l) => {
                    const status = g.section === 'repairFund' && l.label.startsWith('支取·') ? d.withdrawals[withdrawal++] : null
                    return (
                      <View key={l.key} className='notice-row'>
                        <Text className='notice-row__label'>{l.label}{status ? (status.state === 'unvoted' ? '（未经表决）' : `（依据：${status.title}）`) : ''}</Text>
                        <Text className='notice-row__value'>{lineText(l)}</Text>
                      </View>
                    )
                  })}
                </View>
              ))}
              <View className='notice-foot'>
                <Text>公共收益账户余额 {formatFen(d.report.commonIncome.closing)} · 维修资金余额 {formatFen(d.report.repairFund.closing)}</Text>
                <Text>如有疑问，请在「共建家园」小程序的报告中对相应项目提问，答复对全体业主公开。</Text>
                <Text className='notice-sign'>业主委员会（盖章）　　{dateText(d.publishedAt)}</Text>
              </View>
            </View>
          )
        }}
      </AsyncView>}
      </View>
    </PageShell>
  )
}
