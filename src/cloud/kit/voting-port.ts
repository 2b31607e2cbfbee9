// What owners' assemblies need from storage, named after the use cases. Every
// write takes its audit draft and the adapter appends it in the same
// transaction; ballot uniqueness is the store's own key, never a prior read.
import type { Choice } from '../../domain/voting/tally'
import type { AuditDraft } from './ports'

export interface NewAssembly {
  id: string
  communityId: string
  title: string
  notice: string
  attachments: string[]
  noticeAt: number
  opensAt: number
  closesAt: number
  shortNoticeReason: string | null
  createdBy: string
  motions: Array<{
    id: string
    matter: number
    title: string
    body: string
    /** Elections only. */
    seats: number | null
    candidates: Array<{ id: string; name: string; statement: string }>
  }>
}

export interface AssemblyRecord extends Omit<NewAssembly, 'motions'> {
  createdAt: number
  rollVersion: number | null
  openedAt: number | null
  /** The latest published result stage, if any. */
  stage: 'preliminary' | 'certified' | null
  motions: NewAssembly['motions']
}

export interface Voter {
  voterKey: string
  area: number
  units: Array<{ building: string; unitNo: string; area: number }>
}

export type BallotMarks = { choice: Choice } | { approve: string[]; oppose: string[] }

export interface BallotRow {
  motionId: string
  marks: BallotMarks
}

export interface Submission {
  assemblyId: string
  voterKey: string
  area: number
  channel: 'online' | 'paper' | 'proxy'
  castBy: string
  castAt: number
  trackingCode: string
  photo: string | null
  /** A proxy ballot is stored only while this proxy is still standing, checked inside the write. */
  proxyId: string | null
  rows: BallotRow[]
}

export interface StoredBallot extends BallotRow {
  voterKey: string
  area: number
  channel: Submission['channel']
  castAt: number
  trackingCode: string
}

export type CastOutcome =
  | { stored: true; auditSeq: number }
  | { stored: false; reason: 'duplicate'; first: { motionId: string; channel: Submission['channel']; castAt: number } }
  | { stored: false; reason: 'proxy-revoked' }

export interface ProxyRecord {
  id: string
  assemblyId: string
  voterKey: string
  proxyPersonId: string
  motions: string[] | null
  letterPhoto: string
  grantedBy: string
  grantedAt: number
  revokedAt: number | null
}

export interface Participation {
  total: { area: number; heads: number }
  participating: { area: number; heads: number }
  buildings: Array<{ building: string; total: { area: number; heads: number }; participating: { area: number; heads: number } }>
}

export interface PublishedResult {
  stage: 'preliminary' | 'certified'
  result: unknown
  publishedAt: number
  objectionUntil: number | null
  auditSeq: number
}

export interface ObjectionRecord {
  id: string
  assemblyId: string
  voterKey: string
  filedBy: string
  trackingCode: string
  text: string
  filedAt: number
  resolution: 'upheld' | 'dismissed' | null
  reason: string | null
  resolvedBy: string | null
  resolvedAt: number | null
}

/** The choice recorded for one owner's motion when the committee upheld their objection; the ballot itself is never changed. */
export interface CorrectionRecord {
  motionId: string
  voterKey: string
  objectionId: string
  marks: BallotMarks
  correctedBy: string
  correctedAt: number
}

export type ResolveOutcome = { ok: true; auditSeq: number } | { ok: false; reason: 'resolved' | 'corrected' }

export interface VotingPort {
  /** The community's stored settings object (parsed by the domain). */
  communitySettings(communityId: string): Promise<unknown>
  callAssembly(a: NewAssembly, audit: AuditDraft): Promise<number>
  assemblies(communityId: string): Promise<AssemblyRecord[]>
  assembly(communityId: string, assemblyId: string): Promise<AssemblyRecord | null>
  /** Every assembly, in every community, whose voting has not closed at `now` (closesAt > now), soonest to open first: for the timers. */
  unclosed(now: number): Promise<AssemblyRecord[]>
  /** Which of these motion ids exist in some other assembly of the community. */
  motionsElsewhere(communityId: string, assemblyId: string, motionIds: string[]): Promise<Set<string>>
  /**
   * Fixes the roll version and snapshots the electorate, once. Returns true
   * when this call opened it (then `audit` was appended).
   */
  openVoting(assemblyId: string, at: number, audit: (rollVersion: number, total: { area: number; heads: number }) => AuditDraft): Promise<boolean>
  /** Voters of the assembly the person is bound to as owner. */
  votersOf(assemblyId: string, communityId: string, personId: string): Promise<Voter[]>
  voter(assemblyId: string, voterKey: string): Promise<Voter | null>
  /** The voter a unit of the fixed roll belongs to. */
  voterOfUnit(assemblyId: string, building: string, unitNo: string): Promise<string | null>
  /** All rows of one owner's submission and its audit entry, or nothing. */
  cast(s: Submission, audit: AuditDraft): Promise<CastOutcome>
  /** The ballots already stored for these voters, per motion (no choices: for the voter's own screen). */
  castBy(assemblyId: string, voterKeys: string[]): Promise<Array<{ voterKey: string; motionId: string; channel: Submission['channel']; castAt: number; trackingCode: string }>>
  participation(assemblyId: string): Promise<Participation | null>
  electorate(assemblyId: string): Promise<Array<{ voterKey: string; area: number }>>
  electorateUnits(assemblyId: string): Promise<Array<{ voterKey: string; building: string; unitNo: string; area: number }>>
  ballots(assemblyId: string): Promise<StoredBallot[]>
  grantProxy(p: ProxyRecord, cap: number, audit: AuditDraft): Promise<{ ok: true; auditSeq: number } | { ok: false; reason: 'cap' | 'exists' | 'voted' }>
  revokeProxy(assemblyId: string, voterKey: string, by: string, at: number, audit: AuditDraft): Promise<{ ok: true; auditSeq: number } | { ok: false; reason: 'none' | 'voted' }>
  /** People bound as owner to this unit's owner key on the community's newest roll (for finding a proxy). */
  ownersOfUnit(communityId: string, building: string, unitNo: string): Promise<string[]>
  /** The newest proxy (standing or revoked) from this voter to this person. */
  proxyFrom(assemblyId: string, voterKey: string, proxyPersonId: string): Promise<ProxyRecord | null>
  proxiesOf(assemblyId: string, filter: { voterKeys?: string[]; proxyPersonId?: string }): Promise<ProxyRecord[]>
  publishResult(assemblyId: string, r: Omit<PublishedResult, 'auditSeq'> & { publishedBy: string }, audit: AuditDraft): Promise<{ ok: true; auditSeq: number } | { ok: false }>
  results(assemblyId: string): Promise<PublishedResult[]>
  fileObjection(o: ObjectionRecord, audit: AuditDraft): Promise<number>
  /**
   * Records the resolution and, for an upheld objection, its corrections, with
   * the audit entry, all or nothing. 'resolved': it was resolved already;
   * 'corrected': one of the ballots already carries a correction (the key refuses a second).
   */
  resolveObjection(
    id: string,
    r: { resolution: 'upheld' | 'dismissed'; reason: string; by: string; at: number; corrections: Array<{ motionId: string; voterKey: string; marks: BallotMarks }> },
    audit: AuditDraft,
  ): Promise<ResolveOutcome>
  objections(assemblyId: string): Promise<ObjectionRecord[]>
  /** Every correction of the assembly, oldest first. */
  corrections(assemblyId: string): Promise<CorrectionRecord[]>
}
