// Repair requests on SQLite: the domain record as JSON beside the columns the
// queue, the lists and the monthly numbers are looked up by.
import type { Commitment } from '../../../domain/repairs/commitments'
import type { RepairRequest } from '../../../domain/repairs/request'
import type { AuditDraft } from '../ports'
import type { RepairEvent, RepairsPort } from '../repairs-port'
import {
  PENDING_COMMUNITIES_SQL, REQUEST_COLS, alreadyLinked, areaRepeated, completedBy, fromRow, fromRows, fundLinksSql, newestFirst, requestColumns, staleRequest, toCommitment, toEvent, toFundLink,
  type CommitmentRow, type EventRow, type FundLinkRow,
} from '../repairs-rows'
import { appendAudit } from './audit'
import type { Db } from './db'

/** Writes a request and its whole history at once (demo data, benchmarks); audit entries are the caller's. */
export function insertRepairHistory(db: Db, request: RepairRequest, events: ReadonlyArray<Omit<RepairEvent, 'seq'>>): void {
  db.prepare(INSERT_SQL).run(requestColumns(request))
  const insertEvent = db.prepare('INSERT INTO repair_events (request_id, seq, at, actor_id, kind, status, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
  events.forEach((e, i) => insertEvent.run(request.id, i + 1, e.at, e.actorId, e.kind, e.status, JSON.stringify(e.data)))
}

function writeCommitments(db: Db, communityId: string, list: readonly Commitment[]): void {
  db.prepare('DELETE FROM repair_commitments WHERE community_id = ?').run(communityId)
  const c = db.prepare('INSERT INTO repair_commitments (community_id, category, urgency, response_minutes, completion_minutes) VALUES (?, ?, ?, ?, ?)')
  for (const x of list) c.run(communityId, x.category, x.urgency, x.responseMinutes, x.completionMinutes)
}

function writeAreas(db: Db, communityId: string, areas: readonly string[]): void {
  db.prepare('DELETE FROM repair_common_areas WHERE community_id = ?').run(communityId)
  const a = db.prepare('INSERT INTO repair_common_areas (community_id, name, position) VALUES (?, ?, ?)')
  try {
    areas.forEach((name, i) => a.run(communityId, name, i))
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw areaRepeated()
    throw e
  }
}

export function insertCommitments(db: Db, communityId: string, list: readonly Commitment[], commonAreas: readonly string[]): void {
  writeCommitments(db, communityId, list)
  writeAreas(db, communityId, commonAreas)
}

const INSERT_SQL = `INSERT INTO repair_requests (${REQUEST_COLS.join(', ')}) VALUES (${REQUEST_COLS.map((c) => `@${c}`).join(', ')})`

export function sqliteRepairs(db: Db): RepairsPort {
  const commitments = db.prepare('SELECT category, urgency, response_minutes, completion_minutes FROM repair_commitments WHERE community_id = ? ORDER BY category, urgency')
  const areas = db.prepare('SELECT name FROM repair_common_areas WHERE community_id = ? ORDER BY position, name').pluck()
  const nextNo = db.prepare('SELECT COALESCE(MAX(no), 0) + 1 FROM repair_requests WHERE community_id = ?').pluck()
  const insert = db.prepare(INSERT_SQL)
  const update = db.prepare('UPDATE repair_requests SET status = @status, due_at = @due_at, version = @version, data = @data WHERE id = @id AND community_id = @community_id AND version = @version - 1')
  const byId = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND id = ?')
  const lastSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM repair_events WHERE request_id = ?').pluck()
  const insertEvent = db.prepare('INSERT INTO repair_events (request_id, seq, at, actor_id, kind, status, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const events = db.prepare('SELECT seq, at, actor_id, kind, status, data FROM repair_events WHERE request_id = ? ORDER BY seq')
  const queueFirst = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL ORDER BY due_at, no LIMIT ?')
  const queueAfter = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL AND (due_at > ? OR (due_at = ? AND no > ?)) ORDER BY due_at, no LIMIT ?')
  const byReporter = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND reporter_id = ? ORDER BY reported_at DESC, no DESC LIMIT ?')
  const byUnit = db.prepare("SELECT data FROM repair_requests WHERE community_id = ? AND location_kind = 'unit' AND building = ? AND unit_no = ? ORDER BY reported_at DESC, no DESC LIMIT ?")
  const common = db.prepare("SELECT data FROM repair_requests WHERE community_id = ? AND location_kind = 'common' ORDER BY reported_at DESC, no DESC LIMIT ?")
  const completed = db.prepare("SELECT data FROM repair_requests WHERE community_id = ? AND status = 'completed' ORDER BY no")
  const overdue = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL AND due_at < ? ORDER BY due_at, no')
  const between = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND reported_at >= ? AND reported_at < ? ORDER BY reported_at, no')
  const pending = db.prepare(`${PENDING_COMMUNITIES_SQL} ORDER BY c.id`).pluck()
  const insertLink = db.prepare('INSERT INTO repair_fund_links (request_id, community_id, withdrawal_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)')
  const links = db.prepare(fundLinksSql('?'))

  const addEvent = (requestId: string, e: Omit<RepairEvent, 'seq'>) =>
    insertEvent.run(requestId, (lastSeq.get(requestId) as number) + 1, e.at, e.actorId, e.kind, e.status, JSON.stringify(e.data))

  const write = (next: RepairRequest, event: Omit<RepairEvent, 'seq'>, audit: AuditDraft) => {
    const { changes } = update.run(requestColumns(next))
    if (changes === 0) throw staleRequest()
    addEvent(next.id, event)
    appendAudit(db, audit, event.at)
  }

  return {
    async settings(communityId) {
      return {
        commitments: (commitments.all(communityId) as CommitmentRow[]).map(toCommitment),
        commonAreas: areas.all(communityId) as string[],
      }
    },
    async setCommitments(communityId, list, audit, at) {
      db.transaction(() => {
        writeCommitments(db, communityId, list)
        appendAudit(db, audit, at)
      })()
    },
    async setCommonAreas(communityId, areas, audit, at) {
      db.transaction(() => {
        writeAreas(db, communityId, areas)
        appendAudit(db, audit, at)
      })()
    },
    async create(draft, event, audit) {
      return db.transaction(() => {
        // Inside the transaction nothing interleaves; UNIQUE (community_id, no) still guards the number.
        const request: RepairRequest = { ...draft, no: nextNo.get(draft.communityId) as number }
        insert.run(requestColumns(request))
        addEvent(request.id, event)
        appendAudit(db, audit(request.no), event.at)
        return request
      })()
    },
    async get(communityId, id) {
      const row = byId.get(communityId, id) as { data: string } | undefined
      return row ? fromRow(row) : null
    },
    async update(next, event, audit) {
      db.transaction(() => write(next, event, audit))()
    },
    async timeline(requestId) {
      return (events.all(requestId) as EventRow[]).map(toEvent)
    },
    async queue(communityId, after, limit) {
      return fromRows(after ? queueAfter.all(communityId, after.dueAt, after.dueAt, after.no, limit) : queueFirst.all(communityId, limit))
    },
    async mine(communityId, personId, units, limit) {
      // Each part is an index range; merged here rather than with OR, which SQLite cannot serve from one index.
      const lists = [byReporter.all(communityId, personId, limit), ...units.map((u) => byUnit.all(communityId, u.building, u.unitNo, limit))]
      return newestFirst(lists as Array<Array<{ data: string }>>, limit)
    },
    async common(communityId, limit) {
      return fromRows(common.all(communityId, limit))
    },
    async completedBefore(communityId, before) {
      return completedBy(fromRows(completed.all(communityId)), before)
    },
    async overdue(communityId, now) {
      return fromRows(overdue.all(communityId, now))
    },
    async reportedBetween(communityId, from, to) {
      return fromRows(between.all(communityId, from, to))
    },
    async communitiesWithPending() {
      return pending.all() as string[]
    },
    async linkFund(next, withdrawalId, event, audit) {
      db.transaction(() => {
        try {
          insertLink.run(next.id, next.communityId, withdrawalId, event.actorId ?? 'system', event.at)
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw alreadyLinked()
          throw e
        }
        write(next, event, audit)
      })()
    },
    async fundLinks(communityId) {
      return (links.all(communityId) as FundLinkRow[]).map(toFundLink)
    },
  }
}
