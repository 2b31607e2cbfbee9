// Repair requests as the SQL adapters (SQLite, PostgreSQL) store them: the
// indexed columns beside the whole request as JSON, the timeline rows, and
// the few answers both adapters shape the same way (see rows.ts for the
// foundation's mapping).
import { AppError } from '../../domain/errors'
import type { Commitment, RepairCategory, Urgency } from '../../domain/repairs/commitments'
import { dueOf, type RepairRequest } from '../../domain/repairs/request'
import type { RepairEvent } from './repairs-port'

export const REQUEST_COLS = ['id', 'community_id', 'no', 'reporter_id', 'location_kind', 'building', 'unit_no', 'status', 'reported_at', 'due_at', 'version', 'data'] as const
export type RequestColumns = Record<(typeof REQUEST_COLS)[number], unknown>

/** The indexed columns of a request; `due_at` is the deadline as of its last change, which does not move with time. */
export function requestColumns(r: RepairRequest): RequestColumns {
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

export const fromRow = (r: { data: string }): RepairRequest => JSON.parse(r.data) as RepairRequest
export const fromRows = (rows: unknown[]): RepairRequest[] => (rows as Array<{ data: string }>).map(fromRow)

export interface EventRow { seq: number; at: number; actor_id: string | null; kind: string; status: string; data: string }
export const toEvent = (r: EventRow): RepairEvent => ({ seq: r.seq, at: r.at, actorId: r.actor_id, kind: r.kind, status: r.status, data: JSON.parse(r.data) })

export interface CommitmentRow { category: RepairCategory; urgency: Urgency; response_minutes: number; completion_minutes: number }
export const toCommitment = (r: CommitmentRow): Commitment => ({ category: r.category, urgency: r.urgency, responseMinutes: r.response_minutes, completionMinutes: r.completion_minutes })

export const staleRequest = (): AppError => new AppError('CONFLICT', '这张报修单刚被别人更新过，请刷新后再试')
export const alreadyLinked = (): AppError => new AppError('REPAIR.ALREADY_LINKED', '这张报修单已关联过维修资金支出')
/** The key (community, name) is the last word on repeated areas; the domain's check names them first. */
export const areaRepeated = (): AppError => new AppError('REPAIR.AREAS_INVALID', '公共区域名称重复了')

/** A community's repair-fund links with the repair numbers, in number order; `param` is the adapter's placeholder (? or $1). */
export const fundLinksSql = (param: string): string =>
  `SELECT l.withdrawal_id, l.request_id, r.no FROM repair_fund_links l JOIN repair_requests r ON r.id = l.request_id WHERE l.community_id = ${param} ORDER BY r.no`
export interface FundLinkRow { withdrawal_id: string; request_id: string; no: number }
export const toFundLink = (r: FundLinkRow) => ({ withdrawalId: r.withdrawal_id, requestId: r.request_id, no: r.no })

/** Of the requests awaiting their reporter, those completed at or before `before` (the completion time lives in the JSON). */
export const completedBy = (completed: readonly RepairRequest[], before: number): RepairRequest[] =>
  completed.filter((r) => r.completedAt !== null && r.completedAt <= before)

/**
 * "Mine": the newest `limit` of several newest-first lists (my reports, each
 * of my units' requests), each request once. Ties in time go to the higher
 * number, so the answer is the same whichever database read the lists.
 */
export function newestFirst(lists: ReadonlyArray<ReadonlyArray<{ data: string }>>, limit: number): RepairRequest[] {
  const seen = new Set<string>()
  return lists
    .flat()
    .map(fromRow)
    .sort((a, b) => b.reportedAt - a.reportedAt || b.no - a.no)
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .slice(0, limit)
}

/** The communities the scheduled jobs sweep: an index probe per community, not a scan of every request. */
export const PENDING_COMMUNITIES_SQL = `SELECT c.id FROM communities c
  WHERE EXISTS (SELECT 1 FROM repair_requests r WHERE r.community_id = c.id AND r.due_at IS NOT NULL)
     OR EXISTS (SELECT 1 FROM repair_requests r WHERE r.community_id = c.id AND r.status = 'completed')`
