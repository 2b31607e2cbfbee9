// 楼长 tab: the captain's buildings and reception days.
import { View, Text } from '@tarojs/components'
import { go, PAGES } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Cell, CellGroup, Tag } from '../../components/ui'
import { useCommunity } from '../../components/use-community'
import { hasRole } from '../../stores/session'

export default function CaptainPage() {
  const { membership } = useCommunity()
  const isCaptain = hasRole(membership, 'captain')
  return (
    <PageShell title='楼长接待'>
      {isCaptain && (
        <View className='gj-card' data-testid='my-buildings'>
          <View className='gj-card__head'>我负责的楼栋</View>
          <View className='gj-tags'>{membership!.buildings.map((b) => <Tag key={b} type='success'>{b}</Tag>)}</View>
        </View>
      )}
      <View className='gj-section-title'>近期接待日</View>
      <View className='gj-card'><Text className='gj-muted'>暂无接待日安排。楼长排好接待日后，本楼业主会在这里看到时间和地点。</Text></View>
      <CellGroup>
        <Cell title='楼长接待日怎么用' description='反映问题、跟踪整改到完成' clickable onClick={go(PAGES.captainGuide)} />
      </CellGroup>
    </PageShell>
  )
}
