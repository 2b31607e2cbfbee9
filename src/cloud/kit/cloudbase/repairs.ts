// Repair requests on CloudBase, answering exactly as the SQLite adapter
// (sqlite/repairs.ts) does: same refusals, same ordering, same shapes.
//
// A request is one document under its own id: the fields its lists are
// looked up by beside the whole request as JSON (repairs-rows.ts maps both
// ways, as for the SQL adapters). Every change is one transaction that
// re-reads the request by _id, refuses it with CONFLICT unless the stored
// version is the one the change was made from, and writes the request, its
// timeline entry and its audit entry together; two staff changing one
// request at once both write its document, so the platform retries one of
// them, which then reads the newer version and is refused.
//
// Numbers: the community's counter document is read and moved in the
// transaction that adds the request, so concurrent reports conflict there
// and are retried one after another: each number is handed out once.
//
// Lists are read in pages of at most 100 with a (field, number) keyset
// cursor; the query operators have no `or`, so "after (v, n)" is two
// queries: the same v with a later number, then the later v's.
import type { Commitment } from '../../../domain/repairs/commitments'
import type { RepairRequest } from '../../../domain/repairs/request'
import type { AuditDraft } from '../ports'
import type { RepairEvent, RepairsPort } from '../repairs-port'
import { alreadyLinked, areaRepeated, completedBy, fromRow, fromRows, newestFirst, requestColumns, staleRequest, toEvent, toFundLink } from '../repairs-rows'
import { appendAudit, chainTransaction } from './audit'
import {
  COLLECTIONS, ids,
  type RepairEventDoc, type RepairFundLinkDoc, type RepairNumberDoc, type RepairRequestDoc, type RepairSettingsDoc,
} from './collections'
import { addOrRefuse, getOrNull } from './errors'
import { fetchAfter, MAX_PAGE } from './paging'
import type { Database, Operator, Transaction } from './sdk'

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The request's document; `lastSeq` is the seq of its newest timeline entry. */
export function repairRequestDoc(r: RepairRequest, lastSeq: number): RepairRequestDoc {
  const c = requestColumns(r)
  const dueAt = c.due_at as number | null
  return {
    _id: r.id, communityId: r.communityId, no: r.no, reporterId: r.reporterId, locationKind: r.location.kind,
    building: c.building as string | null, unitNo: c.unit_no as string | null, status: r.status, reportedAt: r.reportedAt, dueAt,
    // What PENDING_COMMUNITIES_SQL asks of a row: owed by staff, or awaiting its reporter.
    pending: dueAt !== null || r.status === 'completed',
    version: r.version, lastSeq, data: c.data as string,
  }
}

const eventDoc = (requestId: string, seq: number, e: Omit<RepairEvent, 'seq'>): RepairEventDoc => ({
  _id: ids.repairEvent(requestId, seq), requestId, seq, at: e.at, actorId: e.actorId, kind: e.kind, status: e.status, data: JSON.stringify(e.data),
})

const copyCommitments = (list: readonly Commitment[]): Commitment[] =>
  list.map((c) => ({ category: c.category, urgency: c.urgency, responseMinutes: c.responseMinutes, completionMinutes: c.completionMinutes }))

/** Inside the caller's transaction: the version check, the request, its timeline entry, its audit entry. */
async function write(t: Transaction, next: RepairRequest, event: Omit<RepairEvent, 'seq'>, audit: AuditDraft): Promise<void> {
  const ref = t.collection<RepairRequestDoc>(COLLECTIONS.repairRequests).doc(next.id)
  const current = await getOrNull(ref)
  if (!current || current.communityId !== next.communityId || current.version !== next.version - 1) throw staleRequest()
  const { _id: _unused, ...doc } = repairRequestDoc(next, current.lastSeq + 1)
  await ref.set({ data: doc })
  await t.collection<RepairEventDoc>(COLLECTIONS.repairEvents).add({ data: eventDoc(next.id, doc.lastSeq, event) })
  await appendAudit(t, audit, event.at)
}

interface Cursor { value: number; no: number }

export function cloudbaseRepairs(db: Database): RepairsPort {
  const _ = db.command
  const requests = () => db.collection<RepairRequestDoc>(COLLECTIONS.repairRequests)

  /**
   * Requests matching `where` whose `field` passes every `range` operator, in
   * (`field`, no) order (`dir`), after `after`, up to `limit`: 100 per request.
   */
  async function ordered(where: Record<string, unknown>, field: 'dueAt' | 'reportedAt', range: Operator[], dir: 'asc' | 'desc', after: Cursor | null, limit: number): Promise<RepairRequestDoc[]> {
    const beyond = (v: number) => (dir === 'asc' ? _.gt(v) : _.lt(v))
    const on = (...ops: Operator[]) => {
      const all = [...range, ...ops]
      return all.length === 0 ? {} : { [field]: all.length === 1 ? all[0] : _.and(...all) }
    }
    const out: RepairRequestDoc[] = []
    let cursor = after
    while (out.length < limit) {
      const size = Math.min(MAX_PAGE, limit - out.length)
      let rows: RepairRequestDoc[]
      if (!cursor) {
        rows = (await requests().where({ ...where, ...on() }).orderBy(field, dir).orderBy('no', dir).limit(size).get()).data
      } else {
        const [same, later] = await Promise.all([
          requests().where({ ...where, [field]: cursor.value, no: beyond(cursor.no) }).orderBy('no', dir).limit(size).get(),
          requests().where({ ...where, ...on(beyond(cursor.value)) }).orderBy(field, dir).orderBy('no', dir).limit(size).get(),
        ])
        rows = [...same.data, ...later.data].slice(0, size)
      }
      out.push(...rows)
      if (rows.length < size) break
      const last = rows[rows.length - 1]
      cursor = { value: last[field] as number, no: last.no }
    }
    return out
  }

  /** Replaces one part of the community's settings document, with its audit entry. */
  const setSettings = (communityId: string, change: Partial<Omit<RepairSettingsDoc, '_id'>>, audit: AuditDraft, at: number) =>
    chainTransaction(db, async (t) => {
      const ref = t.collection<RepairSettingsDoc>(COLLECTIONS.repairSettings).doc(communityId)
      const current = await getOrNull(ref)
      await ref.set({ data: { commitments: current?.commitments ?? [], commonAreas: current?.commonAreas ?? [], ...change } })
      await appendAudit(t, audit, at)
    })

  return {
    async settings(communityId) {
      const s = await getOrNull(db.collection<RepairSettingsDoc>(COLLECTIONS.repairSettings).doc(communityId))
      return {
        // As the SQL adapters read them: by category, then urgency.
        commitments: copyCommitments(s?.commitments ?? []).sort((a, b) => byText(a.category, b.category) || byText(a.urgency, b.urgency)),
        commonAreas: [...(s?.commonAreas ?? [])],
      }
    },

    async setCommitments(communityId, list, audit, at) {
      await setSettings(communityId, { commitments: copyCommitments(list) }, audit, at)
    },

    async setCommonAreas(communityId, areas, audit, at) {
      // The list is one document, so this is where a repeated name is refused (the SQL key's job there).
      if (new Set(areas).size !== areas.length) throw areaRepeated()
      await setSettings(communityId, { commonAreas: [...areas] }, audit, at)
    },

    create: (draft, event, audit) =>
      chainTransaction(db, async (t) => {
        const counter = t.collection<RepairNumberDoc>(COLLECTIONS.repairNumbers).doc(draft.communityId)
        const request: RepairRequest = { ...draft, no: ((await getOrNull(counter))?.lastNo ?? 0) + 1 }
        await counter.set({ data: { lastNo: request.no } })
        await t.collection<RepairRequestDoc>(COLLECTIONS.repairRequests).add({ data: repairRequestDoc(request, 1) })
        await t.collection<RepairEventDoc>(COLLECTIONS.repairEvents).add({ data: eventDoc(request.id, 1, event) })
        await appendAudit(t, audit(request.no), event.at)
        return request
      }),

    async get(communityId, id) {
      const d = await getOrNull(requests().doc(id))
      return d && d.communityId === communityId ? fromRow(d) : null
    },

    async update(next, event, audit) {
      await chainTransaction(db, (t) => write(t, next, event, audit))
    },

    async timeline(requestId) {
      const page = (after: number, size: number) => db.collection<RepairEventDoc>(COLLECTIONS.repairEvents).where({ requestId, seq: _.gt(after) }).orderBy('seq', 'asc').limit(size)
      return (await fetchAfter(page, 'seq', 0)).map((d) => toEvent({ seq: d.seq, at: d.at, actor_id: d.actorId, kind: d.kind, status: d.status, data: d.data }))
    },

    async queue(communityId, after, limit) {
      return fromRows(await ordered({ communityId }, 'dueAt', [_.neq(null)], 'asc', after && { value: after.dueAt, no: after.no }, limit))
    },

    async mine(communityId, personId, units, limit) {
      // As on SQLite: each part an index range, merged newest first.
      const parts = await Promise.all([
        ordered({ communityId, reporterId: personId }, 'reportedAt', [], 'desc', null, limit),
        ...units.map((u) => ordered({ communityId, locationKind: 'unit', building: u.building, unitNo: u.unitNo }, 'reportedAt', [], 'desc', null, limit)),
      ])
      return newestFirst(parts, limit)
    },

    async common(communityId, limit) {
      return fromRows(await ordered({ communityId, locationKind: 'common' }, 'reportedAt', [], 'desc', null, limit))
    },

    async completedBefore(communityId, before) {
      const page = (after: number, size: number) => requests().where({ communityId, status: 'completed', no: _.gt(after) }).orderBy('no', 'asc').limit(size)
      return completedBy(fromRows(await fetchAfter(page, 'no', 0)), before)
    },

    async overdue(communityId, now) {
      return fromRows(await ordered({ communityId }, 'dueAt', [_.lt(now)], 'asc', null, Infinity))
    },

    async reportedBetween(communityId, from, to) {
      return fromRows(await ordered({ communityId }, 'reportedAt', [_.gte(from), _.lt(to)], 'asc', null, Infinity))
    },

    async communitiesWithPending() {
      // The database groups the pending requests by community; sorted by id, read 100 communities at a time.
      const ids: string[] = []
      for (;;) {
        const match = ids.length ? { pending: true, communityId: _.gt(ids[ids.length - 1]) } : { pending: true }
        const { list } = await requests().aggregate().match(match).group({ _id: '$communityId' }).sort({ _id: 1 }).limit(MAX_PAGE).end()
        ids.push(...list.map((r) => r._id as string))
        if (list.length < MAX_PAGE) return ids
      }
    },

    linkFund: (next, withdrawalId, event, audit) =>
      chainTransaction(db, async (t) => {
        // The request's _id refuses a second link, whichever withdrawal it names.
        await addOrRefuse(t.collection<RepairFundLinkDoc>(COLLECTIONS.repairFundLinks), {
          _id: next.id, communityId: next.communityId, no: next.no, withdrawalId, linkedBy: event.actorId ?? 'system', linkedAt: event.at,
        }, alreadyLinked)
        await write(t, next, event, audit)
      }),

    async fundLinks(communityId) {
      const page = (after: number, size: number) => db.collection<RepairFundLinkDoc>(COLLECTIONS.repairFundLinks).where({ communityId, no: _.gt(after) }).orderBy('no', 'asc').limit(size)
      return (await fetchAfter(page, 'no', 0)).map((d) => toFundLink({ withdrawal_id: d.withdrawalId, request_id: d._id, no: d.no }))
    },
  }
}
