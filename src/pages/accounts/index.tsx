// 公开 tab: published quarters newest first (with the collection-rate trend),
// the tools of the committee and property staff, and what supervisors chase.
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../components/async-view'
import { dateText } from '../../components/dates'
import { go, PAGES } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Cell, CellGroup } from '../../components/ui'
import { useCommunity } from '../../components/use-community'
import { formatFen } from '../../domain/measure'
import { quarterLabel } from '../../domain/disclosure/quarter'
import { percentText } from '../../domain/disclosure/report'
import { quartersResource } from '../../stores/disclosure'
import { hasRole } from '../../stores/session'

export default function AccountsPage() {
  const { communityId, membership } = useCommunity()
  const quarters = quartersResource.store(quartersResource.select(communityId ?? ''))
  useEffect(() => {
    if (communityId) void quartersResource.store.getState().load(communityId)
  }, [communityId])
  return (
    <PageShell title='财务与事务公开'>
      <View className='gj-section-title'>季度报告</View>
      <AsyncView resource={quarters} onRetry={() => communityId && void quartersResource.store.getState().reload(communityId)} isEmpty={(d) => d.length === 0}
        empty={<View className='gj-card'><Text className='gj-muted'>业委会尚未发布季度报告。发布后，物业费、公共收益、水电公摊和维修资金都会在这里按季度公开。</Text></View>}>
        {(list) => (
          <CellGroup>
            {list.map((q) => (
              <Cell key={q.quarter} title={`${quarterLabel(q.quarter)}${q.version > 1 ? `（第 ${q.version} 版）` : ''}`} clickable onClick={go(`${PAGES.accountsReport}?quarter=${q.quarter}`)}
                description={`收缴率 ${percentText(q.collectionRate)} · 公共收益余额 ${formatFen(q.commonIncomeBalance)}${q.unvotedWithdrawals ? ` · ${q.unvotedWithdrawals} 笔支取未经表决` : ''}${q.openQuestions ? ` · ${q.openQuestions} 个问题待答复` : ''}`}
                extra={dateText(q.publishedAt)} />
            ))}
          </CellGroup>
        )}
      </AsyncView>
      <CellGroup>
        {hasRole(membership, 'committee', 'property') && <Cell title='编制季度报告' description='填写或导入数据，核对平衡后由业委会发布' clickable onClick={go(PAGES.accountsDraft)} />}
        {hasRole(membership, 'committee', 'supervisor') && <Cell title='监督提醒' description='超期未答复的提问、未经表决的维修资金支取' clickable onClick={go(PAGES.accountsWatch)} />}
        <Cell title='公开哪些内容' description='依据民法典与物业服务收费管理办法' clickable onClick={go(PAGES.accountsRules)} />
        {hasRole(membership, 'committee', 'supervisor') && <Cell title='审计日志' description='每一次变更都在哈希链上，可核验' clickable onClick={go(PAGES.audit)} />}
      </CellGroup>
    </PageShell>
  )
}
