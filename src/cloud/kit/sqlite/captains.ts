// The captains' storage on SQLite. Writes run in one transaction with their
// audit entry; state changes are guarded by the version they were read at.
import { AppError } from '../../../domain/errors'
import type { ClaimTask } from '../../../domain/captains/claims'
import type { ReceptionDay } from '../../../domain/captains/reception'
import { WEEK } from '../../../domain/captains/time'
import type { ItemStatus, ItemStep, RectificationItem } from '../../../domain/captains/rectification'
import type { CaptainsPort } from '../captains-port'
import {
  CLAIM_CHANGE_SET, CLAIM_COLS, DAY_COLS, ITEM_COLS, ITEM_STEP_SET, OPEN_WORK_SQL, boardWhere, claimChangeValues, claimValues, countsOf, dayValues,
  itemStepValues, itemValues, monthFactsOf, monthItemsSql, monthReopensSql, page, parseCursor, stale, stepValues, toBooking, toClaim, toDay, toItem, toStep,
  type Row,
} from '../captains-rows'
import { binder, type Bound } from '../sql-bind'
import type { AuditDraft } from '../ports'
import { appendAudit } from './audit'
import type { Db } from './db'

const marks = (cols: string) => cols.split(',').map(() => '?').join(', ')
const sets = (cols: readonly string[]) => cols.map((c) => `${c} = ?`).join(', ')

// Synchronous writers, shared by the port (inside its transactions) and the demo seed.

export function writeDays(db: Db, days: ReceptionDay[], audit: AuditDraft, at: number): void {
  const insert = db.prepare(`INSERT INTO reception_days (${DAY_COLS}) VALUES (${marks(DAY_COLS)})`)
  for (const d of days) insert.run(...dayValues(d))
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
    .run(it.id, it.id, ...stepValues(it, s))
}

export function writeNewItem(db: Db, it: RectificationItem, step: ItemStep, audit: AuditDraft): void {
  db.prepare(`INSERT INTO rect_items (${ITEM_COLS}) VALUES (${marks(ITEM_COLS)})`).run(...itemValues(it))
  writeStepRow(db, it, step)
  appendAudit(db, audit, step.at)
}

export function writeItemStep(db: Db, it: RectificationItem, expected: number, step: ItemStep, audit: AuditDraft): void {
  const r = db.prepare(`UPDATE rect_items SET ${sets(ITEM_STEP_SET)} WHERE id = ? AND version = ?`).run(...itemStepValues(it), it.id, expected)
  if (r.changes !== 1) throw stale()
  writeStepRow(db, it, step)
  appendAudit(db, audit, step.at)
}

export function writeNewClaim(db: Db, t: ClaimTask, audit: AuditDraft): void {
  db.prepare(`INSERT INTO claim_tasks (${CLAIM_COLS}) VALUES (${marks(CLAIM_COLS)})`).run(...claimValues(t))
  appendAudit(db, audit, t.publishedAt)
}

export function writeClaimChange(db: Db, t: ClaimTask, expected: number, audit: AuditDraft, at: number): void {
  const r = db.prepare(`UPDATE claim_tasks SET ${sets(CLAIM_CHANGE_SET)} WHERE id = ? AND version = ?`).run(...claimChangeValues(t), t.id, expected)
  if (r.changes !== 1) throw stale()
  appendAudit(db, audit, at)
}

export function sqliteCaptains(db: Db): CaptainsPort {
  const insertBooking = db.prepare('INSERT INTO reception_bookings (day_id, slot, person_id, building, unit_no, note, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const tx = <A extends unknown[]>(fn: (db: Db, ...args: A) => void) => (...args: A) => db.transaction(() => fn(db, ...args))()
  const bound = binder(() => '?')

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
      return rows.map(toBooking)
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
      return (db.prepare("SELECT * FROM reception_days WHERE starts_at >= ? AND starts_at < ? AND status = 'scheduled' ORDER BY starts_at, id").all(from, to) as Row[]).map(toDay)
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
      return rows.map(toStep)
    },
    async saveStep(it, expected, step, audit) {
      tx(writeItemStep)(it, expected, step, audit)
    },
    async board(q) {
      const { sql, args } = bound((bind) => boardWhere(q, bind))
      const after = parseCursor(q.cursor)
      const keyset = after ? ' AND (raised_at < ? OR (raised_at = ? AND id < ?))' : ''
      const rows = db.prepare(`SELECT * FROM rect_items WHERE ${sql}${keyset} ORDER BY raised_at DESC, id DESC LIMIT ?`)
        .all(...args, ...(after ? [after.at, after.at, after.id] : []), q.limit + 1) as Row[]
      const { items, nextCursor } = page(rows, q.limit, toItem, 'raised_at')
      return { items, nextCursor }
    },
    async counts(q) {
      const { sql, args } = bound((bind) => boardWhere(q, bind))
      return countsOf(db.prepare(`SELECT status, COUNT(*) AS n FROM rect_items WHERE ${sql} GROUP BY status`).all(...args) as Array<{ status: ItemStatus; n: number }>)
    },
    async monthFacts(communityId, start, end) {
      const all = ({ sql, args }: Bound) => db.prepare(sql).all(...args) as never[]
      return monthFactsOf(all(bound(monthItemsSql(communityId, start, end))), all(bound(monthReopensSql(communityId, start, end))))
    },
    async escalationCandidates(now, limit) {
      const rows = db.prepare(`SELECT * FROM rect_items WHERE status IN ${OPEN_WORK_SQL} AND deadline <= ? AND (escalation = 0 OR (escalation = 1 AND escalated_at <= ?)) ORDER BY deadline, id LIMIT ?`).all(now, now - WEEK, limit) as Row[]
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
