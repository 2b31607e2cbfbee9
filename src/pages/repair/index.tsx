// 报修 tab: my repair requests.
import { View, Text } from '@tarojs/components'
import { go, PAGES } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Cell, CellGroup } from '../../components/ui'

export default function RepairPage() {
  return (
    <PageShell title='报修'>
      <View className='gj-section-title'>我的报修</View>
      <View className='gj-card'><Text className='gj-muted'>您还没有报修记录。</Text></View>
      <CellGroup>
        <Cell title='报修须知' description='紧急情况、响应时限与评价' clickable onClick={go(PAGES.repairGuide)} />
      </CellGroup>
    </PageShell>
  )
}
