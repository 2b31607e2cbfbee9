// The committee enters a signed paper ballot: the unit, a choice per motion,
// and a photo of the signed ballot taken on the phone. The same one-per-owner key as online ballots
// applies; a duplicate is refused naming the first ballot's channel and time.
import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { CommunityGate } from '../../../../components/community-gate'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useAssembly } from '../../../../components/use-assembly'
import type { AssemblyDetail, BallotReceipt } from '../../../../contracts/voting'
import { CHOICES, CHOICE_LABEL, type Choice } from '../../../../domain/voting/tally'
import { hasRole } from '../../../../stores/session'
import { enterPaperBallot } from '../../../../stores/voting'
import { MotionHead, PhotoField } from '../../components'

function Form({ a, communityId }: { a: AssemblyDetail; communityId: string }) {
  const [building, setBuilding] = useState('')
  const [unitNo, setUnitNo] = useState('')
  const [photo, setPhoto] = useState('')
  const [choices, setChoices] = useState<Record<string, Choice>>({})
  const [approve, setApprove] = useState<Record<string, string[]>>({})
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null)
  const [busy, setBusy] = useState(false)
  if (a.phase !== 'open') return <View className='gj-card'><Text>只能在投票时间内录入纸质选票。</Text></View>
  const ready = building.trim() && unitNo.trim() && photo && a.motions.every((m) => m.election || choices[m.id])
  const submit = async () => {
    setBusy(true)
    try {
      setReceipt(await enterPaperBallot({
        communityId, assemblyId: a.id, building: building.trim(), unitNo: unitNo.trim(), photo,
        votes: a.motions.map((m) => (m.election ? { motionId: m.id, approve: approve[m.id] ?? [] } : { motionId: m.id, choice: choices[m.id] })),
      }))
      setChoices({})
      setApprove({})
      setUnitNo('')
      setPhoto('')
    } catch {
      // Shown once by the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      {receipt && <View className='gj-card' data-testid='paper-receipt'><Text>已录入，查验码 {receipt.trackingCode}</Text></View>}
      <View className='gj-card'>
        <Text>楼栋</Text>
        <Input className='gj-input' value={building} onInput={(e) => setBuilding(e.detail.value)} placeholder='例如 1栋' />
        <Text>房号</Text>
        <Input className='gj-input' value={unitNo} onInput={(e) => setUnitNo(e.detail.value)} placeholder='例如 0203' />
        <PhotoField communityId={communityId} label='纸质选票照片（必填）' hint='请拍下业主签名的整张选票，照片会作为凭证存档。' value={photo} onChange={setPhoto} />
      </View>
      {a.motions.map((m) => (
        <View key={m.id} className='gj-card'>
          <MotionHead m={m} />
          {m.election ? (
            m.election.candidates.map((c) => {
              const on = (approve[m.id] ?? []).includes(c.id)
              return (
                <View key={c.id} className={`gj-choice${on ? ' gj-choice--on' : ''}`}
                  onClick={() => setApprove((s) => ({ ...s, [m.id]: on ? (s[m.id] ?? []).filter((x) => x !== c.id) : [...(s[m.id] ?? []), c.id].slice(0, m.election!.seats) }))}>
                  {on ? '✓ ' : ''}{c.name}
                </View>
              )
            })
          ) : (
            <View className='gj-choices'>
              {CHOICES.map((c) => (
                <View key={c} className={`gj-choice${choices[m.id] === c ? ' gj-choice--on' : ''}`} onClick={() => setChoices((s) => ({ ...s, [m.id]: c }))}>{CHOICE_LABEL[c]}</View>
              ))}
            </View>
          )}
        </View>
      ))}
      {!ready && <Text className='gj-muted'>填好楼栋、房号，拍下选票，并为每个议案选择后才能录入。</Text>}
      <Button type='primary' block className='gj-big-button' disabled={!ready || busy} onClick={() => void submit()}>录入这张纸质选票</Button>
    </>
  )
}

function Body({ communityId, id }: { communityId: string; id?: string }) {
  const { resource, retry, none } = useAssembly(communityId, id)
  if (none) return <View className='gj-card'><Text className='gj-muted'>暂无业主大会。</Text></View>
  return <AsyncView resource={resource} onRetry={retry}>{(a) => <Form a={a} communityId={communityId} />}</AsyncView>
}

export default function PaperBallotPage({ id }: { id?: string }) {
  return (
    <PageShell title='录入纸质选票'>
      <CommunityGate>
        {(communityId, membership) =>
          hasRole(membership, 'committee') ? <Body communityId={communityId} id={id} /> : <View className='gj-card'><Text>只有业委会可以录入纸质选票。</Text></View>}
      </CommunityGate>
    </PageShell>
  )
}
