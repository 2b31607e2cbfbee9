// 报修 tab: a big 我要报修 button, my requests (and those in units I own),
// the community's common-area requests, and the way to the staff queue, the
// monthly numbers and (committee) the repair settings.
import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { AsyncView } from '../../components/async-view'
import { go, PAGES, to } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { RepairCard } from '../../components/repair-card'
import { Button, Cell, CellGroup } from '../../components/ui'
import { useCommunity } from '../../components/use-community'
import { repairListResource } from '../../stores/repairs'
import { hasRole } from '../../stores/session'
import './index.scss'

function RepairList({ communityId, scope, empty }: { communityId: string; scope: 'mine' | 'common'; empty: string }) {
  const list = repairListResource.store(repairListResource.select(communityId, scope))
  const { load, reload } = repairListResource.store.getState()
  useEffect(() => void load(communityId, scope), [communityId, scope, load])
  // The tab page stays alive between visits: coming back shows what changed meanwhile (e.g. staff completed a request).
  useDidShow(() => void reload(communityId, scope))
  return (
    <AsyncView resource={list} onRetry={() => void reload(communityId, scope)} isEmpty={(d) => d.length === 0} empty={<View className='gj-muted'>{empty}</View>}>
      {(items) => (
        <View data-testid={`repair-list-${scope}`}>
          {items.map((r) => <RepairCard key={r.id} repair={r} showReporter={scope === 'common'} onOpen={to(PAGES.repairDetail, { id: r.id })} />)}
        </View>
      )}
    </AsyncView>
  )
}

export default function RepairPage() {
  const { communityId, membership } = useCommunity()
  return (
    <PageShell title='报修'>
      {hasRole(membership, 'owner', 'resident') && (
        <View className='repair-tab__report'>
          <Button type='primary' size='large' block onClick={go(PAGES.repairReport)}>我要报修</Button>
        </View>
      )}
      {hasRole(membership, 'property', 'committee', 'supervisor') && (
        <CellGroup>
          <Cell title='待处理报修' description='按承诺时限排序，先到期的在前' clickable onClick={go(PAGES.repairQueue)} />
          {hasRole(membership, 'committee') && <Cell title='报修设置' description='服务时限、公共区域列表' clickable onClick={go(PAGES.repairSettings)} />}
        </CellGroup>
      )}
      <View className='gj-section-title'>我的报修</View>
      {communityId ? <RepairList communityId={communityId} scope='mine' empty='您还没有报修记录。' /> : null}
      <View className='gj-section-title'>公共区域报修</View>
      {communityId ? <RepairList communityId={communityId} scope='common' empty='公共区域暂无报修。' /> : null}
      <CellGroup>
        <Cell title='每月服务数据' description='报修数量、响应与完成用时、评分' clickable onClick={go(PAGES.repairStats)} />
        <Cell title='报修须知' description='紧急情况、响应时限与评价' clickable onClick={go(PAGES.repairGuide)} />
      </CellGroup>
    </PageShell>
  )
}
