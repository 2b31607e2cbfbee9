// 监督提醒 (supervisors, committee): questions unanswered past the deadline,
// and repair-fund withdrawals that no passed assembly motion authorised.
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { go, PAGES } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { useCommunity } from '../../../../components/use-community'
import { formatFen } from '../../../../domain/measure'
import { quarterLabel } from '../../../../domain/disclosure/quarter'
import { watchResource } from '../../../../stores/disclosure'
import { hasRole } from '../../../../stores/session'
import '../report/index.scss'

export default function WatchPage() {
  const { communityId, membership } = useCommunity()
  const allowed = hasRole(membership, 'committee', 'supervisor')
  const watch = watchResource.store(watchResource.select(communityId ?? ''))
  useEffect(() => {
    if (communityId && allowed) void watchResource.store.getState().load(communityId)
  }, [communityId, allowed])
  if (membership && !allowed) return <PageShell title='监督提醒'><View className='gj-card'><Text>只有监督人员和业委会可以查看。</Text></View></PageShell>
  return (
    <PageShell title='监督提醒'>
      <AsyncView resource={watch} onRetry={() => communityId && void watchResource.store.getState().reload(communityId)}>
        {(w) => (
          <>
            <View className='gj-card' data-testid='overdue'>
              <View className='gj-card__head'>超过 {w.overdueDays} 天未答复的提问（{w.overdue.length}）</View>
              {w.overdue.length === 0 && <Text className='gj-muted'>没有超期的提问。</Text>}
              {w.overdue.map((q) => (
                <View key={q.id} className='report-question report-line--tap' onClick={go(`${PAGES.accountsReport}?quarter=${q.quarter}`)}>
                  <Text className='report-question__line'>{quarterLabel(q.quarter)} · {q.lineLabel} · {q.askerName}</Text>
                  <Text className='report-question__text'>{q.text}</Text>
                  <Text className='report-unvoted'>已等待 {q.ageDays} 天</Text>
                </View>
              ))}
            </View>
            <View className='gj-card' data-testid='unvoted'>
              <View className='gj-card__head'>未经表决的维修资金支取（{w.unvoted.length}）</View>
              {w.unvoted.length === 0 && <Text className='gj-muted'>每一笔支取都有业主大会的表决。</Text>}
              {w.unvoted.map((u) => (
                <View key={`${u.quarter}-${u.label}`} className='report-line report-line--tap' onClick={go(`${PAGES.accountsReport}?quarter=${u.quarter}`)}>
                  <View className='report-line__main'><Text className='report-line__label'>{quarterLabel(u.quarter)} · {u.label}</Text><Text className='report-line__value'>{formatFen(u.amount)}</Text></View>
                  <Text className='report-unvoted'>未经表决</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
