// The published result: per motion quorum, participation, agree / oppose /
// abstain in area and heads, the threshold applied and the decision; elections
// ranked with ties reported; every correction an upheld objection made, with
// the preliminary figures beside the corrected ones; the ballot list by
// tracking code; 询异 for owners while the objection window is open; and the
// export package to download and recount independently.
import { View, Text, Input, Textarea } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { CommunityGate } from '../../../../components/community-gate'
import { PageShell } from '../../../../components/page-shell'
import { Button, Tag } from '../../../../components/ui'
import { useAssembly } from '../../../../components/use-assembly'
import type { MyMembership } from '../../../../contracts/identity'
import type { AssemblyDetail, MarksView, MotionView, PublishedResultView } from '../../../../contracts/voting'
import { formatArea } from '../../../../domain/measure'
import { formatDateTime } from '../../../../domain/time'
import type { MotionOutcome } from '../../../../domain/voting/result'
import { NON_VOTER_RULE_TEXT, type Count, type MotionTally } from '../../../../domain/voting/tally'
import { hasRole } from '../../../../stores/session'
import { ballotListResource, downloadExport, fileObjection, shareSavedFile, type SavedFile } from '../../../../stores/voting'
import { MotionHead, THRESHOLD_TEXT, marksText } from '../../components'

const line = (label: string, c: Count) => (
  <View className='gj-row'><Text>{label}</Text><Text>{c.heads} 人 · {formatArea(c.area)}</Text></View>
)

function Tally({ t }: { t: MotionTally }) {
  return (
    <View data-testid='tally'>
      <View className='gj-tags'>
        <Tag type={t.quorumMet ? 'success' : 'danger'}>{t.quorumMet ? '参与达到三分之二' : '参与未达三分之二'}</Tag>
        <Tag type={t.passed ? 'success' : 'danger'}>{t.passed ? '通过' : '未通过'}</Tag>
      </View>
      {line('业主总数', t.total)}
      {line('参与表决', t.participating)}
      {line('同意', t.agree)}
      {line('反对', t.oppose)}
      {line('弃权', t.abstain)}
      <Text className='gj-muted'>适用比例：{THRESHOLD_TEXT[t.threshold]}（以参与表决的面积和人数为基数）</Text>
    </View>
  )
}

const brief = (t: MotionTally) => `同意 ${t.agree.heads} 人 · ${formatArea(t.agree.area)}，反对 ${t.oppose.heads} 人 · ${formatArea(t.oppose.area)}，弃权 ${t.abstain.heads} 人 · ${formatArea(t.abstain.area)}，${t.passed ? '通过' : '未通过'}`

function Outcome({ m, o, before }: { m: MotionView; o: MotionOutcome; before: MotionOutcome | undefined }) {
  const earlier = before?.kind === 'motion' && o.kind === 'motion' ? brief(before.result.published) : null
  return (
    <View className='gj-card' data-testid='outcome'>
      <MotionHead m={m} />
      {o.kind === 'motion' ? (
        <>
          <Tally t={o.result.published} />
          {o.result.nonVotersDeemedAgree && <Text className='gj-muted'>本结果按：{NON_VOTER_RULE_TEXT[o.result.publishedRule]}。按实际投票计算：{o.result.asCast.passed ? '通过' : '未通过'}。</Text>}
          {earlier && earlier !== brief(o.result.published) && <View className='gj-warning' data-testid='before-correction'>更正前（初步公示）：{earlier}</View>}
        </>
      ) : (
        <>
          <Text>当选：{o.election.elected.map((c) => m.election?.candidates.find((x) => x.id === c)?.name ?? c).join('、') || '无'}</Text>
          {o.election.tie && <View className='gj-warning'>最后 {o.election.tie.seats} 个名额出现同票：{o.election.tie.candidates.map((c) => m.election?.candidates.find((x) => x.id === c)?.name ?? c).join('、')}，须由业主大会另行决定。</View>}
          {o.election.candidates.map((c) => (
            <View key={c.candidate} className='gj-row'>
              <Text>{m.election?.candidates.find((x) => x.id === c.candidate)?.name}{c.rank ? `（第 ${c.rank} 名）` : ''}</Text>
              <Text>同意 {c.tally.agree.heads} 人 · {formatArea(c.tally.agree.area)} · {c.tally.passed ? '过半' : '未过半'}</Text>
            </View>
          ))}
        </>
      )}
    </View>
  )
}

function BallotList({ a, communityId }: { a: AssemblyDetail; communityId: string }) {
  const list = ballotListResource.store(ballotListResource.select(communityId, a.id))
  const [find, setFind] = useState('')
  useEffect(() => {
    void ballotListResource.store.getState().load(communityId, a.id)
  }, [communityId, a.id])
  return (
    <AsyncView resource={list} onRetry={() => void ballotListResource.store.getState().reload(communityId, a.id)}>
      {(ballots) => {
        const q = find.trim().toUpperCase()
        const shown = q ? ballots.filter((b) => b.trackingCode.includes(q)) : ballots.slice(0, 30)
        return (
          <View className='gj-card' data-testid='ballot-list'>
            <View className='gj-card__head'>公布的选票清单（共 {ballots.length} 张）</View>
            <Input className='gj-input' placeholder='输入查验码查找自己的选票' value={find} onInput={(e) => setFind(e.detail.value)} />
            {shown.map((b) => (
              <View key={b.trackingCode} className='gj-row' data-testid='listed-ballot'>
                <Text className='gj-mono'>{b.trackingCode}{b.units ? ` ${b.units.join('、')}` : ''}</Text>
                <Text>{b.choices.map((c) => `${marksText(c as MarksView)}${c.corrected ? `→更正为${marksText(c.corrected.to)}` : ''}`).join(' / ')}</Text>
              </View>
            ))}
            {!q && ballots.length > shown.length && <Text className='gj-muted'>仅显示前 30 张；输入查验码可查找任意一张。</Text>}
          </View>
        )
      }}
    </AsyncView>
  )
}

function ObjectionForm({ a, communityId }: { a: AssemblyDetail; communityId: string }) {
  const [code, setCode] = useState(a.mine.flatMap((m) => m.cast.map((c) => c.trackingCode))[0] ?? '')
  const [text, setText] = useState('')
  const [done, setDone] = useState(false)
  if (done) return <View className='gj-card'><Text>异议已提交，业委会将逐条处理并公示理由。</Text></View>
  return (
    <View className='gj-card' data-testid='objection-form'>
      <View className='gj-card__head'>对本人选票有异议（询异期至 {formatDateTime(a.result!.objectionUntil!)}）</View>
      <Input className='gj-input' placeholder='查验码' value={code} onInput={(e) => setCode(e.detail.value)} />
      <Textarea className='gj-textarea' placeholder='请说明记录与您的投票有何不符' value={text} onInput={(e) => setText(e.detail.value)} />
      <Button type='primary' block className='gj-big-button' disabled={!code.trim() || !text.trim()}
        onClick={async () => {
          try {
            await fileObjection({ communityId, assemblyId: a.id, trackingCode: code.trim(), text: text.trim() })
            setDone(true)
          } catch {
            // Shown once by the notice bar.
          }
        }}>
        提交异议
      </Button>
    </View>
  )
}

function Corrections({ r, motions }: { r: PublishedResultView; motions: MotionView[] }) {
  if (r.corrections.length === 0) return null
  return (
    <View className='gj-card' data-testid='corrections'>
      <View className='gj-card__head'>异议成立后的更正（共 {r.corrections.length} 项）</View>
      <Text className='gj-muted'>原选票保留不变；更正单独记录并写入审计记录。{r.stage === 'certified' ? '确认结果已按更正计算。' : '下方结果已按更正重新计算，确认前仍可复核。'}</Text>
      {r.corrections.map((c) => (
        <View key={`${c.trackingCode}-${c.motionId}`} className='gj-para'>
          <Text>查验码 {c.trackingCode} · 议案 {motions.find((m) => m.id === c.motionId)?.position ?? c.motionId}：原记录「{marksText(c.from)}」，更正为「{marksText(c.to)}」</Text>
          <View className='vote-line gj-muted'>理由：{c.reason}（{formatDateTime(c.correctedAt)}）</View>
        </View>
      ))}
    </View>
  )
}

/** The export package as one ZIP: downloaded on H5; on WeChat saved, then sent to a chat with a second tap. */
function ExportCard({ a, communityId }: { a: AssemblyDetail; communityId: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')
  const [saved, setSaved] = useState<SavedFile | null>(null)
  const download = async () => {
    setState('busy')
    try {
      setSaved(await downloadExport(communityId, a.id, a.title))
      setState('idle')
    } catch {
      setState('failed')
    }
  }
  return (
    <View className='gj-card' data-testid='export'>
      <View className='gj-card__head'>表决数据（任何人可独立复核）</View>
      <Text className='gj-muted'>包含业主名册、议案、全部选票（含更正记录）、结果和审计记录。任何人都可以用它独立重新计票，核对上面的结果。</Text>
      <Button type='primary' block className='gj-big-button' loading={state === 'busy'} disabled={state === 'busy'} onClick={() => void download()}>
        {state === 'busy' ? '正在准备…' : saved ? '再次下载' : '下载表决数据'}
      </Button>
      {state === 'failed' && <View className='gj-warning'>下载没有成功，请检查网络后再点一次。</View>}
      {saved?.kind === 'downloaded' && <Text data-testid='export-done'>已下载：{saved.name}</Text>}
      {saved?.kind === 'saved' && (
        <>
          <Text data-testid='export-done'>已保存：{saved.name}。微信里不能直接打开压缩包，请发送到聊天（例如「文件传输助手」），再在电脑上打开。</Text>
          <Button block className='gj-big-button' onClick={() => void shareSavedFile(saved).catch(() => undefined)}>发送到聊天</Button>
        </>
      )}
    </View>
  )
}

function Results({ a, communityId, membership }: { a: AssemblyDetail; communityId: string; membership: MyMembership }) {
  const r = a.result
  if (!r) return <View className='gj-card'><Text>投票结束并计票后公布结果。投票期间各选项的票数对任何人保密。</Text></View>
  const canObject = r.stage === 'preliminary' && a.phase === 'objection' && hasRole(membership, 'owner') && a.mine.some((m) => m.as === 'owner' && m.cast.length > 0)
  return (
    <View data-testid='results'>
      <View className='gj-card'>
        <View className='gj-card__head'>{a.title}</View>
        <Tag type={r.stage === 'certified' ? 'success' : 'warning'}>{r.stage === 'certified' ? '结果已确认' : r.corrections.length ? '初步结果（询异期，已按更正重新计算）' : '初步结果（询异期）'}</Tag>
        <Text className='gj-muted'>{'\n'}公示时间 {formatDateTime(r.publishedAt)}{r.objectionUntil ? `；异议截止 ${formatDateTime(r.objectionUntil)}` : ''}。异议 {r.objections.filed} 条，成立 {r.objections.upheld} 条。</Text>
      </View>
      <Corrections r={r} motions={a.motions} />
      {r.count.motions.map((o) => {
        const m = a.motions.find((x) => x.id === o.motionId)
        return m ? <Outcome key={o.motionId} m={m} o={o} before={r.preliminary?.motions.find((x) => x.motionId === o.motionId)} /> : null
      })}
      {canObject && <ObjectionForm a={a} communityId={communityId} />}
      <ExportCard a={a} communityId={communityId} />
      <BallotList a={a} communityId={communityId} />
    </View>
  )
}

function Body({ communityId, membership, id }: { communityId: string; membership: MyMembership; id?: string }) {
  const { resource, retry, none } = useAssembly(communityId, id)
  if (none) return <View className='gj-card'><Text className='gj-muted'>暂无业主大会。</Text></View>
  return <AsyncView resource={resource} onRetry={retry}>{(a) => <Results a={a} communityId={communityId} membership={membership} />}</AsyncView>
}

export default function ResultsPage({ id }: { id?: string }) {
  return (
    <PageShell title='表决结果'>
      <CommunityGate>{(communityId, membership) => <Body communityId={communityId} membership={membership} id={id} />}</CommunityGate>
    </PageShell>
  )
}
