// 投票 tab: the roll every vote counts against, the assemblies, the rules.
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../components/async-view'
import { go, PAGES } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Cell, CellGroup } from '../../components/ui'
import { CommunityGate } from '../../components/community-gate'
import { formatArea } from '../../domain/measure'
import { overviewResource } from '../../stores/community'

function RollBase({ communityId }: { communityId: string }) {
  const overview = overviewResource.store(overviewResource.select(communityId))
  const { load, reload } = overviewResource.store.getState()
  useEffect(() => {
    void load(communityId)
  }, [communityId, load])
  return (
    <AsyncView resource={overview} onRetry={() => void reload(communityId)}>
      {(o) => (
        <View className='gj-card' data-testid='roll-base'>
          <View className='gj-card__head'>{o.name} · 表决基数</View>
          {o.roll ? (
            <>
              <View className='gj-stats'>
                <View className='gj-stat'><Text className='gj-stat__value'>{o.roll.heads}</Text><Text className='gj-stat__label'>业主人数</Text></View>
                <View className='gj-stat'><Text className='gj-stat__value'>{o.roll.units}</Text><Text className='gj-stat__label'>专有部分（户）</Text></View>
              </View>
              <View className='gj-row'><Text>专有部分总面积</Text><Text>{formatArea(o.roll.area)}</Text></View>
              <Text className='gj-muted'>业主名册第 {o.roll.version} 版。人数按法定规则：一人多套计 1 人，开发商未售房屋合计 1 人。</Text>
            </>
          ) : (
            <Text className='gj-muted'>业委会尚未导入业主名册，暂不能发起表决。</Text>
          )}
        </View>
      )}
    </AsyncView>
  )
}

export default function VotePage() {
  return (
    <PageShell title='业主大会表决'>
      <CommunityGate>{(communityId) => <RollBase communityId={communityId} />}</CommunityGate>
      <View className='gj-section-title'>进行中的表决</View>
      <View className='gj-card'><Text className='gj-muted'>暂无进行中的业主大会。业委会发布表决公告后会在这里显示。</Text></View>
      <CellGroup>
        <Cell title='表决规则与法定比例' description='双过半、双四分之三如何计算' clickable onClick={go(PAGES.voteRules)} />
      </CellGroup>
    </PageShell>
  )
}
