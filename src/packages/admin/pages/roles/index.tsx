// 角色管理 (committee): appoint and revoke captains, committee members,
// property staff and supervisors. Every change goes into the audit chain.
import { View, Text, Picker, Input } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button, Tag } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { APPOINTED_ROLES, ROLE_LABELS, type Role } from '../../../../domain/roles'
import { appointRole, peopleResource, removeRole } from '../../../../stores/community'
import { hasRole } from '../../../../stores/session'
import './index.scss'

export default function RolesPage() {
  const { communityId, membership } = useCommunity()
  const people = peopleResource.store(peopleResource.select(communityId ?? ''))
  const { load, reload } = peopleResource.store.getState()
  const [personIndex, setPersonIndex] = useState(0)
  const [roleIndex, setRoleIndex] = useState(0)
  const [buildings, setBuildings] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => {
    if (communityId) void load(communityId)
  }, [communityId, load])

  if (membership && !hasRole(membership, 'committee')) {
    return <PageShell title='角色管理'><View className='gj-card'><Text>只有业委会成员可以管理角色。</Text></View></PageShell>
  }

  const role: Role = APPOINTED_ROLES[roleIndex]
  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true)
    setDone(null)
    try {
      await action()
      setDone(message)
    } catch {
      // The failure is already shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell title='角色管理'>
      <AsyncView resource={people} onRetry={() => communityId && void reload(communityId)} isEmpty={(d) => d.length === 0}>
        {(list) => {
          const chosen = list[Math.min(personIndex, list.length - 1)]
          return (
            <>
              <View className='gj-card' data-testid='appoint'>
                <View className='gj-card__head'>任命</View>
                <Picker mode='selector' range={list.map((p) => p.name)} value={personIndex} onChange={(e) => setPersonIndex(Number(e.detail.value))}>
                  <View className='gj-row roles-pick'><Text>人员</Text><Text>{chosen.name}</Text></View>
                </Picker>
                <Picker mode='selector' range={APPOINTED_ROLES.map((r) => ROLE_LABELS[r])} value={roleIndex} onChange={(e) => setRoleIndex(Number(e.detail.value))}>
                  <View className='gj-row roles-pick'><Text>角色</Text><Text>{ROLE_LABELS[role]}</Text></View>
                </Picker>
                {role === 'captain' && (
                  <View className='gj-row roles-pick'>
                    <Text>负责楼栋</Text>
                    <Input className='roles-input' placeholder='如：4栋、5栋' value={buildings} onInput={(e) => setBuildings(e.detail.value)} />
                  </View>
                )}
                <Button type='primary' block disabled={busy} onClick={() => communityId && void run(
                  () => appointRole({ communityId, personId: chosen.id, role, buildings: buildings.split(/[、,，\s]+/).filter(Boolean) }),
                  `已任命${chosen.name}为${ROLE_LABELS[role]}`,
                )}>确认任命</Button>
                {done && <View className='roles-done' role='status'>{done}</View>}
              </View>
              <View className='gj-section-title'>成员与角色</View>
              <View className='gj-card'>
                {list.map((p) => (
                  <View key={p.id} className='gj-row'>
                    <Text>{p.name}{p.buildings.length ? `（${p.buildings.join('、')}）` : ''}</Text>
                    <View className='gj-tags'>
                      {p.roles.map((r) => (APPOINTED_ROLES.includes(r)
                        ? <Tag key={r} type='primary' closeable onClose={() => communityId && void run(() => removeRole({ communityId, personId: p.id, role: r }), `已撤销${p.name}的${ROLE_LABELS[r]}角色`)}>{ROLE_LABELS[r]}</Tag>
                        : <Tag key={r} type='success'>{ROLE_LABELS[r]}</Tag>))}
                    </View>
                  </View>
                ))}
              </View>
            </>
          )
        }}
      </AsyncView>
    </PageShell>
  )
}
