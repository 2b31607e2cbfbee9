// Repair requests on SQLite: the domain record as JSON beside the columns the
// queue, the lists and the monthly numbers are looked up by.
import { AppError } from '../../../domain/errors'
import type { Commitment, RepairCategory, Urgency } from '../../../domain/repairs/commitments'
import { dueOf, type RepairRequest } from '../../../domain/repairs/request'
import type { AuditDraft } from '../ports'
import type { RepairEvent, RepairsPort } from '../repairs-port'
import { appendAudit } from './audit'
import type { Db } from './db'

interface EventRow { seq: number; at: number; actor_id: string | null; kind: string; status: string; data: string }

const fromRow = (r: { data: string }) => JSON.parse(r.data) as RepairRequest
const fromRows = (rows: unknown[]) => (rows as Array<{ data: string }>).map(fromRow)

/** The indexed columns of a request; `due_at` is the deadline as of its last change, which does not move with time. */
function columns(r: RepairRequest) {
  const unit = r.location.kind === 'unit' ? r.location : null
  return {
    id: r.id,
    community_id: r.communityId,
    no: r.no,
    reporter_id: r.reporterId,
    location_kind: r.location.kind,
    building: unit?.building ?? null,
    unit_no: unit?.unitNo ?? null,
    status: r.status,
    reported_at: r.reportedAt,
    due_at: dueOf(r, r.cycleStartedAt)?.dueAt ?? null,
    version: r.version,
    data: JSON.stringify(r),
  }
}

/** Writes a request and its whole history at once (demo data, benchmarks); audit entries are the caller's. */
export function insertRepairHistory(db: Db, request: RepairRequest, events: ReadonlyArray<Omit<RepairEvent, 'seq'>>): void {
  db.prepare(INSERT_SQL).run(columns(request))
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
    // The key (community_id, name) is the last word on duplicates; the domain's check names them first.
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('REPAIR.AREAS_INVALID', '公共区域名称重复了')
    throw e
  }
}

export function insertCommitments(db: Db, communityId: string, list: readonly Commitment[], commonAreas: readonly string[]): void {
  writeCommitments(db, communityId, list)
  writeAreas(db, communityId, commonAreas)
}

const INSERT_SQL = `INSERT INTO repair_requests (id, community_id, no, reporter_id, location_kind, building, unit_no, status, reported_at, due_at, version, data)
    VALUES (@id, @community_id, @no, @reporter_id, @location_kind, @building, @unit_no, @status, @reported_at, @due_at, @version, @data)`

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
  const byReporter = db.prepare('SELECT data, reported_at FROM repair_requests WHERE community_id = ? AND reporter_id = ? ORDER BY reported_at DESC LIMIT ?')
  const byUnit = db.prepare("SELECT data, reported_at FROM repair_requests WHERE community_id = ? AND location_kind = 'unit' AND building = ? AND unit_no = ? ORDER BY reported_at DESC LIMIT ?")
  const common = db.prepare("SELECT data FROM repair_requests WHERE community_id = ? AND location_kind = 'common' ORDER BY reported_at DESC LIMIT ?")
  const completed = db.prepare("SELECT data FROM repair_requests WHERE community_id = ? AND status = 'completed'")
  const overdue = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL AND due_at < ? ORDER BY due_at, no')
  const between = db.prepare('SELECT data FROM repair_requests WHERE community_id = ? AND reported_at >= ? AND reported_at < ?')
  const insertLink = db.prepare('INSERT INTO repair_fund_links (request_id, community_id, withdrawal_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)')
  const links = db.prepare('SELECT l.withdrawal_id, l.request_id, r.no FROM repair_fund_links l JOIN repair_requests r ON r.id = l.request_id WHERE l.community_id = ? ORDER BY r.no')

  const addEvent = (requestId: string, e: Omit<RepairEvent, 'seq'>) =>
    insertEvent.run(requestId, (lastSeq.get(requestId) as number) + 1, e.at, e.actorId, e.kind, e.status, JSON.stringify(e.data))

  const write = (next: RepairRequest, event: Omit<RepairEvent, 'seq'>, audit: AuditDraft) => {
    const { changes } = update.run(columns(next))
    if (changes === 0) throw new AppError('CONFLICT', '这张报修单刚被别人更新过，请刷新后再试')
    addEvent(next.id, event)
    appendAudit(db, audit, event.at)
  }

  return {
    async settings(communityId) {
      type Row = { category: RepairCategory; urgency: Urgency; response_minutes: number; completion_minutes: number }
      return {
        commitments: (commitments.all(communityId) as Row[]).map((r): Commitment => ({ category: r.category, urgency: r.urgency, responseMinutes: r.response_minutes, completionMinutes: r.completion_minutes })),
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
        insert.run(columns(request))
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
      return (events.all(requestId) as EventRow[]).map((r) => ({ seq: r.seq, at: r.at, actorId: r.actor_id, kind: r.kind, status: r.status, data: JSON.parse(r.data) }))
    },
    async queue(communityId, after, limit) {
      return fromRows(after ? queueAfter.all(communityId, after.dueAt, after.dueAt, after.no, limit) : queueFirst.all(communityId, limit))
    },
    async mine(communityId, personId, units, limit) {
      // Each part is an index range; merged here rather than with OR, which SQLite cannot serve from one index.
      type Row = { data: string; reported_at: number }
      const rows = [byReporter.all(communityId, personId, limit), ...units.map((u) => byUnit.all(communityId, u.building, u.unitNo, limit))].flat() as Row[]
      const seen = new Set<string>()
      return rows
        .sort((a, b) => b.reported_at - a.reported_at)
        .map(fromRow)
        .filter((r) => !seen.has(r.id) && seen.add(r.id))
        .slice(0, limit)
    },
    async common(communityId, limit) {
      return fromRows(common.all(communityId, limit))
    },
    async completedBefore(communityId, before) {
      return fromRows(completed.all(communityId)).filter((r) => r.completedAt !== null && r.completedAt <= before)
    },
    async overdue(communityId, now) {
      return fromRows(overdue.all(communityId, now))
    },
    async reportedBetween(communityId, from, to) {
      return fromRows(between.all(communityId, from, to))
    },
    async linkFund(next, withdrawalId, event, audit) {
      db.transaction(() => {
        try {
          insertLink.run(next.id, next.communityId, withdrawalId, event.actorId ?? 'system', event.at)
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('REPAIR.ALREADY_LINKED', '这张报修单已关联过维修资金支出')
          throw e
        }
        write(next, event, audit)
      })()
    },
    async fundLinks(communityId) {
      type Row = { withdrawal_id: string; request_id: string; no: number }
      return (links.all(communityId) as Row[]).map((r) => ({ withdrawalId: r.withdrawal_id, requestId: r.request_id, no: r.no }))
    },
  }
}
