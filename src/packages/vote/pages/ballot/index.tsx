// The voting flow: a choice for every motion (同意 / 反对 / 弃权, or up to N
// candidates in an election), a review screen that says a cast ballot cannot
// be changed, submit, and a receipt with the tracking code.
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { CommunityGate } from '../../../../components/community-gate'
import { pageParam, PAGES, to } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useAssembly } from '../../../../components/use-assembly'
import type { AssemblyDetail, MotionView, MyVoter } from '../../../../contracts/voting'
import { formatArea } from '../../../../domain/measure'
import { formatDateTime } from '../../../../domain/time'
import { CHOICES, CHOICE_LABEL } from '../../../../domain/voting/tally'
import { useBallotDraft, type Marks } from '../../../../stores/voting'
import { MotionHead } from '../../components'

function describe(m: MotionView, marks: Marks | undefined): string {
  if (!marks) return '未选择'
  if ('choice' in marks) return CHOICE_LABEL[marks.choice]
  const names = m.election!.candidates.filter((c) => marks.approve.includes(c.id)).map((c) => c.name)
  return names.length ? `同意：${names.join('、')}` : '未同意任何候选人（视为弃权）'
}

function Choose({ motions }: { motions: MotionView[] }) {
  const { marks, choose, toggleCandidate, review } = useBallotDraft()
  const done = motions.every((m) => marks[m.id] || m.election)
  return (
    <>
      {motions.map((m) => {
        const mk = marks[m.id]
        return (
          <View key={m.id} className='gj-card' data-testid='ballot-motion'>
            <MotionHead m={m} />
            {m.body && <Text>{m.body}</Text>}
            {m.election ? (
              <>
                <Text className='gj-muted'>{'\n'}最多同意 {m.election.seats} 名（已选 {mk && 'approve' in mk ? mk.approve.length : 0} 名）；不选的候选人视为弃权。</Text>
                {m.election.candidates.map((c) => {
                  const on = !!mk && 'approve' in mk && mk.approve.includes(c.id)
                  return (
                    <View key={c.id} className={`gj-choice${on ? ' gj-choice--on' : ''}`} role='checkbox' aria-checked={on} onClick={() => toggleCandidate(m.id, c.id, m.election!.seats)}>
                      {on ? '✓ ' : ''}{c.name}{c.statement ? `（${c.statement}）` : ''}
                    </View>
                  )
                })}
              </>
            ) : (
              <View className='gj-choices' role='radiogroup'>
                {CHOICES.map((c) => {
                  const on = !!mk && 'choice' in mk && mk.choice === c
                  return (
                    <View key={c} className={`gj-choice${on ? ' gj-choice--on' : ''}`} role='radio' aria-checked={on} onClick={() => choose(m.id, c)}>
                      {CHOICE_LABEL[c]}
                    </View>
                  )
                })}
              </View>
            )}
          </View>
        )
      })}
      {!done && <Text className='gj-muted'>每个议案都要选择后才能继续。</Text>}
      <Button type='primary' block className='gj-big-button' disabled={!done} onClick={review}>下一步：核对选票</Button>
    </>
  )
}

function Review({ a, voter, motions, communityId }: { a: AssemblyDetail; voter: MyVoter; motions: MotionView[]; communityId: string }) {
  const { marks, back, submit, submitting, error } = useBallotDraft()
  return (
    <>
      <View className='gj-warning' data-testid='final-warning'>选票一经投出不能更改，请仔细核对。</View>
      <View className='gj-card' data-testid='review'>
        <View className='gj-card__head'>{voter.as === 'proxy' ? '代投：' : ''}{voter.units.map((u) => `${u.building}${u.unitNo}`).join('、')}（{formatArea(voter.area)}）</View>
        {motions.map((m) => (
          <View key={m.id} className='gj-row gj-row--choice'>
            <Text>议案 {m.position}：{m.title}</Text>
            <Text>{describe(m, marks[m.id])}</Text>
          </View>
        ))}
      </View>
      {error && <View className='gj-warning' role='alert'>{error}</View>}
      <Button block className='gj-big-button' disabled={submitting} onClick={back}>返回修改</Button>
      <Button type='primary' block className='gj-big-button' loading={submitting} disabled={submitting}
        onClick={() => void submit({ communityId, assemblyId: a.id, ownerKey: voter.ownerKey, motionIds: motions.map((m) => m.id) })}>
        确认投票
      </Button>
    </>
  )
}

function Receipt({ a, motions }: { a: AssemblyDetail; motions: MotionView[] }) {
  const { receipt, marks } = useBallotDraft()
  if (!receipt) return null
  return (
    <>
      <View className='gj-card' data-testid='receipt'>
        <View className='gj-card__head'>投票成功</View>
        <Text>查验码</Text>
        <View className='gj-code' data-testid='tracking-code'>{receipt.trackingCode}</View>
        <Text className='gj-muted'>投票时间 {formatDateTime(receipt.castAt)}（服务器时间）。请记下查验码：计票后可在公布的选票清单中按查验码核对自己的选择。</Text>
        {motions.map((m) => (
          <View key={m.id} className='gj-row gj-row--choice'>
            <Text>议案 {m.position}：{m.title}</Text>
            <Text>{describe(m, marks[m.id])}</Text>
          </View>
        ))}
      </View>
      <Button type='primary' block className='gj-big-button' onClick={to(PAGES.assembly, { id: a.id })}>返回业主大会，查看参与情况</Button>
    </>
  )
}

function Flow({ a, communityId, owner }: { a: AssemblyDetail; communityId: string; owner?: string }) {
  const step = useBallotDraft((s) => s.step)
  const receipt = useBallotDraft((s) => s.receipt)
  const wanted = owner ?? receipt?.ownerKey
  // Named owner not (or no longer) among the caller's: say so, never fall back to another ballot.
  const voter = wanted ? a.mine.find((m) => m.ownerKey === wanted) : a.mine.find((m) => m.openMotionIds.length > 0) ?? a.mine[0]
  if (!voter && wanted) return <View className='gj-card'><Text>您不能为这位业主投票：委托可能已被撤销。请返回业主大会查看。</Text></View>
  if (!voter) return <View className='gj-card'><Text>只有业主名册上的业主（或其代理人）可以投票。</Text></View>
  const ids = step === 'receipt' && receipt ? receipt.motionIds : voter.openMotionIds
  const motions = a.motions.filter((m) => ids.includes(m.id))
  if (step === 'receipt') return <Receipt a={a} motions={motions} />
  if (a.phase !== 'open') return <View className='gj-card'><Text>不在投票时间内（{formatDateTime(a.opensAt)} 至 {formatDateTime(a.closesAt)}）。</Text></View>
  if (motions.length === 0) return <View className='gj-card'><Text>这张选票已经投出，不能更改。</Text></View>
  return step === 'review' ? <Review a={a} voter={voter} motions={motions} communityId={communityId} /> : <Choose motions={motions} />
}

function Body({ communityId, id, owner }: { communityId: string; id?: string; owner?: string }) {
  const { resource, retry, none } = useAssembly(communityId, id)
  if (none) return <View className='gj-card'><Text className='gj-muted'>暂无业主大会。</Text></View>
  return <AsyncView resource={resource} onRetry={retry}>{(a) => <Flow a={a} communityId={communityId} owner={owner} />}</AsyncView>
}

export default function BallotPage({ id, owner = pageParam('owner') }: { id?: string; owner?: string }) {
  const reset = useBallotDraft((s) => s.reset)
  // A fresh ballot every time the page opens.
  useEffect(() => {
    reset()
    return reset
  }, [reset])
  return (
    <PageShell title='投票'>
      <CommunityGate>{(communityId) => <Body communityId={communityId} id={id} owner={owner} />}</CommunityGate>
    </PageShell>
  )
}
