// What the repair functions need from storage. Each change of a request is
// written with its timeline entry and its audit entry in one transaction, and
// only if nobody changed the request since it was read (version check).
import type { Commitment } from '../../domain/repairs/commitments'
import type { RepairRequest } from '../../domain/repairs/request'
import type { AuditDraft } from './ports'

export interface RepairEvent {
  seq: number
  at: number
  actorId: string | null
  kind: string
  /** Status after the event. */
  status: string
  data: Record<string, unknown>
}

export interface RepairQueueCursor {
  dueAt: number
  no: number
}

export interface RepairSettings {
  commitments: Commitment[]
  commonAreas: string[]
}

export interface RepairsPort {
  settings(communityId: string): Promise<RepairSettings>
  /** Replaces the community's whole table of commitments (already validated); requests keep the times they were reported under. */
  setCommitments(communityId: string, list: readonly Commitment[], audit: AuditDraft, at: number): Promise<void>
  /** Replaces the community's common areas with `areas` (already checked), in this order; requests keep the area text they were reported under. */
  setCommonAreas(communityId: string, areas: readonly string[], audit: AuditDraft, at: number): Promise<void>
  /** Stores a new request under the next number of its community; returns it with that number. */
  create(draft: Omit<RepairRequest, 'no'>, event: Omit<RepairEvent, 'seq'>, audit: (no: number) => AuditDraft): Promise<RepairRequest>
  get(communityId: string, id: string): Promise<RepairRequest | null>
  /** Writes `next` if the stored version is still `next.version - 1`; otherwise CONFLICT and nothing written. */
  update(next: RepairRequest, event: Omit<RepairEvent, 'seq'>, audit: AuditDraft): Promise<void>
  timeline(requestId: string): Promise<RepairEvent[]>
  /** Open requests, soonest deadline first, after the cursor. */
  queue(communityId: string, after: RepairQueueCursor | null, limit: number): Promise<RepairRequest[]>
  /** Requests a person reported, or that are in units they own; newest first. */
  mine(communityId: string, personId: string, units: ReadonlyArray<{ building: string; unitNo: string }>, limit: number): Promise<RepairRequest[]>
  /** Common-area requests, newest first. */
  common(communityId: string, limit: number): Promise<RepairRequest[]>
  /** Completed requests (awaiting the reporter) completed at or before `before`, by number. */
  completedBefore(communityId: string, before: number): Promise<RepairRequest[]>
  /** Open requests whose current deadline has passed. */
  overdue(communityId: string, now: number): Promise<RepairRequest[]>
  /** Requests reported in [from, to), oldest first. */
  reportedBetween(communityId: string, from: number, to: number): Promise<RepairRequest[]>
  /** Communities with a request still owed by staff or awaiting its reporter: what the scheduled jobs sweep. */
  communitiesWithPending(): Promise<string[]>
  /** Records that a repair was paid from the repair fund by this withdrawal (a reference the caller has checked); refused if already linked. */
  linkFund(next: RepairRequest, withdrawalId: string, event: Omit<RepairEvent, 'seq'>, audit: AuditDraft): Promise<void>
  /** Every repair of the community linked to a withdrawal, by repair number. */
  fundLinks(communityId: string): Promise<Array<{ withdrawalId: string; requestId: string; no: number }>>
}
