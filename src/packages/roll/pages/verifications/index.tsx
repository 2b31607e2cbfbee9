// 业主身份核验 (committee; supervisors read): proof photos from people whose
// details did not match the roll. Approve binds them as the unit's owner;
// reject needs a reason, which the applicant sees.
import { View, Text, Image, Input } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import type { VerificationQueueItem } from '../../../../contracts/roll'
import { hasRole } from '../../../../stores/session'
import { decide as decideRequest, fileUrl, verificationQueueResource } from '../../../../stores/roll'
import { formatTime } from '../../components/format'
import { useAction } from '../../components/use-action'
import '../../roll.scss'

const STATUS = { pending: '待审核', approved: '已通过', rejected: '已驳回' } as const

function Request({ r, communityId, canDecide }: { r: VerificationQueueItem; communityId: string; canDecide: boolean }) {
  const [reason, setReason] = useState('')
  const { busy, done, run } = useAction()
  const decide = (decision: 'approve' | 'reject') => void run(() => decideRequest({ communityId, requestId: r.id, decision, reason }), (out) => (out.status === 'approved' ? `已通过：${r.personName} 成为 ${r.building} ${r.unitNo} 的业主` : `已驳回 ${r.personName} 的申请`))
  return (
    <View className='gj-card' data-testid={`request-${r.id}`}>
      <View className='gj-row'>
        <Text className='gj-card__head'>{r.building} {r.unitNo}</Text>
        <Text className={`roll-status--${r.status}`}>{STATUS[r.status]}</Text>
      </View>
      <Text className='roll-guide'>
        申请人：{r.personName}{r.personPhone ? `（${r.personPhone}）` : ''} · 填写姓名：{r.claimedName}{'\n'}
        名册上的业主：{r.rollOwnerNames ?? '名册上已没有这套房'} · {formatTime(r.createdAt)}
        {r.note ? `\n备注：${r.note}` : ''}
        {r.reason ? `\n理由：${r.reason}` : ''}
      </Text>
      <Image className='roll-photo' mode='aspectFit' src={fileUrl(r.fileId)} />
      {r.status === 'pending' && canDecide && (
        <>
          <View className='roll-field'>
            <Text className='roll-field__label'>驳回理由</Text>
            <Input className='roll-field__input' data-testid='reason' placeholder='驳回时必填，申请人会看到' value={reason} onInput={(e) => setReason(e.detail.value)} />
          </View>
          <View className='roll-actions'>
            <Button type='primary' block disabled={busy} onClick={() => decide('approve')}>核对无误，通过</Button>
            <Button type='danger' block disabled={busy} onClick={() => decide('reject')}>驳回</Button>
          </View>
        </>
      )}
      {done && <View className='roll-done' role='status'>{done}</View>}
    </View>
  )
}

export default function VerificationsPage() {
  const { communityId, membership } = useCommunity()
  const queue = verificationQueueResource.store(verificationQueueResource.select(communityId ?? ''))
  const { load, reload } = verificationQueueResource.store.getState()
  useEffect(() => {
    if (communityId) void load(communityId)
  }, [communityId, load])

  if (membership && !hasRole(membership, 'committee', 'supervisor')) {
    return <PageShell title='业主身份核验'><View className='gj-card'><Text>只有业委会成员可以审核业主身份。</Text></View></PageShell>
  }
  return (
    <PageShell title='业主身份核验'>
      <AsyncView resource={queue} onRetry={() => communityId && void reload(communityId)} isEmpty={(d) => d.length === 0} empty={<Text>没有待审核的申请</Text>}>
        {(list) => list.map((r) => <Request key={r.id} r={r} communityId={communityId ?? ''} canDecide={hasRole(membership, 'committee')} />)}
      </AsyncView>
    </PageShell>
  )
}
