// Repair requests on PostgreSQL, answering as sqlite/repairs.ts does (same
// rows, order, codes). A change is an UPDATE … WHERE version = the one it was
// read at, written with its timeline entry and audit entry in one
// transaction; a request's number comes from the community's counter row,
// moved by an upsert, so concurrent reports never read the same MAX(no).
import type { Commitment } from '../../../domain/repairs/commitments'
import type { RepairRequest } from '../../../domain/repairs/request'
import type { AuditDraft } from '../ports'
import type { RepairEvent, RepairsPort } from '../repairs-port'
import {
  PENDING_COMMUNITIES_SQL, REQUEST_COLS, alreadyLinked, areaRepeated, completedBy, fromRow, fromRows, fundLinksSql, newestFirst, requestColumns, staleRequest, toCommitment, toEvent, toFundLink,
  type CommitmentRow, type EventRow, type FundLinkRow, type RequestColumns,
} from '../repairs-rows'
import { appendAudit } from './audit'
import { isUniqueViolation, transaction, type Pg, type Queryable } from './db'

const INSERT_SQL = `INSERT INTO repair_requests (${REQUEST_COLS.join(', ')}) VALUES (${REQUEST_COLS.map((_, i) => `$${i + 1}`).join(', ')})`
const values = (cols: RequestColumns): unknown[] => REQUEST_COLS.map((c) => cols[c])

// The number after the community's highest. The counter row's lock makes
// concurrent reports take their numbers one after another; the stored
// requests' MAX(no) (one index probe) keeps it right after rows written
// without it (demo data, benchmarks).
const NEXT_NO_SQL = `INSERT INTO repair_numbers AS n (community_id, last_no)
  VALUES ($1, (SELECT COALESCE(MAX(no), 0) + 1 FROM repair_requests WHERE community_id = $1))
  ON CONFLICT (community_id) DO UPDATE SET last_no = GREATEST(n.last_no + 1, excluded.last_no)
  RETURNING last_no`

async function addEvent(c: Queryable, requestId: string, e: Omit<RepairEvent, 'seq'>): Promise<void> {
  // Runs after the request's row was inserted or updated in this transaction, whose lock keeps MAX(seq) still.
  await c.query(
    `INSERT INTO repair_events (request_id, seq, at, actor_id, kind, status, data)
     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM repair_events WHERE request_id = $1), $2, $3, $4, $5, $6)`,
    [requestId, e.at, e.actorId, e.kind, e.status, JSON.stringify(e.data)],
  )
}

async function write(c: Queryable, next: RepairRequest, event: Omit<RepairEvent, 'seq'>, audit: AuditDraft): Promise<void> {
  const col = requestColumns(next)
  const { rowCount } = await c.query(
    'UPDATE repair_requests SET status = $1, due_at = $2, version = $3, data = $4 WHERE id = $5 AND community_id = $6 AND version = $3 - 1',
    [col.status, col.due_at, col.version, col.data, col.id, col.community_id],
  )
  if (rowCount !== 1) throw staleRequest()
  await addEvent(c, next.id, event)
  await appendAudit(c, audit, event.at)
}

async function writeCommitments(c: Queryable, communityId: string, list: readonly Commitment[]): Promise<void> {
  await c.query('DELETE FROM repair_commitments WHERE community_id = $1', [communityId])
  await c.query(
    `INSERT INTO repair_commitments (community_id, category, urgency, response_minutes, completion_minutes)
     SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[])`,
    [communityId, list.map((x) => x.category), list.map((x) => x.urgency), list.map((x) => x.responseMinutes), list.map((x) => x.completionMinutes)],
  )
}

async function writeAreas(c: Queryable, communityId: string, areas: readonly string[]): Promise<void> {
  await c.query('DELETE FROM repair_common_areas WHERE community_id = $1', [communityId])
  try {
    await c.query('INSERT INTO repair_common_areas (community_id, name, position) SELECT $1::text, name, pos - 1 FROM unnest($2::text[]) WITH ORDINALITY AS a(name, pos)', [communityId, areas])
  } catch (e) {
    if (isUniqueViolation(e)) throw areaRepeated()
    throw e
  }
}

/** A community's commitments and common areas at once (demo data), inside the caller's transaction. */
export async function insertCommitmentsPg(c: Queryable, communityId: string, list: readonly Commitment[], commonAreas: readonly string[]): Promise<void> {
  await writeCommitments(c, communityId, list)
  await writeAreas(c, communityId, commonAreas)
}

export function pgRepairs(pool: Pg): RepairsPort {
  const requests = async (sql: string, args: unknown[]): Promise<RepairRequest[]> => fromRows((await pool.query<{ data: string }>(sql, args)).rows)

  return {
    async settings(communityId) {
      const [commitments, areas] = await Promise.all([
        pool.query<CommitmentRow>('SELECT category, urgency, response_minutes, completion_minutes FROM repair_commitments WHERE community_id = $1 ORDER BY category, urgency', [communityId]),
        pool.query<{ name: string }>('SELECT name FROM repair_common_areas WHERE community_id = $1 ORDER BY position, name', [communityId]),
      ])
      return { commitments: commitments.rows.map(toCommitment), commonAreas: areas.rows.map((r) => r.name) }
    },
    async setCommitments(communityId, list, audit, at) {
      await transaction(pool, async (c) => {
        await writeCommitments(c, communityId, list)
        await appendAudit(c, audit, at)
      })
    },
    async setCommonAreas(communityId, areas, audit, at) {
      await transaction(pool, async (c) => {
        await writeAreas(c, communityId, areas)
        await appendAudit(c, audit, at)
      })
    },
    async create(draft, event, audit) {
      return transaction(pool, async (c) => {
        const { rows } = await c.query<{ last_no: number }>(NEXT_NO_SQL, [draft.communityId])
        const request: RepairRequest = { ...draft, no: rows[0].last_no }
        await c.query(INSERT_SQL, values(requestColumns(request)))
        await addEvent(c, request.id, event)
        await appendAudit(c, audit(request.no), event.at)
        return request
      })
    },
    async get(communityId, id) {
      const { rows } = await pool.query<{ data: string }>('SELECT data FROM repair_requests WHERE community_id = $1 AND id = $2', [communityId, id])
      return rows[0] ? fromRow(rows[0]) : null
    },
    async update(next, event, audit) {
      await transaction(pool, (c) => write(c, next, event, audit))
    },
    async timeline(requestId) {
      const { rows } = await pool.query<EventRow>('SELECT seq, at, actor_id, kind, status, data FROM repair_events WHERE request_id = $1 ORDER BY seq', [requestId])
      return rows.map(toEvent)
    },
    async queue(communityId, after, limit) {
      // A row comparison, so the partial (community, due_at, no) index serves every page from where the last one ended.
      return after
        ? requests('SELECT data FROM repair_requests WHERE community_id = $1 AND due_at IS NOT NULL AND (due_at, no) > ($2, $3) ORDER BY due_at, no LIMIT $4', [communityId, after.dueAt, after.no, limit])
        : requests('SELECT data FROM repair_requests WHERE community_id = $1 AND due_at IS NOT NULL ORDER BY due_at, no LIMIT $2', [communityId, limit])
    },
    async mine(communityId, personId, units, limit) {
      // As on SQLite: each part an index range, merged newest first.
      const parts = await Promise.all([
        pool.query<{ data: string }>('SELECT data FROM repair_requests WHERE community_id = $1 AND reporter_id = $2 ORDER BY reported_at DESC, no DESC LIMIT $3', [communityId, personId, limit]),
        ...units.map((u) => pool.query<{ data: string }>(
          "SELECT data FROM repair_requests WHERE community_id = $1 AND location_kind = 'unit' AND building = $2 AND unit_no = $3 ORDER BY reported_at DESC, no DESC LIMIT $4",
          [communityId, u.building, u.unitNo, limit],
        )),
      ])
      return newestFirst(parts.map((p) => p.rows), limit)
    },
    async common(communityId, limit) {
      return requests("SELECT data FROM repair_requests WHERE community_id = $1 AND location_kind = 'common' ORDER BY reported_at DESC, no DESC LIMIT $2", [communityId, limit])
    },
    async completedBefore(communityId, before) {
      return completedBy(await requests("SELECT data FROM repair_requests WHERE community_id = $1 AND status = 'completed' ORDER BY no", [communityId]), before)
    },
    async overdue(communityId, now) {
      return requests('SELECT data FROM repair_requests WHERE community_id = $1 AND due_at IS NOT NULL AND due_at < $2 ORDER BY due_at, no', [communityId, now])
    },
    async reportedBetween(communityId, from, to) {
      return requests('SELECT data FROM repair_requests WHERE community_id = $1 AND reported_at >= $2 AND reported_at < $3 ORDER BY reported_at, no', [communityId, from, to])
    },
    async communitiesWithPending() {
      return (await pool.query<{ id: string }>(`${PENDING_COMMUNITIES_SQL} ORDER BY c.id COLLATE "C"`)).rows.map((r) => r.id)
    },
    async linkFund(next, withdrawalId, event, audit) {
      await transaction(pool, async (c) => {
        try {
          await c.query('INSERT INTO repair_fund_links (request_id, community_id, withdrawal_id, linked_by, linked_at) VALUES ($1, $2, $3, $4, $5)',
            [next.id, next.communityId, withdrawalId, event.actorId ?? 'system', event.at])
        } catch (e) {
          if ((e as { code?: string }).code === '23505') throw alreadyLinked()
          throw e
        }
        await write(c, next, event, audit)
      })
    },
    async fundLinks(communityId) {
      return (await pool.query<FundLinkRow>(fundLinksSql('$1'), [communityId])).rows.map(toFundLink)
    },
  }
}
