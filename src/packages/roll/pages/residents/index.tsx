// 我的住户 (owners): family members and tenants linked to my units. An invite
// code links a new one (they type it in their own WeChat); 移除 unlinks.
import { View, Text, Picker } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import type { ResidentInviteOutput } from '../../../../contracts/roll'
import { hasRole } from '../../../../stores/session'
import { inviteResident, removeResident, residentsResource } from '../../../../stores/roll'
import { formatDay, formatTime } from '../../components/format'
import { useAction } from '../../components/use-action'
import '../../roll.scss'

export default function ResidentsPage() {
  const { communityId, membership, me } = useCommunity()
  const residents = residentsResource.store(residentsResource.select(communityId ?? ''))
  const { load, reload } = residentsResource.store.getState()
  const [unitIndex, setUnitIndex] = useState(0)
  const [invite, setInvite] = useState<ResidentInviteOutput | null>(null)
  const action = useAction()
  useEffect(() => {
    if (communityId && hasRole(membership, 'owner')) void load(communityId)
  }, [communityId, membership, load])

  if (membership && !hasRole(membership, 'owner')) {
    return <PageShell title='我的住户'><View className='gj-card'><Text>绑定房屋成为业主后，才能添加家属或租户。</Text></View></PageShell>
  }
  const units = (me?.units ?? []).filter((u) => u.communityId === communityId && u.relation === 'owner')
  const unit = units[Math.min(unitIndex, units.length - 1)]

  return (
    <PageShell title='我的住户'>
      <View className='gj-card' data-testid='invite'>
        <View className='gj-card__head'>添加家属或租户</View>
        <Text className='roll-guide'>生成邀请码发给对方，对方在自己的微信里打开「我的 → 绑定房屋」，在「我是家属或租户」处填写。邀请码 7 天内有效，只能用一次。住户可以报修、看公告，不参加投票。</Text>
        {unit && (
          <Picker mode='selector' range={units.map((u) => `${u.building} ${u.unitNo}`)} value={unitIndex} onChange={(e) => setUnitIndex(Number(e.detail.value))}>
            <View className='roll-field'><Text className='roll-field__label'>房屋</Text><Text>{unit.building} {unit.unitNo}</Text></View>
          </Picker>
        )}
        <View className='roll-actions'>
          <Button type='primary' block disabled={action.busy || !unit || !communityId} onClick={() => unit && communityId && void action.run(async () => setInvite(await inviteResident({ communityId, building: unit.building, unitNo: unit.unitNo })))}>生成邀请码</Button>
        </View>
        {invite && (
          <View data-testid='invite-code'>
            <Text className='roll-code'>{invite.code}</Text>
            <Text className='gj-muted'>{invite.building} {invite.unitNo} · {formatDay(invite.expiresAt)} 前有效</Text>
          </View>
        )}
      </View>
      <View className='gj-section-title'>已添加的住户</View>
      <AsyncView resource={residents} onRetry={() => communityId && void reload(communityId)} isEmpty={(d) => d.length === 0} empty={<Text>还没有添加住户</Text>}>
        {(list) => (
          <View className='gj-card' data-testid='residents'>
            {list.map((r) => (
              <View key={`${r.personId}-${r.building}-${r.unitNo}`} className='gj-row'>
                <View>
                  <Text>{r.name}</Text>
                  <Text className='gj-muted'> · {r.building} {r.unitNo}{r.phone ? ` · ${r.phone}` : ''} · {formatTime(r.linkedAt)}</Text>
                </View>
                <Button size='small' disabled={action.busy} onClick={() => communityId && void action.run(() => removeResident({ communityId, personId: r.personId, building: r.building, unitNo: r.unitNo }), () => `已移除 ${r.name}（${r.building} ${r.unitNo}）`)}>移除</Button>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      {action.done && <View className='roll-done' role='status'>{action.done}</View>}
    </PageShell>
  )
}
