// 我的: who I am (as the server says), my roles and units, binding a unit, my
// residents, the committee's roll pages, large-text mode.
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../components/async-view'
import { go, PAGES } from '../../components/nav'
import { PageShell } from '../../components/page-shell'
import { Cell, CellGroup, Switch, Tag } from '../../components/ui'
import { useCommunity } from '../../components/use-community'
import { formatArea } from '../../domain/measure'
import { ROLE_LABELS } from '../../domain/roles'
import type { MeOutput } from '../../contracts/identity'
import { residentsResource } from '../../stores/roll'
import { canSwitchIdentity, hasRole, useSession } from '../../stores/session'
import { useUi } from '../../stores/ui'

export default function MinePage() {
  const { status, me, error, membership, communityId, retry } = useCommunity()
  const largeText = useUi((s) => s.largeText)
  const setLargeText = useUi((s) => s.setLargeText)
  const switchIdentity = useSession((s) => s.switchIdentity)
  const isOwner = hasRole(membership, 'owner')
  const residents = residentsResource.store(residentsResource.select(communityId ?? ''))
  const loadResidents = residentsResource.store((s) => s.load)
  useEffect(() => {
    if (communityId && isOwner) void loadResidents(communityId)
  }, [communityId, isOwner, loadResidents])
  return (
    <PageShell title='我的'>
      <AsyncView<MeOutput> resource={{ status, data: me, error }} onRetry={retry}>
        {(m) => (
          <>
            <View className='gj-card' data-testid='me'>
              <View className='gj-card__head'>{m.person.name}</View>
              {m.memberships.length === 0 && <Text className='gj-muted'>您还没有加入任何小区。</Text>}
              {/* The operator founds a new community by this id (its first committee member). */}
              {m.memberships.length === 0 && <View className='gj-muted' data-testid='my-person-id'>您的人员编号：{m.person.id}（成立新小区时请告诉管理员）</View>}
              {m.memberships.map((ms) => (
                <View key={ms.communityId} className='gj-row'>
                  <Text>{ms.communityName}</Text>
                  <View className='gj-tags'>{ms.roles.map((r) => <Tag key={r} type={r === 'owner' ? 'success' : 'primary'}>{ROLE_LABELS[r]}</Tag>)}</View>
                </View>
              ))}
            </View>
            <View className='gj-section-title'>我的房屋</View>
            <View className='gj-card' data-testid='my-units'>
              {m.units.filter((u) => u.communityId === communityId).length === 0 ? (
                <Text className='gj-muted'>还没有绑定房屋。</Text>
              ) : (
                m.units.filter((u) => u.communityId === communityId).map((u) => (
                  <View key={`${u.building}-${u.unitNo}-${u.relation}`} className='gj-row'>
                    <Text>{u.building} {u.unitNo}（{u.relation === 'owner' ? '业主' : '住户'}）</Text>
                    <Text className='gj-muted'>{u.area > 0 ? formatArea(u.area) : ''}</Text>
                  </View>
                ))
              )}
            </View>
            <CellGroup>
              <Cell title='绑定房屋' description='业主按房产证核对绑定；家属、租户填写业主给的邀请码' clickable onClick={go(PAGES.bindUnit)} />
            </CellGroup>
            {isOwner && (
              <>
                <View className='gj-section-title'>我的住户</View>
                <View className='gj-card' data-testid='my-residents'>
                  {residents.status === 'failed' && <Text className='gj-muted'>住户加载失败</Text>}
                  {residents.data?.length === 0 && <Text className='gj-muted'>还没有添加家属或租户。</Text>}
                  {residents.data?.map((r) => (
                    <View key={`${r.personId}-${r.building}-${r.unitNo}`} className='gj-row'>
                      <Text>{r.name}</Text>
                      <Text className='gj-muted'>{r.building} {r.unitNo}</Text>
                    </View>
                  ))}
                </View>
                <CellGroup>
                  <Cell title='管理住户' description='添加或移除家属、租户' clickable onClick={go(PAGES.residents)} />
                </CellGroup>
              </>
            )}
          </>
        )}
      </AsyncView>
      <View className='gj-section-title'>设置</View>
      <CellGroup>
        <Cell
          title='大字模式'
          description='放大所有页面的文字和按钮'
          extra={<Switch checked={largeText} loadingIcon={null} onChange={(v: boolean) => setLargeText(v)} aria-label='大字模式' />}
        />
        {hasRole(membership, 'committee', 'supervisor') && <Cell title='业主名册' description={hasRole(membership, 'committee') ? '导入名册，查看各版本和各楼栋合计' : '查看各版本和各楼栋合计'} clickable onClick={go(PAGES.rollVersions)} />}
        {hasRole(membership, 'committee', 'supervisor') && <Cell title='业主身份核验' description='审核上传的产权证明' clickable onClick={go(PAGES.verifications)} />}
        {hasRole(membership, 'committee') && <Cell title='角色管理' description='任命楼长、业委会、物业、监督' clickable onClick={go(PAGES.roles)} />}
        {hasRole(membership, 'committee', 'supervisor') && <Cell title='审计日志' clickable onClick={go(PAGES.audit)} />}
        {canSwitchIdentity(me) && <Cell title='切换演示身份' description='开发模式' clickable onClick={switchIdentity} />}
      </CellGroup>
    </PageShell>
  )
}
