// The captains' storage on PostgreSQL, answering as sqlite/captains.ts does
// (same rows, order, codes). Each write runs in one transaction with its audit
// entry; a state change is an UPDATE … WHERE version = the version it was read
// at, so of two people acting at once exactly one wins and the other is told
// CONFLICT with nothing written. Slots are taken by the table's keys.
import { AppError } from '../../../domain/errors'
import { WEEK } from '../../../domain/captains/time'
import type { ItemStatus, ItemStep, RectificationItem } from '../../../domain/captains/rectification'
import type { CaptainsPort } from '../captains-port'
import {
  CLAIM_CHANGE_SET, CLAIM_COLS, DAY_COLS, ITEM_COLS, ITEM_STEP_SET, OPEN_WORK_SQL, boardWhere, claimChangeValues, claimValues, countsOf, dayValues,
  itemStepValues, itemValues, monthFactsOf, monthItemsSql, monthReopensSql, page, parseCursor, stale, stepValues, toBooking, toClaim, toDay, toItem, toStep,
  type Row,
} from '../captains-rows'
import { binder } from '../sql-bind'
import { appendAudit } from './audit'
import { transaction, type Pg, type Queryable } from './db'

const marks = (cols: string, from = 1) => cols.split(',').map((_, i) => `$${i + from}`).join(', ')
const sets = (cols: readonly string[]) => cols.map((c, i) => `${c} = $${i + 1}`).join(', ')
const bound = binder((n) => `$${n}`)

/** A unique violation (23505) of the named constraint. */
const violates = (e: unknown, constraint: string): boolean => (e as { code?: string; constraint?: string }).code === '23505' && (e as { constraint?: string }).constraint === constraint

/** Runs an UPDATE guarded by the version it expects; anything but exactly one row changed is CONFLICT (and the transaction rolls back). */
async function guarded(c: Queryable, sql: string, args: unknown[]): Promise<void> {
  if ((await c.query(sql, args)).rowCount !== 1) throw stale()
}

async function insertStep(c: Queryable, it: RectificationItem, s: ItemStep): Promise<void> {
  // The item's row is already locked by this transaction's insert or guarded update, so MAX(seq) cannot move under us.
  await c.query(
    `INSERT INTO rect_steps (item_id, seq, community_id, action, at, actor_id, note, photos, data)
     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM rect_steps WHERE item_id = $1), $2, $3, $4, $5, $6, $7, $8)`,
    [it.id, ...stepValues(it, s)],
  )
}

export function pgCaptains(pool: Pg): CaptainsPort {
  const one = async (sql: string, args: unknown[]): Promise<Row | undefined> => (await pool.query<Row>(sql, args)).rows[0]
  const all = async (sql: string, args: unknown[]): Promise<Row[]> => (await pool.query<Row>(sql, args)).rows

  return {
    async insertDays(days, audit, at) {
      await transaction(pool, async (c) => {
        for (const d of days) await c.query(`INSERT INTO reception_days (${DAY_COLS}) VALUES (${marks(DAY_COLS)})`, dayValues(d))
        await appendAudit(c, audit, at)
      })
    },
    async day(id) {
      const r = await one('SELECT * FROM reception_days WHERE id = $1', [id])
      return r ? toDay(r) : null
    },
    async saveDay(day, expected, audit, at) {
      await transaction(pool, async (c) => {
        await guarded(c, 'UPDATE reception_days SET starts_at = $1, ends_at = $2, status = $3, change_reason = $4, moved_from = $5, version = $6 WHERE id = $7 AND version = $8',
          [day.startsAt, day.endsAt, day.status, day.changeReason, day.movedFrom, day.version, day.id, expected])
        await appendAudit(c, audit, at)
      })
    },
    async upcoming(communityId, buildings, from, limit) {
      if (buildings && buildings.length === 0) return []
      const rows = await all(
        `SELECT * FROM reception_days WHERE community_id = $1 AND ends_at > $2${buildings ? ' AND building = ANY($4::text[])' : ''} ORDER BY starts_at, id LIMIT $3`,
        [communityId, from, limit, ...(buildings ? [buildings] : [])],
      )
      return rows.map(toDay)
    },
    async bookings(dayIds) {
      if (dayIds.length === 0) return []
      return (await all('SELECT * FROM reception_bookings WHERE day_id = ANY($1::text[]) ORDER BY day_id, slot', [dayIds])).map(toBooking)
    },
    async book(b, audit) {
      await transaction(pool, async (c) => {
        try {
          await c.query('INSERT INTO reception_bookings (day_id, slot, person_id, building, unit_no, note, booked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [b.dayId, b.slot, b.personId, b.building, b.unitNo, b.note, b.bookedAt])
        } catch (e) {
          // The keys decide, as on SQLite: (day, slot) is the primary key, (day, person) is unique.
          if (violates(e, 'reception_bookings_slot')) throw new AppError('RECEPTION.SLOT_TAKEN', '这个时段已被别人预约，请换一个')
          if (violates(e, 'reception_bookings_person')) throw new AppError('RECEPTION.ALREADY_BOOKED', '您已预约过这个接待日')
          throw e
        }
        await appendAudit(c, audit, b.bookedAt)
      })
    },
    async unitExists(communityId, building, unitNo) {
      return (await one('SELECT 1 FROM roll_units WHERE community_id = $1 AND building = $2 AND unit_no = $3 AND version = (SELECT MAX(version) FROM roll_versions WHERE community_id = $1)',
        [communityId, building, unitNo])) !== undefined
    },
    async householdsOf(communityId, building) {
      const rows = await all(
        `SELECT person_id FROM (
           SELECT b.person_id FROM owner_bindings b JOIN roll_units u ON u.community_id = b.community_id AND u.owner_key = b.owner_key
              AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = b.community_id)
            WHERE b.community_id = $1 AND u.building = $2
           UNION SELECT person_id FROM resident_links WHERE community_id = $1 AND building = $2
         ) h ORDER BY person_id COLLATE "C"`,
        [communityId, building],
      )
      return rows.map((r) => r.person_id as string)
    },
    async daysStarting(from, to) {
      return (await all("SELECT * FROM reception_days WHERE starts_at >= $1 AND starts_at < $2 AND status = 'scheduled' ORDER BY starts_at, id", [from, to])).map(toDay)
    },

    async insertItem(item, step, audit) {
      await transaction(pool, async (c) => {
        await c.query(`INSERT INTO rect_items (${ITEM_COLS}) VALUES (${marks(ITEM_COLS)})`, itemValues(item))
        await insertStep(c, item, step)
        await appendAudit(c, audit, step.at)
      })
    },
    async item(id) {
      const r = await one('SELECT * FROM rect_items WHERE id = $1', [id])
      return r ? toItem(r) : null
    },
    async steps(itemId) {
      return (await all('SELECT * FROM rect_steps WHERE item_id = $1 ORDER BY seq', [itemId])).map(toStep)
    },
    async saveStep(it, expected, step, audit) {
      await transaction(pool, async (c) => {
        const n = ITEM_STEP_SET.length
        await guarded(c, `UPDATE rect_items SET ${sets(ITEM_STEP_SET)} WHERE id = $${n + 1} AND version = $${n + 2}`, [...itemStepValues(it), it.id, expected])
        await insertStep(c, it, step)
        await appendAudit(c, audit, step.at)
      })
    },
    async board(q) {
      const after = parseCursor(q.cursor)
      // A row comparison, so the (community, raised_at DESC, id DESC) index serves deep pages too.
      const { sql, args } = bound((bind) => `${boardWhere(q, bind)}${after ? ` AND (raised_at, id) < (${bind(after.at)}, ${bind(after.id)})` : ''} ORDER BY raised_at DESC, id DESC LIMIT ${bind(q.limit + 1)}`)
      return page(await all(`SELECT * FROM rect_items WHERE ${sql}`, args), q.limit, toItem, 'raised_at')
    },
    async counts(q) {
      const { sql, args } = bound((bind) => boardWhere(q, bind))
      const rows = await all(`SELECT status, COUNT(*)::int AS n FROM rect_items WHERE ${sql} GROUP BY status`, args)
      return countsOf(rows as Array<{ status: ItemStatus; n: number }>)
    },
    async monthFacts(communityId, start, end) {
      const items = bound(monthItemsSql(communityId, start, end))
      const reopens = bound(monthReopensSql(communityId, start, end))
      return monthFactsOf((await all(items.sql, items.args)) as never[], (await all(reopens.sql, reopens.args)) as never[])
    },
    async escalationCandidates(now, limit) {
      const rows = await all(
        `SELECT * FROM rect_items WHERE status IN ${OPEN_WORK_SQL} AND deadline <= $1 AND (escalation = 0 OR (escalation = 1 AND escalated_at <= $2)) ORDER BY deadline, id LIMIT $3`,
        [now, now - WEEK, limit],
      )
      return rows.map(toItem)
    },

    async insertClaim(t, audit) {
      await transaction(pool, async (c) => {
        await c.query(`INSERT INTO claim_tasks (${CLAIM_COLS}) VALUES (${marks(CLAIM_COLS)})`, claimValues(t))
        await appendAudit(c, audit, t.publishedAt)
      })
    },
    async claim(id) {
      const r = await one('SELECT * FROM claim_tasks WHERE id = $1', [id])
      return r ? toClaim(r) : null
    },
    async saveClaim(t, expected, audit, at) {
      await transaction(pool, async (c) => {
        const n = CLAIM_CHANGE_SET.length
        await guarded(c, `UPDATE claim_tasks SET ${sets(CLAIM_CHANGE_SET)} WHERE id = $${n + 1} AND version = $${n + 2}`, [...claimChangeValues(t), t.id, expected])
        await appendAudit(c, audit, at)
      })
    },
    async claims(communityId, cursor, limit) {
      const after = parseCursor(cursor)
      const rows = await all(
        `SELECT * FROM claim_tasks WHERE community_id = $1${after ? ' AND (published_at, id) < ($3, $4)' : ''} ORDER BY published_at DESC, id DESC LIMIT $2`,
        [communityId, limit + 1, ...(after ? [after.at, after.id] : [])],
      )
      const { items, nextCursor } = page(rows, limit, toClaim, 'published_at')
      return { tasks: items, nextCursor }
    },
  }
}
