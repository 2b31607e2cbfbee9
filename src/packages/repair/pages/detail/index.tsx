// One repair request: what, where, photos, what is due, the timeline of every
// step; and the buttons this person may press — staff handle it (accept,
// assign, start, complete with a note and photos), the reporter confirms and
// rates, reopens with a reason, or urges once a promise is missed.
import { View, Text, Textarea, Input, Image } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { pageParam } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { RepairStatusTag, dueText, shanghaiTime } from '../../../../components/repair-card'
import { Button, Tag } from '../../../../components/ui'
import { formatFen } from '../../../../domain/measure'
import { quarterLabel } from '../../../../domain/disclosure/quarter'
import { useCommunity } from '../../../../components/use-community'
import { CATEGORY_LABELS, URGENCY_LABELS } from '../../../../domain/repairs/commitments'
import { MAX_PHOTOS } from '../../../../domain/repairs/request'
import type { RepairDetail, RepairTimelineEntry } from '../../../../contracts/repairs'
import { chooseAndUploadPhotos, confirmRepair, fundWithdrawalsResource, handleRepair, linkRepairFund, photoUrl, reopenRepair, repairDetailResource, urgeRepair } from '../../../../stores/repairs'
import { hasRole } from '../../../../stores/session'
import '../repair.scss'

const stars = (n: number) => `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`

function entryText(e: RepairTimelineEntry): string {
  const d = e.data
  if (typeof d.worker === 'string') return `维修人员：${d.worker}`
  if (typeof d.note === 'string') return d.note
  if (typeof d.reason === 'string') return `原因：${d.reason}`
  if (typeof d.rating === 'number') return `${stars(d.rating)}${d.comment ? ` ${String(d.comment)}` : ''}`
  if (typeof d.withdrawalId === 'string') return typeof d.label === 'string' && typeof d.amount === 'number' ? `维修资金支出：${d.label} · ${formatFen(d.amount)}` : `维修资金支出 ${d.withdrawalId}`
  return ''
}

const Photos = ({ ids }: { ids: string[] }) => (
  <View className='repair-photos'>{ids.map((id) => <Image key={id} className='repair-photo' src={photoUrl(id)} mode='aspectFill' />)}</View>
)

// Remounted (fresh inputs) after every status change; the confirmation line lives in the page so it survives that.
function Actions({ communityId, r, onDone }: { communityId: string; r: RepairDetail; onDone: (message: string | null) => void }) {
  const [worker, setWorker] = useState('')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const can = (k: RepairDetail['actions'][number]) => r.actions.includes(k)
  const ref = { communityId, id: r.id }
  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true)
    onDone(null)
    try {
      await action()
      onDone(message)
    } catch {
      // The failure is shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }
  const addPhotos = () => run(async () => {
    const ids = await chooseAndUploadPhotos(communityId, MAX_PHOTOS - photos.length)
    setPhotos((p) => [...p, ...ids])
  }, '照片已上传')
  if (r.actions.length === 0) return null
  return (
    <View className='gj-card repair-actions' data-testid='actions'>
      {can('accept') && <Button type='primary' block disabled={busy} onClick={() => void run(() => handleRepair({ ...ref, action: { kind: 'accept' } }), '已接单')}>接单</Button>}
      {can('assign') && (
        <>
          <Input className='repair-input' placeholder='维修人员，如：王师傅' value={worker} onInput={(e) => setWorker(e.detail.value)} />
          <Button type='primary' block disabled={busy} onClick={() => void run(() => handleRepair({ ...ref, action: { kind: 'assign', worker } }), `已派给${worker.trim()}`)}>派工</Button>
        </>
      )}
      {can('start') && <Button type='primary' block disabled={busy} onClick={() => void run(() => handleRepair({ ...ref, action: { kind: 'start' } }), '已开始维修')}>开始维修</Button>}
      {can('complete') && (
        <>
          <Textarea className='repair-textarea' placeholder='完工说明（必填）：修了什么、换了什么' value={note} onInput={(e) => setNote(e.detail.value)} />
          <Photos ids={photos} />
          <Button block disabled={busy} onClick={() => void addPhotos()}>拍完工照片（{photos.length}/{MAX_PHOTOS}）</Button>
          <Button type='primary' block disabled={busy} onClick={() => void run(() => handleRepair({ ...ref, action: { kind: 'complete', note, photos } }), '已完工，等待业主确认')}>完工</Button>
        </>
      )}
      {can('confirm') && (
        <>
          <View className='gj-card__head'>修好了吗？请打分</View>
          <View className='repair-stars' role='radiogroup' aria-label='评分'>
            {[1, 2, 3, 4, 5].map((n) => (
              <View key={n} className={`repair-star${n <= rating ? ' repair-star--on' : ''}`} role='radio' aria-checked={n === rating} aria-label={`${n} 星`} onClick={() => setRating(n)}>★</View>
            ))}
          </View>
          <Input className='repair-input' placeholder='说说您的评价（可不填）' value={comment} onInput={(e) => setComment(e.detail.value)} />
          <Button type='primary' block disabled={busy || rating === 0} onClick={() => void run(() => confirmRepair({ ...ref, rating, comment }), '谢谢您的评价')}>确认修好并评价</Button>
        </>
      )}
      {can('reopen') && (
        <>
          <Input className='repair-input' placeholder='没修好？请写明原因' value={reason} onInput={(e) => setReason(e.detail.value)} />
          <Button type='warning' block disabled={busy} onClick={() => void run(() => reopenRepair({ ...ref, reason }), '已重新打开，物业会再来处理')}>没修好，重新打开</Button>
        </>
      )}
      {can('urge') && <Button type='danger' block disabled={busy} onClick={() => void run(() => urgeRepair(ref), '已催单，物业会尽快处理')}>催单</Button>}
    </View>
  )
}

/** "2026年第三季度 · 1–4栋外墙渗漏维修 · ¥412,300.00" */
const withdrawalText = (w: { quarter: string; label: string; amount: number }) => `${quarterLabel(w.quarter)} · ${w.label} · ${formatFen(w.amount)}`

/**
 * The committee picks the repair-fund withdrawal (from the published quarterly
 * reports) that paid for this repair; owners then see it in the report.
 */
function FundLink({ communityId, r, onDone }: { communityId: string; r: RepairDetail; onDone: (message: string | null) => void }) {
  const list = fundWithdrawalsResource.store(fundWithdrawalsResource.select(communityId))
  const { load, reload } = fundWithdrawalsResource.store.getState()
  const [chosen, setChosen] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => void load(communityId), [communityId, load])
  const link = async (ref: string) => {
    setBusy(true)
    onDone(null)
    try {
      await linkRepairFund({ communityId, id: r.id, withdrawalId: ref })
      onDone('已关联维修资金支出')
    } catch {
      // Shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='gj-card' data-testid='fund-link'>
      <View className='gj-card__head'>维修资金</View>
      <Text className='gj-muted repair-hint'>这次维修如果用维修资金支付，请在下面选出季度报告中对应的那笔支取。业主在公开报告中会看到这笔钱修了哪张报修单。</Text>
      <AsyncView resource={list} onRetry={() => void reload(communityId)} isEmpty={(d) => d.length === 0}
        empty={<Text className='gj-muted'>已公布的季度报告中还没有维修资金支取，公布后才能关联。</Text>}>
        {(items) => (
          <>
            <View className='repair-options' role='radiogroup' aria-label='维修资金支取'>
              {items.map((w) => (
                <View key={w.ref} className={`repair-option${chosen === w.ref ? ' repair-option--on' : ''}`} role='radio' aria-checked={chosen === w.ref} data-testid='fund-option' onClick={() => setChosen(w.ref)}>
                  <Text className='repair-option__title'>{w.label}</Text>
                  <Text className='repair-option__amount'>{formatFen(w.amount)}</Text>
                  <Text className='repair-option__meta'>{quarterLabel(w.quarter)}第 {w.position} 笔支取 · {w.motion ? `业主大会表决：${w.motion.title}` : '未经表决'}</Text>
                  {w.linkedRepairs.length > 0 && <Text className='repair-option__meta'>已关联报修单 {w.linkedRepairs.map((no) => `#${no}`).join('、')}</Text>}
                </View>
              ))}
            </View>
            <Button type='primary' block disabled={busy || chosen === null} onClick={() => chosen && void link(chosen)}>{chosen ? '关联到所选支取' : '请先选择一笔支取'}</Button>
          </>
        )}
      </AsyncView>
    </View>
  )
}

export default function RepairDetailPage({ id: explicit }: { id?: string }) {
  const { communityId, membership } = useCommunity()
  const [done, setDone] = useState<string | null>(null)
  const id = explicit ?? pageParam('id') ?? ''
  const detail = repairDetailResource.store(repairDetailResource.select(communityId ?? '', id))
  const { load, reload } = repairDetailResource.store.getState()
  useEffect(() => {
    if (communityId && id) void load(communityId, id)
  }, [communityId, id, load])
  // Someone else (staff, the reporter) may have moved it on since it was last loaded.
  useDidShow(() => {
    if (communityId && id) void reload(communityId, id)
  })
  if (!id) {
    // Opened without a request (e.g. a stale link): say so rather than load forever.
    return <PageShell title='报修详情'><View className='gj-card'><Text>没有指定报修单，请从「报修」页打开。</Text></View></PageShell>
  }
  return (
    <PageShell title='报修详情'>
      <AsyncView resource={detail} onRetry={() => communityId && void reload(communityId, id)}>
        {(r) => (
          <>
            <View className='gj-card' data-testid='repair-detail'>
              <View className='gj-row'>
                <Text className='gj-card__head'>#{r.no} {CATEGORY_LABELS[r.category]}</Text>
                <View className='gj-tags'>
                  {r.urgency === 'urgent' && <Tag type='danger'>{URGENCY_LABELS.urgent}</Tag>}
                  <RepairStatusTag status={r.status} />
                </View>
              </View>
              <View className='gj-row'><Text>位置</Text><Text>{r.where}</Text></View>
              <View className='gj-row'><Text>报修人</Text><Text>{r.reporterName}</Text></View>
              <View className='gj-row'><Text>报修时间</Text><Text>{shanghaiTime(r.reportedAt, 'YYYY-MM-DD HH:mm')}</Text></View>
              {r.preferredTime && <View className='gj-row'><Text>方便时间</Text><Text>{r.preferredTime}</Text></View>}
              {r.worker && <View className='gj-row'><Text>维修人员</Text><Text>{r.worker}</Text></View>}
              {r.fundWithdrawalId && (
                <View className='gj-row repair-row--long' data-testid='fund-withdrawal'>
                  <Text>维修资金</Text>
                  <Text>{r.fundWithdrawal ? withdrawalText(r.fundWithdrawal) : `支取 ${r.fundWithdrawalId}（该季度报告已更正，请核对）`}</Text>
                </View>
              )}
              <Text className='repair-hint'>{r.description}</Text>
              <Photos ids={r.photos} />
              {r.due && <Text className={`repair-hint${r.due.overdue ? ' repair-late' : ''}`} data-testid='due'>{dueText(r.due)}</Text>}
              {r.escalated && <Text className='repair-hint repair-late'>已逾期，已上报业委会</Text>}
            </View>
            {r.completionNote && (
              <View className='gj-card' data-testid='completion'>
                <View className='gj-card__head'>完工说明</View>
                <Text>{r.completionNote}</Text>
                <Photos ids={r.completionPhotos} />
                {r.autoConfirmAt && <Text className='gj-muted repair-hint'>如不确认，将于 {shanghaiTime(r.autoConfirmAt, 'MM-DD HH:mm')} 自动确认</Text>}
              </View>
            )}
            {r.rating !== null && (
              <View className='gj-card' data-testid='rating'>
                <View className='gj-card__head'>评价</View>
                <Text className='repair-star--on'>{stars(r.rating)}</Text>
                {r.comment && <Text className='repair-hint'>{r.comment}</Text>}
              </View>
            )}
            {communityId && <Actions key={`${r.id}:${r.status}`} communityId={communityId} r={r} onDone={setDone} />}
            {communityId && !r.fundWithdrawalId && hasRole(membership, 'committee') && <FundLink communityId={communityId} r={r} onDone={setDone} />}
            {done && <View className='repair-done' role='status'>{done}</View>}
            <View className='gj-section-title'>处理进度</View>
            <View className='gj-card' data-testid='timeline'>
              {r.timeline.map((e) => (
                <View key={e.seq} className='repair-timeline__item'>
                  <Text>{shanghaiTime(e.at)} {e.label}{e.actorName ? ` · ${e.actorName}` : ''}</Text>
                  {entryText(e) && <Text className='gj-muted repair-hint'>{entryText(e)}</Text>}
                </View>
              ))}
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
