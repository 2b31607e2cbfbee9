// The captains' rows as the SQL adapters (SQLite, PostgreSQL) store them, and
// how a row becomes what CaptainsPort answers: one mapping, one column order,
// one cursor format, whichever database read it (see rows.ts for the
// foundation's).
import { AppError } from '../../domain/errors'
import type { ClaimTask } from '../../domain/captains/claims'
import type { ReceptionDay } from '../../domain/captains/reception'
import type { ItemFacts } from '../../domain/captains/numbers'
import { STATUSES, type ItemStatus, type ItemStep, type RectificationItem } from '../../domain/captains/rectification'
import type { BoardQuery, Booking } from './captains-port'
import type { Bind } from './sql-bind'

export type Row = Record<string, unknown>

export const toDay = (r: Row): ReceptionDay => ({
  id: r.id as string, communityId: r.community_id as string, building: r.building as string, seriesId: r.series_id as string,
  startsAt: r.starts_at as number, endsAt: r.ends_at as number, place: r.place as string, note: r.note as string,
  slotMinutes: r.slot_minutes as number, status: r.status as ReceptionDay['status'], changeReason: r.change_reason as string,
  movedFrom: r.moved_from as number | null, createdBy: r.created_by as string, version: r.version as number,
})

export const toBooking = (r: Row): Booking => ({
  dayId: r.day_id as string, slot: r.slot as number, personId: r.person_id as string, building: r.building as string,
  unitNo: r.unit_no as string, note: r.note as string, bookedAt: r.booked_at as number,
})

export const toItem = (r: Row): RectificationItem => ({
  id: r.id as string, communityId: r.community_id as string, building: r.building as string, unitNo: r.unit_no as string,
  category: r.category as RectificationItem['category'], description: r.description as string, photos: JSON.parse(r.photos as string),
  raisedBy: r.raised_by as string, raisedVia: r.raised_via as RectificationItem['raisedVia'], receptionDayId: r.reception_day_id as string | null,
  raisedAt: r.raised_at as number, status: r.status as ItemStatus, assignee: r.assignee as RectificationItem['assignee'],
  deadline: r.deadline as number | null, escalation: r.escalation as RectificationItem['escalation'], escalatedAt: r.escalated_at as number | null,
  completedAt: r.completed_at as number | null, confirmedAt: r.confirmed_at as number | null, reopenCount: r.reopen_count as number,
  version: r.version as number, updatedAt: r.updated_at as number,
})

export const toStep = (r: Row): ItemStep => ({
  action: r.action as ItemStep['action'], at: r.at as number, actorId: r.actor_id as string, note: r.note as string,
  photos: JSON.parse(r.photos as string), data: JSON.parse(r.data as string),
})

export const toClaim = (r: Row): ClaimTask => ({
  id: r.id as string, communityId: r.community_id as string, title: r.title as string, detail: r.detail as string,
  status: r.status as ClaimTask['status'], publishedBy: r.published_by as string, publishedAt: r.published_at as number,
  takerId: r.taker_id as string | null, takenHow: r.taken_how as ClaimTask['takenHow'], takenAt: r.taken_at as number | null,
  dispatchedBy: r.dispatched_by as string | null, doneNote: r.done_note as string, doneAt: r.done_at as number | null, version: r.version as number,
})

// Column lists and the values in their order, for inserts in either dialect.
export const DAY_COLS = 'id, community_id, building, series_id, starts_at, ends_at, place, note, slot_minutes, status, change_reason, moved_from, created_by, version'
export const dayValues = (d: ReceptionDay): unknown[] => [
  d.id, d.communityId, d.building, d.seriesId, d.startsAt, d.endsAt, d.place, d.note, d.slotMinutes, d.status, d.changeReason, d.movedFrom, d.createdBy, d.version,
]

export const ITEM_COLS = 'id, community_id, building, unit_no, category, description, photos, raised_by, raised_via, reception_day_id, raised_at, status, assignee, deadline, escalation, escalated_at, completed_at, confirmed_at, reopen_count, version, updated_at'
export const itemValues = (it: RectificationItem): unknown[] => [
  it.id, it.communityId, it.building, it.unitNo, it.category, it.description, JSON.stringify(it.photos), it.raisedBy, it.raisedVia, it.receptionDayId,
  it.raisedAt, it.status, it.assignee, it.deadline, it.escalation, it.escalatedAt, it.completedAt, it.confirmedAt, it.reopenCount, it.version, it.updatedAt,
]
/** What a step may change on an item, in the order of ITEM_STEP_SET. */
export const ITEM_STEP_SET = ['status', 'assignee', 'deadline', 'escalation', 'escalated_at', 'completed_at', 'confirmed_at', 'reopen_count', 'version', 'updated_at']
export const itemStepValues = (it: RectificationItem): unknown[] => [
  it.status, it.assignee, it.deadline, it.escalation, it.escalatedAt, it.completedAt, it.confirmedAt, it.reopenCount, it.version, it.updatedAt,
]
/** A step's own columns after item_id and seq, and their values. */
export const stepValues = (it: RectificationItem, s: ItemStep): unknown[] => [it.communityId, s.action, s.at, s.actorId, s.note, JSON.stringify(s.photos), JSON.stringify(s.data)]

export const CLAIM_COLS = 'id, community_id, title, detail, status, published_by, published_at, taker_id, taken_how, taken_at, dispatched_by, done_note, done_at, version'
export const claimValues = (t: ClaimTask): unknown[] => [
  t.id, t.communityId, t.title, t.detail, t.status, t.publishedBy, t.publishedAt, t.takerId, t.takenHow, t.takenAt, t.dispatchedBy, t.doneNote, t.doneAt, t.version,
]
/** What a claim command may change, in the order of CLAIM_CHANGE_SET. */
export const CLAIM_CHANGE_SET = ['status', 'taker_id', 'taken_how', 'taken_at', 'dispatched_by', 'done_note', 'done_at', 'version']
export const claimChangeValues = (t: ClaimTask): unknown[] => [t.status, t.takerId, t.takenHow, t.takenAt, t.dispatchedBy, t.doneNote, t.doneAt, t.version]

/** Open work (what can be overdue and escalate), as SQL text for partial-index-friendly queries. */
export const OPEN_WORK_SQL = "('assigned','in_progress','reopened')"

export const stale = (): AppError => new AppError('CONFLICT', '此记录刚被别人更新过，请刷新后再试')

/** Keyset paging: "<time>:<id>" of the last row of the previous page. */
export function parseCursor(cursor: string | null): { at: number; id: string } | null {
  if (!cursor) return null
  const i = cursor.indexOf(':')
  const at = Number(cursor.slice(0, i))
  if (i < 1 || !Number.isSafeInteger(at)) throw new AppError('INVALID_INPUT', 'cursor：翻页位置无效', { field: 'cursor' })
  return { at, id: cursor.slice(i + 1) }
}

/** The cursor a page ends at (what parseCursor reads back). */
export const cursorAt = (at: number, id: string): string => `${at}:${id}`

/** A page from `limit + 1` rows: the first `limit`, and a cursor when there is more. */
export const page = <T>(rows: Row[], limit: number, map: (r: Row) => T, timeCol: string): { items: T[]; nextCursor: string | null } => ({
  items: rows.slice(0, limit).map(map),
  nextCursor: rows.length > limit ? cursorAt(rows[limit - 1][timeCol] as number, rows[limit - 1].id as string) : null,
})

/** The WHERE clause of a board query, shared by its page and its counts and by both dialects. */
export function boardWhere(q: Omit<BoardQuery, 'cursor' | 'limit'>, bind: Bind): string {
  const list = (vs: readonly unknown[]) => vs.map(bind).join(', ')
  const parts = [`community_id = ${bind(q.communityId)}`]
  if (q.buildings) parts.push(q.buildings.length === 0 ? 'FALSE' : `building IN (${list(q.buildings)})`)
  if (q.household) {
    // Placeholders are bound in the order they appear (SQLite's `?` are positional).
    const raiser = `raised_by = ${bind(q.household.personId)}`
    const units = q.household.units.map((u) => `(building = ${bind(u.building)} AND unit_no = ${bind(u.unitNo)})`)
    parts.push(`(${[raiser, ...units].join(' OR ')})`)
  }
  if (q.assignee) parts.push(`assignee = ${bind(q.assignee)}`)
  if (q.statuses) parts.push(q.statuses.length === 0 ? 'FALSE' : `status IN (${list(q.statuses)})`)
  if (q.overdueAt !== undefined) parts.push(`status IN ${OPEN_WORK_SQL} AND deadline < ${bind(q.overdueAt)}`)
  return parts.join(' AND ')
}

/** Facts of a month's items and the reopen steps in that month, folded into what the figures need. */
export function monthFactsOf(
  items: ReadonlyArray<{ id: string; building: string; raised_at: number; deadline: number | null; completed_at: number | null; confirmed_at: number | null }>,
  reopens: ReadonlyArray<{ item_id: string; at: number }>,
): ItemFacts[] {
  const byItem = new Map<string, number[]>()
  for (const r of reopens) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r.at])
  return items.map((r) => ({ building: r.building, raisedAt: r.raised_at, deadline: r.deadline, completedAt: r.completed_at, confirmedAt: r.confirmed_at, reopenedAt: byItem.get(r.id) ?? [] }))
}

/** Board counts per status, every status present. */
export function countsOf(rows: ReadonlyArray<{ status: ItemStatus; n: number }>): Record<ItemStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>
  for (const r of rows) counts[r.status] = r.n
  return counts
}

/** Items that could count in the month [start, end). */
export const monthItemsSql = (communityId: string, start: number, end: number) => (bind: Bind): string =>
  `SELECT id, building, raised_at, deadline, completed_at, confirmed_at FROM rect_items
    WHERE community_id = ${bind(communityId)} AND raised_at < ${bind(end)}
      AND (confirmed_at IS NULL OR confirmed_at >= ${bind(start)} OR (deadline >= ${bind(start)} AND deadline < ${bind(end)}))`

/** The month's reopenings. */
export const monthReopensSql = (communityId: string, start: number, end: number) => (bind: Bind): string =>
  `SELECT item_id, at FROM rect_steps WHERE community_id = ${bind(communityId)} AND action = 'reopen' AND at >= ${bind(start)} AND at < ${bind(end)} ORDER BY at`
