// 楼长 tab: the next reception days of my buildings, and the way into
// everything captains, owners, the property company, the committee and
// supervisors do with reception days and rectification.
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../components/async-view'
import { go, PAGES } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Cell, CellGroup, Tag } from '../../components/ui'
import { useCommunity } from '../../components/use-community'
import { formatShanghai } from '../../domain/captains/time'
import { boardResource, upcomingResource, useCaptainSelection, type BoardScope } from '../../stores/captains'
import { hasRole } from '../../stores/session'

export default function CaptainPage() {
  const { communityId, membership } = useCommunity()
  const isCaptain = hasRole(membership, 'captain')
  const days = upcomingResource.store(upcomingResource.select(communityId ?? ''))
  const { load, reload } = upcomingResource.store.getState()
  useEffect(() => {
    if (communityId) void load(communityId)
  }, [communityId, load])
  const openBoard = (scope: BoardScope, building: string | null = null) => () => {
    useCaptainSelection.getState().select({ scope, building })
    if (communityId) void boardResource.store.getState().reload(communityId, scope, building)
    go(PAGES.captainItems)()
  }
  return (
    <PageShell title='楼长接待'>
      {isCaptain && (
        <View className='gj-card' data-testid='my-buildings'>
          <View className='gj-card__head'>我负责的楼栋</View>
          <View className='gj-tags'>{membership!.buildings.map((b) => <Tag key={b} type='success' onClick={openBoard('building', b)}>{b}</Tag>)}</View>
        </View>
      )}
      <View className='gj-section-title'>近期接待日</View>
      <AsyncView resource={days} onRetry={() => communityId && void reload(communityId)} isEmpty={(d) => d.filter((x) => x.status === 'scheduled').length === 0}
        empty={<Text className='gj-state__text'>暂无接待日安排。楼长排好接待日后，本楼业主会在这里看到时间和地点。</Text>}>
        {(list) => (
          <View className='gj-card' data-testid='upcoming'>
            {list.filter((d) => d.status === 'scheduled').slice(0, 3).map((d) => (
              <View key={d.id} className='gj-row' onClick={go(PAGES.captainDays)}>
                <Text>{d.building} · {formatShanghai(d.startsAt)}</Text>
                <Text className='gj-muted'>{d.place}</Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      <CellGroup>
        <Cell title='接待日与预约' description='查看时间地点，预约一个时段' clickable onClick={go(PAGES.captainDays)} />
        {isCaptain && <Cell title='安排接待日' description='每周固定或单次，可取消、改期' clickable onClick={go(PAGES.captainSchedule)} />}
        <Cell title={isCaptain ? '登记反映事项' : '反映问题'} description='写清问题，可附照片' clickable onClick={go(PAGES.captainRaise)} />
        {hasRole(membership, 'owner', 'resident') && <Cell title='我反映的问题' description='看进度，确认或重新打开' clickable onClick={openBoard('mine')} />}
        {hasRole(membership, 'property', 'committee') && <Cell title='我的整改任务' description='待处理、整改中、被重新打开的' clickable onClick={openBoard('assigned')} />}
        {hasRole(membership, 'committee', 'property', 'supervisor') && <Cell title='整改看板' description='全小区事项，逾期的标红' clickable onClick={openBoard('all')} />}
        <Cell title='月度汇总' description='楼长月会用：收到、办结、逾期、整改率' clickable onClick={go(PAGES.captainMonth)} />
        <Cell title='认领清单' description='领单、派单，谁做了什么' clickable onClick={go(PAGES.captainClaims)} />
        <Cell title='楼长接待日怎么用' description='反映问题、跟踪整改到完成' clickable onClick={go(PAGES.captainGuide)} />
      </CellGroup>
    </PageShell>
  )
}
