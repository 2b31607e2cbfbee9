// The captains' storage on SQLite. Writes run in one transaction with their
// audit entry; state changes are guarded by the version they were read at.
import { AppError } from '../../../domain/errors'
import type { ClaimTask } from '../../../domain/captains/claims'
import type { ItemFacts } from '../../../domain/captains/numbers'
import type { ReceptionDay } from '../../../domain/captains/reception'
import { WEEK } from '../../../domain/captains/time'
import { STATUSES, type ItemStatus, type ItemStep, type RectificationItem } from '../../../domain/captains/rectification'
import type { BoardQuery, Booking, CaptainsPort } from '../captains-port'
import type { AuditDraft } from '../ports'
import { appendAudit } from './audit'
import type { Db } from './db'

type Row = Record<string, unknown>

const toDay = (r: Row): ReceptionDay => ({
  id: r.id as string, communityId: r.community_id as string, building: r.building as string, seriesId: r.series_id as string,
  startsAt: r.starts_at as number, endsAt: r.ends_at as number, place: r.place as string, note: r.note as string,
  slotMinutes: r.slot_minutes as number, status: r.status as ReceptionDay['status'], changeReason: r.change_reason as string,
  movedFrom: r.moved_from as number | null, createdBy: r.created_by as string, version: r.version as number,
})

const toItem = (r: Row): RectificationItem => ({
  id: r.id as string, communityId: r.community_id as string, building: r.building as string, unitNo: r.unit_no as string,
  category: r.category as RectificationItem['category'], description: r.description as string, photos: JSON.parse(r.photos as string),
  raisedBy: r.raised_by as string, raisedVia: r.raised_via as RectificationItem['raisedVia'], receptionDayId: r.reception_day_id as string | null,
  raisedAt: r.raised_at as number, status: r.status as ItemStatus, assignee: r.assignee as RectificationItem['assignee'],
  deadline: r.deadline as number | null, escalation: r.escalation as RectificationItem['escalation'], escalatedAt: r.escalated_at as number | null,
  completedAt: r.completed_at as number | null, confirmedAt: r.confirmed_at as number | null, reopenCount: r.reopen_count as number,
  version: r.version as number, updatedAt: r.updated_at as number,
})

const toClaim = (r: Row): ClaimTask => ({
  id: r.id as string, communityId: r.community_id as string, title: r.title as string, detail: r.detail as string,
  status: r.status as ClaimTask['status'], publishedBy: r.published_by as string, publishedAt: r.published_at as number,
  takerId: r.taker_id as string | null, takenHow: r.taken_how as ClaimTask['takenHow'], takenAt: r.taken_at as number | null,
  dispatchedBy: r.dispatched_by as string | null, doneNote: r.done_note as string, doneAt: r.done_at as number | null, version: r.version as number,
})

const stale = () => new AppError('CONFLICT', '此记录刚被别人更新过，请刷新后再试')

/** Keyset paging: "<time>:<id>" of the last row of the previous page. */
function parseCursor(cursor: string | null): { at: number; id: string } | null {
  if (!cursor) return null
  const i = cursor.indexOf(':')
  const at = Number(cursor.slice(0, i))
  if (i < 1 || !Number.isSafeInteger(at)) throw new AppError('INVALID_INPUT', 'cursor：翻页位置无效', { field: 'cursor' })
  return { at, id: cursor.slice(i + 1) }
}

const page = <T>(rows: Row[], limit: number, map: (r: Row) => T, timeCol: string) => ({
  items: rows.slice(0, limit).map(map),
  nextCursor: rows.length > limit ? `${rows[limit - 1][timeCol]}:${rows[limit - 1].id}` : null,
})

const OPEN = ['assigned', 'in_progress', 'reopened']

const ITEM_COLS = 'id, community_id, building, unit_no, category, description, photos, raised_by, raised_via, reception_day_id, raised_at, status, assignee, deadline, escalation, escalated_at, completed_at, confirmed_at, reopen_count, version, updated_at'
const CLAIM_COLS = 'id, community_id, title, detail, status, published_by, published_at, taker_id, taken_how, taken_at, dispatched_by, done_note, done_at, version'
const marks = (cols: string) => cols.split(',').map(() => '?').join(', ')

// Synchronous writers, shared by the port (inside its transactions) and the demo seed.

export function writeDays(db: Db, days: ReceptionDay[], audit: AuditDraft, at: number): void {
  const insert = db.prepare(`INSERT INTO reception_days (id, community_id, building, series_id, starts_at, ends_at, place, note, slot_minutes, status, change_reason, moved_from, created_by, version)
    VALUES (@id, @communityId, @building, @seriesId, @startsAt, @endsAt, @place, @note, @slotMinutes, @status, @changeReason, @movedFrom, @createdBy, @version)`)
  for (const d of days) insert.run(d)
  appendAudit(db, audit, at)
}

export function writeDayChange(db: Db, day: ReceptionDay, expected: number, audit: AuditDraft, at: number): void {
  const r = db.prepare(`UPDATE reception_days SET starts_at = @startsAt, ends_at = @endsAt, status = @status, change_reason = @changeReason, moved_from = @movedFrom, version = @version
    WHERE id = @id AND version = @expected`).run({ ...day, expected })
  if (r.changes !== 1) throw stale()
  appendAudit(db, audit, at)
}

function writeStepRow(db: Db, it: RectificationItem, s: ItemStep): void {
  db.prepare(`INSERT INTO rect_steps (item_id, seq, community_id, action, at, actor_id, note, photos, data)
    VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM rect_steps WHERE item_id = ?), ?, ?, ?, ?, ?, ?, ?)`)
    .run(it.id, it.id, it.communityId, s.action, s.at, s.actorId, s.note, JSON.stringify(s.photos), JSON.stringify(s.data))
}

export function writeNewItem(db: Db, it: RectificationItem, step: ItemStep, audit: AuditDraft): void {
  db.prepare(`INSERT INTO rect_items (${ITEM_COLS}) VALUES (${marks(ITEM_COLS)})`).run(
    it.id, it.communityId, it.building, it.unitNo, it.category, it.description, JSON.stringify(it.photos), it.raisedBy, it.raisedVia, it.receptionDayId,
    it.raisedAt, it.status, it.assignee, it.deadline, it.escalation, it.escalatedAt, it.completedAt, it.confirmedAt, it.reopenCount, it.version, it.updatedAt)
  writeStepRow(db, it, step)
  appendAudit(db, audit, step.at)
}

export function writeItemStep(db: Db, it: RectificationItem, expected: number, step: ItemStep, audit: AuditDraft): void {
  const r = db.prepare(`UPDATE rect_items SET status = ?, assignee = ?, deadline = ?, escalation = ?, escalated_at = ?, completed_at = ?, confirmed_at = ?, reopen_count = ?, version = ?, updated_at = ?
    WHERE id = ? AND version = ?`).run(it.status, it.assignee, it.deadline, it.escalation, it.escalatedAt, it.completedAt, it.confirmedAt, it.reopenCount, it.version, it.updatedAt, it.id, expected)
  if (r.changes !== 1) throw stale()
  writeStepRow(db, it, step)
  appendAudit(db, audit, step.at)
}

export function writeNewClaim(db: Db, t: ClaimTask, audit: AuditDraft): void {
  db.prepare(`INSERT INTO claim_tasks (${CLAIM_COLS}) VALUES (${marks(CLAIM_COLS)})`)
    .run(t.id, t.communityId, t.title, t.detail, t.status, t.publishedBy, t.publishedAt, t.takerId, t.takenHow, t.takenAt, t.dispatchedBy, t.doneNote, t.doneAt, t.version)
  appendAudit(db, audit, t.publishedAt)
}

export function writeClaimChange(db: Db, t: ClaimTask, expected: number, audit: AuditDraft, at: number): void {
  const r = db.prepare('UPDATE claim_tasks SET status = ?, taker_id = ?, taken_how = ?, taken_at = ?, dispatched_by = ?, done_note = ?, done_at = ?, version = ? WHERE id = ? AND version = ?')
    .run(t.status, t.takerId, t.takenHow, t.takenAt, t.dispatchedBy, t.doneNote, t.doneAt, t.version, t.id, expected)
  if (r.changes !== 1) throw stale()
  appendAudit(db, audit, at)
}

export function sqliteCaptains(db: Db): CaptainsPort {
  const insertBooking = db.prepare('INSERT INTO reception_bookings (day_id, slot, person_id, building, unit_no, note, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const tx = <A extends unknown[]>(fn: (db: Db, ...args: A) => void) => (...args: A) => db.transaction(() => fn(db, ...args))()

  /** The WHERE clause of a board query, shared by its page and its counts. */
  function boardWhere(q: Omit<BoardQuery, 'cursor' | 'limit'>): { sql: string; args: unknown[] } {
    const parts = ['community_id = ?']
    const args: unknown[] = [q.communityId]
    if (q.buildings) {
      if (q.buildings.length === 0) parts.push('0')
      else if (q.buildings.length === 1) { parts.push('building = ?'); args.push(q.buildings[0]) }
      else { parts.push(`building IN (${q.buildings.map(() => '?').join(',')})`); args.push(...q.buildings) }
    }
    if (q.household) {
      const units = q.household.units.map(() => '(building = ? AND unit_no = ?)')
      parts.push(`(raised_by = ?${units.length ? ` OR ${units.join(' OR ')}` : ''})`)
      args.push(q.household.personId, ...q.household.units.flatMap((u) => [u.building, u.unitNo]))
    }
    if (q.assignee) { parts.push('assignee = ?'); args.push(q.assignee) }
    if (q.statuses) { parts.push(`status IN (${q.statuses.map(() => '?').join(',')})`); args.push(...q.statuses) }
    if (q.overdueAt !== undefined) { parts.push(`status IN ('assigned','in_progress','reopened') AND deadline < ?`); args.push(q.overdueAt) }
    return { sql: parts.join(' AND '), args }
  }

  return {
    async insertDays(days, audit, at) {
      tx(writeDays)(days, audit, at)
    },
    async day(id) {
      const r = db.prepare('SELECT * FROM reception_days WHERE id = ?').get(id) as Row | undefined
      return r ? toDay(r) : null
    },
    async saveDay(day, expected, audit, at) {
      tx(writeDayChange)(day, expected, audit, at)
    },
    async upcoming(communityId, buildings, from, limit) {
      if (buildings && buildings.length === 0) return []
      const where = buildings ? ` AND building IN (${buildings.map(() => '?').join(',')})` : ''
      const rows = db.prepare(`SELECT * FROM reception_days WHERE community_id = ? AND ends_at > ?${where} ORDER BY starts_at, id LIMIT ?`)
        .all(communityId, from, ...(buildings ?? []), limit) as Row[]
      return rows.map(toDay)
    },
    async bookings(dayIds) {
      if (dayIds.length === 0) return []
      const rows = db.prepare(`SELECT * FROM reception_bookings WHERE day_id IN (${dayIds.map(() => '?').join(',')}) ORDER BY day_id, slot`).all(...dayIds) as Row[]
      return rows.map((r): Booking => ({ dayId: r.day_id as string, slot: r.slot as number, personId: r.person_id as string, building: r.building as string, unitNo: r.unit_no as string, note: r.note as string, bookedAt: r.booked_at as number }))
    },
    async book(b, audit) {
      db.transaction(() => {
        try {
          insertBooking.run(b.dayId, b.slot, b.personId, b.building, b.unitNo, b.note, b.bookedAt)
        } catch (e) {
          // The keys decide: (day, slot) is the primary key, (day, person) is unique.
          const code = (e as { code?: string }).code
          if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('RECEPTION.ALREADY_BOOKED', '您已预约过这个接待日')
          if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('RECEPTION.SLOT_TAKEN', '这个时段已被别人预约，请换一个')
          throw e
        }
        appendAudit(db, audit, b.bookedAt)
      })()
    },
    async unitExists(communityId, building, unitNo) {
      return db.prepare('SELECT 1 FROM roll_units WHERE community_id = ? AND building = ? AND unit_no = ? AND version = (SELECT MAX(version) FROM roll_versions WHERE community_id = ?)')
        .get(communityId, building, unitNo, communityId) !== undefined
    },
    async householdsOf(communityId, building) {
      return db.prepare(`SELECT b.person_id FROM owner_bindings b JOIN roll_units u ON u.community_id = b.community_id AND u.owner_key = b.owner_key
          AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = b.community_id)
        WHERE b.community_id = ? AND u.building = ?
        UNION SELECT person_id FROM resident_links WHERE community_id = ? AND building = ? ORDER BY 1`).pluck().all(communityId, building, communityId, building) as string[]
    },
    async daysStarting(from, to) {
      return (db.prepare("SELECT * FROM reception_days WHERE starts_at >= ? AND starts_at < ? AND status = 'scheduled' ORDER BY starts_at").all(from, to) as Row[]).map(toDay)
    },

    async insertItem(item, step, audit) {
      tx(writeNewItem)(item, step, audit)
    },
    async item(id) {
      const r = db.prepare('SELECT * FROM rect_items WHERE id = ?').get(id) as Row | undefined
      return r ? toItem(r) : null
    },
    async steps(itemId) {
      const rows = db.prepare('SELECT * FROM rect_steps WHERE item_id = ? ORDER BY seq').all(itemId) as Row[]
      return rows.map((r): ItemStep => ({ action: r.action as ItemStep['action'], at: r.at as number, actorId: r.actor_id as string, note: r.note as string, photos: JSON.parse(r.photos as string), data: JSON.parse(r.data as string) }))
    },
    async saveStep(it, expected, step, audit) {
      tx(writeItemStep)(it, expected, step, audit)
    },
    async board(q) {
      const { sql, args } = boardWhere(q)
      const after = parseCursor(q.cursor)
      const keyset = after ? ' AND (raised_at < ? OR (raised_at = ? AND id < ?))' : ''
      const rows = db.prepare(`SELECT * FROM rect_items WHERE ${sql}${keyset} ORDER BY raised_at DESC, id DESC LIMIT ?`)
        .all(...args, ...(after ? [after.at, after.at, after.id] : []), q.limit + 1) as Row[]
      const { items, nextCursor } = page(rows, q.limit, toItem, 'raised_at')
      return { items, nextCursor }
    },
    async counts(q) {
      const { sql, args } = boardWhere(q)
      const rows = db.prepare(`SELECT status, COUNT(*) AS n FROM rect_items WHERE ${sql} GROUP BY status`).all(...args) as Array<{ status: ItemStatus; n: number }>
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>
      for (const r of rows) counts[r.status] = r.n
      return counts
    },
    async monthFacts(communityId, start, end) {
      const rows = db.prepare(`SELECT id, building, raised_at, deadline, completed_at, confirmed_at FROM rect_items
        WHERE community_id = ? AND raised_at < ? AND (confirmed_at IS NULL OR confirmed_at >= ? OR (deadline >= ? AND deadline < ?))`)
        .all(communityId, end, start, start, end) as Array<{ id: string; building: string; raised_at: number; deadline: number | null; completed_at: number | null; confirmed_at: number | null }>
      const reopens = db.prepare("SELECT item_id, at FROM rect_steps WHERE community_id = ? AND action = 'reopen' AND at >= ? AND at < ?").all(communityId, start, end) as Array<{ item_id: string; at: number }>
      const byItem = new Map<string, number[]>()
      for (const r of reopens) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r.at])
      return rows.map((r): ItemFacts => ({ building: r.building, raisedAt: r.raised_at, deadline: r.deadline, completedAt: r.completed_at, confirmedAt: r.confirmed_at, reopenedAt: byItem.get(r.id) ?? [] }))
    },
    async escalationCandidates(now, limit) {
      const rows = db.prepare(`SELECT * FROM rect_items WHERE status IN (${OPEN.map(() => '?').join(',')}) AND deadline <= ? AND (escalation = 0 OR (escalation = 1 AND escalated_at <= ?)) ORDER BY deadline LIMIT ?`).all(...OPEN, now, now - WEEK, limit) as Row[]
      return rows.map(toItem)
    },

    async insertClaim(t, audit) {
      tx(writeNewClaim)(t, audit)
    },
    async claim(id) {
      const r = db.prepare('SELECT * FROM claim_tasks WHERE id = ?').get(id) as Row | undefined
      return r ? toClaim(r) : null
    },
    async saveClaim(t, expected, audit, at) {
      tx(writeClaimChange)(t, expected, audit, at)
    },
    async claims(communityId, cursor, limit) {
      const after = parseCursor(cursor)
      const keyset = after ? ' AND (published_at < ? OR (published_at = ? AND id < ?))' : ''
      const rows = db.prepare(`SELECT * FROM claim_tasks WHERE community_id = ?${keyset} ORDER BY published_at DESC, id DESC LIMIT ?`)
        .all(communityId, ...(after ? [after.at, after.at, after.id] : []), limit + 1) as Row[]
      const { items, nextCursor } = page(rows, limit, toClaim, 'published_at')
      return { tasks: items, nextCursor }
    },
  }
}
