// 投票 tab: the roll every vote counts against, the assemblies, the rules.
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../components/async-view'
import { go, PAGES, to } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Button, Cell, CellGroup, Tag } from '../../components/ui'
import { CommunityGate } from '../../components/community-gate'
import { ParticipationBars } from '../../components/participation-bars'
import { formatArea } from '../../domain/measure'
import { formatDateTime } from '../../domain/time'
import { PHASE_LABEL } from '../../domain/voting/assembly'
import type { MyMembership } from '../../contracts/identity'
import { overviewResource } from '../../stores/community'
import { hasRole } from '../../stores/session'
import { assemblyListResource } from '../../stores/voting'

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

function Assemblies({ communityId, membership }: { communityId: string; membership: MyMembership }) {
  const list = assemblyListResource.store(assemblyListResource.select(communityId))
  const { load, reload } = assemblyListResource.store.getState()
  useEffect(() => {
    void load(communityId)
  }, [communityId, load])
  return (
    <>
      <View className='gj-section-title'>业主大会</View>
      {hasRole(membership, 'committee') && (
        <Button type='primary' block className='gj-big-button' onClick={go(PAGES.callAssembly)}>发起业主大会</Button>
      )}
      <AsyncView
        resource={list}
        onRetry={() => void reload(communityId)}
        isEmpty={(l) => l.length === 0}
        empty={<Text className='gj-muted'>暂无业主大会。业委会发布表决公告后会在这里显示。</Text>}
      >
        {(l) => l.map((a) => (
          <View key={a.id} className='gj-card' data-testid='assembly-card'>
            <View className='gj-card__head'>{a.title}</View>
            <View className='gj-row'>
              <Tag type={a.phase === 'open' ? 'success' : 'default'}>{PHASE_LABEL[a.phase]}</Tag>
              <Text className='gj-muted'>{a.motionCount} 个议案</Text>
            </View>
            <Text className='gj-muted'>投票时间：{formatDateTime(a.opensAt)} 至 {formatDateTime(a.closesAt)}</Text>
            {a.participation && <ParticipationBars p={a.participation} />}
            <Button type={a.phase === 'open' ? 'primary' : 'default'} block className='gj-big-button' onClick={to(PAGES.assembly, { id: a.id })}>
              {a.phase === 'open' ? '查看并投票' : '查看详情'}
            </Button>
          </View>
        ))}
      </AsyncView>
    </>
  )
}

export default function VotePage() {
  return (
    <PageShell title='业主大会表决'>
      <CommunityGate>
        {(communityId, membership) => (
          <>
            <RollBase communityId={communityId} />
            <Assemblies communityId={communityId} membership={membership} />
          </>
        )}
      </CommunityGate>
      <CellGroup>
        <Cell title='表决规则与法定比例' description='双过半、双四分之三如何计算' clickable onClick={go(PAGES.voteRules)} />
      </CellGroup>
    </PageShell>
  )
}
