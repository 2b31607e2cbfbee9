// 公开 tab: quarterly reports, and the audit log for those who may read it.
import { View, Text } from '@tarojs/components'
import { go, PAGES } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Cell, CellGroup } from '../../components/ui'
import { useCommunity } from '../../components/use-community'
import { hasRole } from '../../stores/session'

export default function AccountsPage() {
  const { membership } = useCommunity()
  return (
    <PageShell title='财务与事务公开'>
      <View className='gj-section-title'>季度报告</View>
      <View className='gj-card'><Text className='gj-muted'>业委会尚未发布季度报告。发布后，物业费、公共收益、水电公摊和维修资金都会在这里按季度公开。</Text></View>
      <CellGroup>
        <Cell title='公开哪些内容' description='依据民法典与物业服务收费管理办法' clickable onClick={go(PAGES.accountsRules)} />
        {hasRole(membership, 'committee', 'supervisor') && <Cell title='审计日志' description='每一次变更都在哈希链上，可核验' clickable onClick={go(PAGES.audit)} />}
      </CellGroup>
    </PageShell>
  )
}
