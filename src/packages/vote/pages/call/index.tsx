// The committee calls an assembly: title, notice, the voting window (Asia/
// Shanghai wall-clock), motions each with its matter number (the threshold
// follows from it and is shown, never chosen), and elections with seats and
// candidates. A notice shorter than the community's minimum needs a reason.
import { View, Text, Input, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { CommunityGate } from '../../../../components/community-gate'
import { PAGES, to } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { Button, Tag } from '../../../../components/ui'
import type { MyMembership } from '../../../../contracts/identity'
import { DAY_MS } from '../../../../domain/voting/assembly'
import { ELECTION_MATTER, MATTERS } from '../../../../domain/voting/matters'
import { formatDateTime, shanghaiTime } from '../../../../domain/time'
import { hasRole } from '../../../../stores/session'
import { callAssembly } from '../../../../stores/voting'
import { THRESHOLD_TEXT } from '../../components'

interface MotionDraft { title: string; body: string; matter: number; seats: string; candidates: string }

/** "2026-12-14 08:00" in Asia/Shanghai, or null. */
function parseWallClock(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/.exec(text.trim())
  return m ? shanghaiTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) : null
}

const blankMotion = (): MotionDraft => ({ title: '', body: '', matter: 4, seats: '3', candidates: '' })

function Form({ communityId }: { communityId: string }) {
  const [title, setTitle] = useState('')
  const [notice, setNotice] = useState('')
  const [opens, setOpens] = useState(() => formatDateTime(Date.now() + 16 * DAY_MS).slice(0, 10) + ' 08:00')
  const [closes, setCloses] = useState(() => formatDateTime(Date.now() + 23 * DAY_MS).slice(0, 10) + ' 20:00')
  const [reason, setReason] = useState('')
  const [motions, setMotions] = useState<MotionDraft[]>([blankMotion()])
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<string | null>(null)
  const opensAt = parseWallClock(opens)
  const closesAt = parseWallClock(closes)
  const edit = (i: number, patch: Partial<MotionDraft>) => setMotions((ms) => ms.map((m, k) => (k === i ? { ...m, ...patch } : m)))

  if (created) {
    return (
      <View className='gj-card' data-testid='called'>
        <View className='gj-card__head'>公告已发布</View>
        <Button type='primary' block className='gj-big-button' onClick={to(PAGES.assembly, { id: created })}>查看业主大会</Button>
      </View>
    )
  }
  const submit = async () => {
    if (opensAt === null || closesAt === null) return
    setBusy(true)
    try {
      const r = await callAssembly({
        communityId, title, notice, opensAt, closesAt, shortNoticeReason: reason || undefined,
        motions: motions.map((m) =>
          m.matter === ELECTION_MATTER && m.candidates.trim()
            ? { title: m.title, body: m.body, matter: m.matter, seats: Number(m.seats), candidates: m.candidates.split(/[，,、\s]+/).filter(Boolean).map((name) => ({ name })) }
            : { title: m.title, body: m.body, matter: m.matter },
        ),
      })
      setCreated(r.assemblyId)
    } catch {
      // Shown once by the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <View className='gj-card'>
        <Text>大会名称</Text>
        <Input className='gj-input' value={title} onInput={(e) => setTitle(e.detail.value)} placeholder='例如：2027 年第一次业主大会' />
        <Text>公告内容（发布后即向全体业主公示）</Text>
        <Textarea className='gj-textarea' value={notice} onInput={(e) => setNotice(e.detail.value)} />
        <Text>投票开始（北京时间，格式 2026-12-14 08:00）</Text>
        <Input className='gj-input' value={opens} onInput={(e) => setOpens(e.detail.value)} />
        <Text>投票截止</Text>
        <Input className='gj-input' value={closes} onInput={(e) => setCloses(e.detail.value)} />
        {(opensAt === null || closesAt === null) && <Text className='gj-warning'>时间格式应为 2026-12-14 08:00</Text>}
        <Text>缩短公告期的理由（公告期不足本小区规定天数时必填，会向业主公示）</Text>
        <Input className='gj-input' value={reason} onInput={(e) => setReason(e.detail.value)} />
      </View>
      {motions.map((m, i) => {
        const matter = MATTERS[m.matter - 1]
        return (
          <View key={i} className='gj-card' data-testid='motion-draft'>
            <View className='gj-card__head'>议案 {i + 1}</View>
            <Input className='gj-input' value={m.title} onInput={(e) => edit(i, { title: e.detail.value })} placeholder='议案标题' />
            <Textarea className='gj-textarea' value={m.body} onInput={(e) => edit(i, { body: e.detail.value })} placeholder='议案内容' />
            <Text>表决事项（民法典第二百七十八条）：</Text>
            <View className='gj-tags'>
              {MATTERS.map((x) => (
                <View key={x.number} className={`gj-choice${x.number === m.matter ? ' gj-choice--on' : ''}`} onClick={() => edit(i, { matter: x.number })}>{x.number}</View>
              ))}
            </View>
            <Text className='gj-muted'>{matter.text}</Text>
            <Tag type={matter.threshold === 'special' ? 'warning' : 'default'}>{THRESHOLD_TEXT[matter.threshold]}（由事项决定，不能修改）</Tag>
            {m.matter === ELECTION_MATTER && (
              <>
                <Text>{'\n'}选举：候选人（用逗号或顿号分隔；不填则为普通议案）</Text>
                <Input className='gj-input' value={m.candidates} onInput={(e) => edit(i, { candidates: e.detail.value })} />
                <Text>应选名额</Text>
                <Input className='gj-input' type='number' value={m.seats} onInput={(e) => edit(i, { seats: e.detail.value })} />
              </>
            )}
          </View>
        )
      })}
      <Button block className='gj-big-button' onClick={() => setMotions((ms) => [...ms, blankMotion()])}>增加议案</Button>
      <Button type='primary' block className='gj-big-button' disabled={busy || opensAt === null || closesAt === null} onClick={() => void submit()}>发布公告</Button>
    </>
  )
}

export default function CallAssemblyPage() {
  return (
    <PageShell title='发起业主大会'>
      <CommunityGate>
        {(communityId, membership: MyMembership) =>
          hasRole(membership, 'committee') ? <Form communityId={communityId} /> : <View className='gj-card'><Text>只有业委会可以发起业主大会。</Text></View>}
      </CommunityGate>
    </PageShell>
  )
}
