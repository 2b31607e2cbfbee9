// The building captains' storage on CloudBase, answering as sqlite/captains.ts
// does: same records, same order, same refusals.
//
// Every state change (a day cancelled or moved, an item's step, a claim taken)
// is one transaction on the record's own document: re-read it by _id, refuse
// CONFLICT unless it is still at the version the caller read, write it and its
// audit entry. Two writers of one record conflict on its document and the
// platform runs one of them again, which then sees the new version: so of two
// phones, or two runs of the escalation timer, exactly one changes the record.
//
// A slot is one person's and a person books once a day: two documents added
// with the booking, under day|slot and day|person, each refused by its _id.
//
// There is no `or` in the queries the adapters use (sdk.ts), so a condition
// with one is asked as disjoint parts that are merged here: the board's
// keyset (ties at the cursor's time, then older), an owner's household (what
// they raised, what others raised for each of their units), the month's items
// and the escalation levels. Lists are read 100 per request; sums by status
// are the database's (aggregation).
import { WEEK } from '../../../domain/captains/time'
import { isOpenWork, STATUSES, type ItemStatus, type RectificationItem } from '../../../domain/captains/rectification'
import { AppError } from '../../../domain/errors'
import type { BoardQuery, CaptainsPort } from '../captains-port'
import { countsOf, cursorAt, monthFactsOf, parseCursor, stale } from '../captains-rows'
import { appendAudit, chainTransaction } from './audit'
import {
  COLLECTIONS, ids,
  type BookerDoc, type BookingDoc, type ClaimTaskDoc, type OwnerBindingDoc, type RectItemDoc, type RectStepDoc, type ReceptionDayDoc, type ResidentLinkDoc, type RollUnitDoc, type RollVersionDoc,
} from './collections'
import { getOrNull, isDuplicateWrite } from './errors'
import { chunks, fetchAll, fetchFirst } from './paging'
import type { Collection, Database, TxCollection } from './sdk'

/** Binary order, as SQLite's BINARY and PostgreSQL's "C" collation sort ids. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const OPEN_WORK: ItemStatus[] = STATUSES.filter(isOpenWork)

const toDay = (d: ReceptionDayDoc) => ({
  id: d._id, communityId: d.communityId, building: d.building, seriesId: d.seriesId, startsAt: d.startsAt, endsAt: d.endsAt, place: d.place, note: d.note,
  slotMinutes: d.slotMinutes, status: d.status, changeReason: d.changeReason, movedFrom: d.movedFrom, createdBy: d.createdBy, version: d.version,
})
const toBooking = (d: BookingDoc) => ({ dayId: d.dayId, slot: d.slot, personId: d.personId, building: d.building, unitNo: d.unitNo, note: d.note, bookedAt: d.bookedAt })
const toItem = (d: RectItemDoc): RectificationItem => ({
  id: d._id, communityId: d.communityId, building: d.building, unitNo: d.unitNo, category: d.category, description: d.description, photos: [...d.photos],
  raisedBy: d.raisedBy, raisedVia: d.raisedVia, receptionDayId: d.receptionDayId, raisedAt: d.raisedAt, status: d.status, assignee: d.assignee,
  deadline: d.deadline, escalation: d.escalation, escalatedAt: d.escalatedAt, completedAt: d.completedAt, confirmedAt: d.confirmedAt, reopenCount: d.reopenCount,
  version: d.version, updatedAt: d.updatedAt,
})
const toStep = (d: RectStepDoc) => ({ action: d.action, at: d.at, actorId: d.actorId, note: d.note, photos: [...d.photos], data: JSON.parse(d.data) })
const toClaim = (d: ClaimTaskDoc) => ({
  id: d._id, communityId: d.communityId, title: d.title, detail: d.detail, status: d.status, publishedBy: d.publishedBy, publishedAt: d.publishedAt,
  takerId: d.takerId, takenHow: d.takenHow, takenAt: d.takenAt, dispatchedBy: d.dispatchedBy, doneNote: d.doneNote, doneAt: d.doneAt, version: d.version,
})
const withoutId = <T extends { id: string }>({ id, ...rest }: T) => ({ _id: id, ...rest })

/** Adds under a chosen _id inside a transaction; that _id existing is the app's refusal. */
async function addOr<T extends { _id: string }>(c: TxCollection<T>, data: T, refusal: () => AppError): Promise<void> {
  try {
    await c.add({ data })
  } catch (e) {
    throw isDuplicateWrite(e) ? refusal() : e
  }
}

type Where = Record<string, unknown>

export function cloudbaseCaptains(db: Database): CaptainsPort {
  const _ = db.command
  const $ = db.command.aggregate
  const col = <T>(name: string) => db.collection<T>(name)
  const days = () => col<ReceptionDayDoc>(COLLECTIONS.receptionDays)
  const items = () => col<RectItemDoc>(COLLECTIONS.rectItems)

  /**
   * Newest first by `time` then _id, after a cursor, `n` at most. "Older than
   * the cursor" is an or (same time and a lower _id, or an earlier time), so
   * it is two reads: the ties at the cursor's time, then what is older.
   */
  async function newestAfter<T extends { _id: string }>(c: () => Collection<T>, where: Where, time: string, after: { at: number; id: string } | null, n: number): Promise<T[]> {
    const older = (w: Where) => () => c().where(w).orderBy(time, 'desc').orderBy('_id', 'desc')
    if (!after) return fetchFirst(older(where), n)
    const ties = await fetchFirst(() => c().where({ ...where, [time]: after.at, _id: _.lt(after.id) }).orderBy('_id', 'desc'), n)
    return ties.length >= n ? ties : [...ties, ...(await fetchFirst(older({ ...where, [time]: _.lt(after.at) }), n - ties.length))]
  }

  /**
   * A board query as disjoint conditions whose union is what it asks (none:
   * nothing can match). An owner's household is what they raised, plus what
   * others raised for each of their units.
   */
  function boardParts(q: Omit<BoardQuery, 'cursor' | 'limit'>): Where[] {
    const base: Where = { communityId: q.communityId }
    if (q.buildings) {
      if (q.buildings.length === 0) return []
      base.building = _.in(q.buildings)
    }
    if (q.assignee) base.assignee = q.assignee
    let statuses = q.statuses
    if (q.overdueAt !== undefined) {
      statuses = (statuses ?? OPEN_WORK).filter((s) => OPEN_WORK.includes(s))
      base.deadline = _.lt(q.overdueAt)
    }
    if (statuses) {
      if (statuses.length === 0) return []
      base.status = _.in(statuses)
    }
    if (!q.household) return [base]
    const { personId, units } = q.household
    const unitKeys = [...new Map(units.map((u) => [`${u.building}\u0000${u.unitNo}`, u])).values()]
    return [
      { ...base, raisedBy: personId },
      ...unitKeys.filter((u) => !q.buildings || q.buildings.includes(u.building)).map((u) => ({ ...base, building: u.building, unitNo: u.unitNo, raisedBy: _.neq(personId) })),
    ]
  }

  async function latestVersion(communityId: string): Promise<number | null> {
    const { data } = await col<RollVersionDoc>(COLLECTIONS.rollVersions).where({ communityId }).orderBy('version', 'desc').limit(1).get()
    return data[0]?.version ?? null
  }

  return {
    insertDays: (list, audit, at) =>
      chainTransaction(db, async (t) => {
        for (const d of list) await t.collection<ReceptionDayDoc>(COLLECTIONS.receptionDays).add({ data: withoutId(d) })
        await appendAudit(t, audit, at)
      }),
    async day(id) {
      const d = await getOrNull(days().doc(id))
      return d ? toDay(d) : null
    },
    saveDay: (day, expected, audit, at) =>
      chainTransaction(db, async (t) => {
        const ref = t.collection<ReceptionDayDoc>(COLLECTIONS.receptionDays).doc(day.id)
        if ((await getOrNull(ref))?.version !== expected) throw stale()
        await ref.update({ data: { startsAt: day.startsAt, endsAt: day.endsAt, status: day.status, changeReason: day.changeReason, movedFrom: day.movedFrom, version: day.version } })
        await appendAudit(t, audit, at)
      }),
    async upcoming(communityId, buildings, from, limit) {
      if (buildings && buildings.length === 0) return []
      const where: Where = { communityId, endsAt: _.gt(from), ...(buildings ? { building: _.in(buildings) } : {}) }
      return (await fetchFirst(() => days().where(where).orderBy('startsAt', 'asc').orderBy('_id', 'asc'), limit)).map(toDay)
    },
    async bookings(dayIds) {
      const all: BookingDoc[] = []
      for (const part of chunks([...new Set(dayIds)])) {
        all.push(...(await fetchAll(() => col<BookingDoc>(COLLECTIONS.receptionBookings).where({ dayId: _.in(part) }).orderBy('dayId', 'asc').orderBy('slot', 'asc'))))
      }
      return all.sort((x, y) => byText(x.dayId, y.dayId) || x.slot - y.slot).map(toBooking)
    },
    book: (b, audit) =>
      chainTransaction(db, async (t) => {
        // The person first: someone asking again for a taken slot is told they have booked (as SQLite answers).
        await addOr(t.collection<BookerDoc>(COLLECTIONS.receptionBookers), { _id: ids.booker(b.dayId, b.personId), dayId: b.dayId, personId: b.personId, slot: b.slot },
          () => new AppError('RECEPTION.ALREADY_BOOKED', '您已预约过这个接待日'))
        await addOr(t.collection<BookingDoc>(COLLECTIONS.receptionBookings), { _id: ids.booking(b.dayId, b.slot), ...b },
          () => new AppError('RECEPTION.SLOT_TAKEN', '这个时段已被别人预约，请换一个'))
        await appendAudit(t, audit, b.bookedAt)
      }),
    async unitExists(communityId, building, unitNo) {
      const version = await latestVersion(communityId)
      return version !== null && (await getOrNull(col<RollUnitDoc>(COLLECTIONS.rollUnits).doc(ids.rollUnit(communityId, version, building, unitNo)))) !== null
    },
    async householdsOf(communityId, building) {
      const people = new Set<string>()
      const version = await latestVersion(communityId)
      if (version !== null) {
        const units = await fetchAll(() => col<RollUnitDoc>(COLLECTIONS.rollUnits).where({ communityId, version, building }))
        for (const part of chunks([...new Set(units.map((u) => u.ownerKey))])) {
          for (const b of await fetchAll(() => col<OwnerBindingDoc>(COLLECTIONS.ownerBindings).where({ communityId, ownerKey: _.in(part) }))) people.add(b.personId)
        }
      }
      for (const l of await fetchAll(() => col<ResidentLinkDoc>(COLLECTIONS.residentLinks).where({ communityId, building }))) people.add(l.personId)
      return [...people].sort(byText)
    },
    async daysStarting(from, to) {
      const where = { status: 'scheduled', startsAt: _.and(_.gte(from), _.lt(to)) }
      return (await fetchAll(() => days().where(where).orderBy('startsAt', 'asc').orderBy('_id', 'asc'))).map(toDay)
    },

    insertItem: (item, step, audit) =>
      chainTransaction(db, async (t) => {
        await t.collection<RectItemDoc>(COLLECTIONS.rectItems).add({ data: { ...withoutId(item), stepCount: 1 } })
        await t.collection<RectStepDoc>(COLLECTIONS.rectSteps).add({ data: { _id: ids.rectStep(item.id, 1), itemId: item.id, seq: 1, communityId: item.communityId, ...step, data: JSON.stringify(step.data) } })
        await appendAudit(t, audit, step.at)
      }),
    async item(id) {
      const d = await getOrNull(items().doc(id))
      return d ? toItem(d) : null
    },
    async steps(itemId) {
      return (await fetchAll(() => col<RectStepDoc>(COLLECTIONS.rectSteps).where({ itemId }).orderBy('seq', 'asc'))).map(toStep)
    },
    saveStep: (it, expected, step, audit) =>
      chainTransaction(db, async (t) => {
        const ref = t.collection<RectItemDoc>(COLLECTIONS.rectItems).doc(it.id)
        const current = await getOrNull(ref)
        if (!current || current.version !== expected) throw stale()
        const seq = current.stepCount + 1
        // What a step may change (captains-rows ITEM_STEP_SET), and the step count.
        await ref.update({
          data: {
            status: it.status, assignee: it.assignee, deadline: it.deadline, escalation: it.escalation, escalatedAt: it.escalatedAt, completedAt: it.completedAt,
            confirmedAt: it.confirmedAt, reopenCount: it.reopenCount, version: it.version, updatedAt: it.updatedAt, stepCount: seq,
          },
        })
        await t.collection<RectStepDoc>(COLLECTIONS.rectSteps).add({ data: { _id: ids.rectStep(it.id, seq), itemId: it.id, seq, communityId: current.communityId, ...step, data: JSON.stringify(step.data) } })
        await appendAudit(t, audit, step.at)
      }),
    async board(q) {
      const after = parseCursor(q.cursor)
      const n = q.limit + 1
      const found = new Map<string, RectItemDoc>()
      for (const where of boardParts(q)) for (const d of await newestAfter(items, where, 'raisedAt', after, n)) found.set(d._id, d)
      const rows = [...found.values()].sort((x, y) => y.raisedAt - x.raisedAt || byText(y._id, x._id)).slice(0, n)
      const last = rows[q.limit - 1]
      return { items: rows.slice(0, q.limit).map(toItem), nextCursor: rows.length > q.limit ? cursorAt(last.raisedAt, last._id) : null }
    },
    async counts(q) {
      // The parts are disjoint, so their sums add up.
      const rows: Array<{ status: ItemStatus; n: number }> = []
      for (const where of boardParts(q)) {
        const { list } = await items().aggregate().match(where).group({ _id: '$status', n: $.sum(1) }).limit(STATUSES.length).end()
        for (const r of list) rows.push({ status: r._id as ItemStatus, n: r.n as number })
      }
      const byStatus = new Map<ItemStatus, number>()
      for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n)
      return countsOf([...byStatus].map(([status, n]) => ({ status, n })))
    },
    async monthFacts(communityId, start, end) {
      // Raised before the month ends and: still open, closed in or after it, or closed before it but due in it (three disjoint parts).
      const raised = { communityId, raisedAt: _.lt(end) }
      const parts: Where[] = [{ ...raised, confirmedAt: null }, { ...raised, confirmedAt: _.gte(start) }, { ...raised, confirmedAt: _.lt(start), deadline: _.and(_.gte(start), _.lt(end)) }]
      const docs: RectItemDoc[] = []
      for (const where of parts) docs.push(...(await fetchAll(() => items().where(where).orderBy('raisedAt', 'asc').orderBy('_id', 'asc'))))
      docs.sort((x, y) => x.raisedAt - y.raisedAt || byText(x._id, y._id))
      const reopens = await fetchAll(() => col<RectStepDoc>(COLLECTIONS.rectSteps).where({ communityId, action: 'reopen', at: _.and(_.gte(start), _.lt(end)) }).orderBy('at', 'asc').orderBy('_id', 'asc'))
      return monthFactsOf(
        docs.map((d) => ({ id: d._id, building: d.building, raised_at: d.raisedAt, deadline: d.deadline, completed_at: d.completedAt, confirmed_at: d.confirmedAt })),
        reopens.map((s) => ({ item_id: s.itemId, at: s.at })),
      )
    },
    async escalationCandidates(now, limit) {
      // Due for the committee, or a week with the committee and due for the supervisors.
      const due = { status: _.in(OPEN_WORK), deadline: _.lte(now) }
      const parts: Where[] = [{ ...due, escalation: 0 }, { ...due, escalation: 1, escalatedAt: _.lte(now - WEEK) }]
      const docs: RectItemDoc[] = []
      for (const where of parts) docs.push(...(await fetchFirst(() => items().where(where).orderBy('deadline', 'asc').orderBy('_id', 'asc'), limit)))
      return docs.sort((x, y) => (x.deadline ?? 0) - (y.deadline ?? 0) || byText(x._id, y._id)).slice(0, limit).map(toItem)
    },

    insertClaim: (task, audit) =>
      chainTransaction(db, async (t) => {
        await t.collection<ClaimTaskDoc>(COLLECTIONS.claimTasks).add({ data: withoutId(task) })
        await appendAudit(t, audit, task.publishedAt)
      }),
    async claim(id) {
      const d = await getOrNull(col<ClaimTaskDoc>(COLLECTIONS.claimTasks).doc(id))
      return d ? toClaim(d) : null
    },
    saveClaim: (task, expected, audit, at) =>
      chainTransaction(db, async (t) => {
        const ref = t.collection<ClaimTaskDoc>(COLLECTIONS.claimTasks).doc(task.id)
        if ((await getOrNull(ref))?.version !== expected) throw stale()
        await ref.update({
          data: { status: task.status, takerId: task.takerId, takenHow: task.takenHow, takenAt: task.takenAt, dispatchedBy: task.dispatchedBy, doneNote: task.doneNote, doneAt: task.doneAt, version: task.version },
        })
        await appendAudit(t, audit, at)
      }),
    async claims(communityId, cursor, limit) {
      const rows = await newestAfter(() => col<ClaimTaskDoc>(COLLECTIONS.claimTasks), { communityId }, 'publishedAt', parseCursor(cursor), limit + 1)
      const last = rows[limit - 1]
      return { tasks: rows.slice(0, limit).map(toClaim), nextCursor: rows.length > limit ? cursorAt(last.publishedAt, last._id) : null }
    },
  }
}
