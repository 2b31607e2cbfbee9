// Row shapes the SQL adapters (SQLite, PostgreSQL) share, and how a row
// becomes what the ports answer: one mapping, whichever database read it.
import type { AuditEntry } from '../../domain/audit-chain'
import type { Role } from '../../domain/roles'
import type { FeeModel } from '../../domain/disclosure/report'
import type { MotionDecision } from '../../domain/disclosure/trace'
import type { PublishedVersion, QuestionRecord } from './disclosure-port'
import type { Person } from './ports'
import type { ResidentInvite, ResidentLinkRecord, RollUnitRecord, RollVersionRecord, VerificationRequest } from './roll-ports'
import type { AssemblyRecord, BallotMarks, CorrectionRecord, ObjectionRecord, Participation, ProxyRecord, PublishedResult, StoredBallot } from './voting-port'

export interface PersonRow { id: string; openid: string; name: string; phone: string | null }
export const toPerson = (r: PersonRow): Person => ({ id: r.id, openid: r.openid, name: r.name, phone: r.phone })

export type MemberRow = PersonRow & { role: Role; buildings: string }

/** Membership rows ordered by person, folded into one entry per person with all their roles. */
export function groupPeople(rows: readonly MemberRow[]): Array<{ person: Person; roles: Role[]; buildings: string[] }> {
  const byId = new Map<string, { person: Person; roles: Role[]; buildings: string[] }>()
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { person: toPerson(r), roles: [], buildings: [] }
    entry.roles.push(r.role)
    entry.buildings.push(...(JSON.parse(r.buildings) as string[]))
    byId.set(r.id, entry)
  }
  return [...byId.values()]
}

export interface AuditRow {
  community_id: string
  seq: number
  at: number
  actor_id: string | null
  action: string
  subject: string
  data: string
  prev_hash: string
  hash: string
}

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  communityId: r.community_id,
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  subject: r.subject,
  data: JSON.parse(r.data),
  prevHash: r.prev_hash,
  hash: r.hash,
})

// The owner roll and verification. A flag is 0/1 on SQLite and a BOOLEAN on PostgreSQL.

export interface RollVersionRow { version: number; created_at: number; created_by: string | null; created_by_name: string | null; source_sha256: string | null; source_file: string | null; units: number; total_area: number; total_heads: number; buildings: string }
export const toRollVersion = (r: RollVersionRow): RollVersionRecord => ({
  version: r.version, createdAt: r.created_at, createdBy: r.created_by, createdByName: r.created_by_name, sourceSha256: r.source_sha256, sourceFile: r.source_file,
  units: r.units, area: r.total_area, heads: r.total_heads, buildings: JSON.parse(r.buildings),
})

export interface RollUnitRow { version: number; building: string; unit_no: string; area: number; area_basis: RollUnitRecord['basis']; owner_key: string; owner_names: string; phones: string; developer_unsold: number | boolean }
export const toRollUnit = (r: RollUnitRow): RollUnitRecord & { version: number } => ({
  version: r.version, building: r.building, unitNo: r.unit_no, area: r.area, basis: r.area_basis, ownerKey: r.owner_key, ownerNames: r.owner_names, phones: r.phones, developerUnsold: Boolean(r.developer_unsold),
})

/** A verification request with the requester's name and phone (joined from people as person_name, person_phone). */
export const REQUEST_SELECT = 'SELECT r.*, p.name AS person_name, p.phone AS person_phone FROM verification_requests r JOIN people p ON p.id = r.person_id'
export interface RequestRow {
  id: string; community_id: string; person_id: string; person_name: string; person_phone: string | null; building: string; unit_no: string
  claimed_name: string; file_id: string; note: string; status: VerificationRequest['status']; reason: string | null; created_at: number; decided_by: string | null; decided_at: number | null
}
export const toRequest = (r: RequestRow): VerificationRequest => ({
  id: r.id, communityId: r.community_id, personId: r.person_id, personName: r.person_name, personPhone: r.person_phone, building: r.building, unitNo: r.unit_no,
  claimedName: r.claimed_name, fileId: r.file_id, note: r.note, status: r.status, reason: r.reason, createdAt: r.created_at, decidedBy: r.decided_by, decidedAt: r.decided_at,
})

export interface InviteRow { code: string; community_id: string; building: string; unit_no: string; created_by: string; created_at: number; expires_at: number; used_by: string | null }
export const toInvite = (r: InviteRow): ResidentInvite => ({ code: r.code, communityId: r.community_id, building: r.building, unitNo: r.unit_no, createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, usedBy: r.used_by })

export interface ResidentRow { person_id: string; name: string; phone: string | null; building: string; unit_no: string; linked_by: string; linked_at: number }
export const toResidentLink = (r: ResidentRow): ResidentLinkRecord => ({ personId: r.person_id, name: r.name, phone: r.phone, building: r.building, unitNo: r.unit_no, linkedBy: r.linked_by, linkedAt: r.linked_at })

// Disclosure.

/** Published versions with the publisher's name. */
export const REPORT_VERSION_SELECT = 'SELECT v.*, p.name AS published_by_name FROM report_versions v LEFT JOIN people p ON p.id = v.published_by'
export interface ReportVersionRow { community_id: string; quarter: string; version: number; fee_model: FeeModel; body: string; reason: string | null; published_by: string; published_by_name: string | null; published_at: number; audit_seq: number }
export const toPublishedVersion = (r: ReportVersionRow): PublishedVersion => ({
  communityId: r.community_id, quarter: r.quarter, version: r.version, feeModel: r.fee_model, report: JSON.parse(r.body), reason: r.reason,
  publishedBy: r.published_by, publishedByName: r.published_by_name, publishedAt: r.published_at, auditSeq: r.audit_seq,
})

/** Questions with the asker's and answerer's names, from `q` (a table or a CTE of report_questions rows). */
export const questionSelect = (q = 'report_questions') => `SELECT q.*, a.name AS asker_name, b.name AS answerer_name FROM ${q} q
  LEFT JOIN people a ON a.id = q.asked_by LEFT JOIN people b ON b.id = q.answered_by`
export interface QuestionRow { id: number; quarter: string; version: number; line_key: string; line_label: string; asked_by: string; asker_name: string | null; text: string; asked_at: number; answer: string | null; answered_by: string | null; answerer_name: string | null; answered_at: number | null }
export const toQuestion = (r: QuestionRow): QuestionRecord => ({
  id: r.id, quarter: r.quarter, version: r.version, lineKey: r.line_key, lineLabel: r.line_label, askedBy: r.asked_by, askerName: r.asker_name, text: r.text,
  askedAt: r.asked_at, answer: r.answer, answeredBy: r.answered_by, answererName: r.answerer_name, answeredAt: r.answered_at,
})

/** An assembly motion joined with its certified result (null before certification). */
export interface VotedMotionRow { id: string; community_id: string; matter: number; title: string; result: string | null }
export interface MotionDecisionRow { motion_id: string; community_id: string; matter: number; passed: number | boolean; title: string }

/**
 * The app's own motions decide only once the count is certified, and only by
 * the published tally of that motion; otherwise a decision recorded from a
 * pre-app (paper) assembly, if any.
 */
export function toMotionDecision(voted: VotedMotionRow | undefined, paper: MotionDecisionRow | undefined): MotionDecision | null {
  if (voted) {
    const outcome = voted.result ? certifiedOutcome(voted.result, voted.id) : null
    return { motionId: voted.id, communityId: voted.community_id, matter: voted.matter, passed: outcome === true, title: voted.title }
  }
  return paper ? { motionId: paper.motion_id, communityId: paper.community_id, matter: paper.matter, passed: Boolean(paper.passed), title: paper.title } : null
}

/** Whether the certified count passed this motion (null when the count does not name it as a motion). */
function certifiedOutcome(resultJson: string, motionId: string): boolean | null {
  const count = JSON.parse(resultJson) as { motions?: Array<{ motionId: string; kind: string; result?: { published?: { passed?: boolean } } }> }
  const motion = count.motions?.find((m) => m.motionId === motionId && m.kind === 'motion')
  return motion?.result?.published?.passed ?? null
}

// Owners' assemblies. JSON columns (attachments, election marks, proxy motion
// lists, results) are text on both databases, so they map the same way.

export interface AssemblyRow {
  id: string; community_id: string; title: string; notice: string; attachments: string; notice_at: number; opens_at: number; closes_at: number
  short_notice_reason: string | null; roll_version: number | null; opened_at: number | null; created_by: string; created_at: number; stage: 'preliminary' | 'certified' | null
}
export interface MotionRow { id: string; assembly_id: string; matter: number; title: string; body: string; seats: number | null }
export interface CandidateRow { motion_id: string; id: string; name: string; statement: string }
export interface ProxyRow { id: string; assembly_id: string; voter_key: string; proxy_person_id: string; motions: string | null; letter_photo: string; granted_by: string; granted_at: number; revoked_at: number | null }
export interface BallotRowDb { motion_id: string; voter_key: string; choice: string | null; marks: string | null; area: number; channel: StoredBallot['channel']; cast_at: number; tracking_code: string }
export interface CastRow { voter_key: string; motion_id: string; channel: StoredBallot['channel']; cast_at: number; tracking_code: string }
export interface ObjectionRow { id: string; assembly_id: string; voter_key: string; filed_by: string; tracking_code: string; text: string; filed_at: number; resolution: 'upheld' | 'dismissed' | null; reason: string | null; resolved_by: string | null; resolved_at: number | null }
export interface ResultRow { stage: PublishedResult['stage']; result: string; published_at: number; objection_until: number | null; audit_seq: number }
export interface VoterUnitRow { voter_key: string; building: string; unit_no: string; area: number }

/** Motion rows in position order with their candidates (any order of motion, position order within). */
export const toMotions = (motions: readonly MotionRow[], candidates: readonly CandidateRow[]): AssemblyRecord['motions'] =>
  motions.map((m) => ({
    id: m.id, matter: m.matter, title: m.title, body: m.body, seats: m.seats,
    candidates: candidates.filter((c) => c.motion_id === m.id).map((c) => ({ id: c.id, name: c.name, statement: c.statement })),
  }))

export const toAssembly = (r: AssemblyRow, motions: AssemblyRecord['motions']): AssemblyRecord => ({
  id: r.id, communityId: r.community_id, title: r.title, notice: r.notice, attachments: JSON.parse(r.attachments), noticeAt: r.notice_at,
  opensAt: r.opens_at, closesAt: r.closes_at, shortNoticeReason: r.short_notice_reason, createdBy: r.created_by, createdAt: r.created_at,
  rollVersion: r.roll_version, openedAt: r.opened_at, stage: r.stage, motions,
})

export const toProxy = (r: ProxyRow): ProxyRecord => ({
  id: r.id, assemblyId: r.assembly_id, voterKey: r.voter_key, proxyPersonId: r.proxy_person_id, motions: r.motions === null ? null : JSON.parse(r.motions),
  letterPhoto: r.letter_photo, grantedBy: r.granted_by, grantedAt: r.granted_at, revokedAt: r.revoked_at,
})

export const toObjection = (r: ObjectionRow): ObjectionRecord => ({
  id: r.id, assemblyId: r.assembly_id, voterKey: r.voter_key, filedBy: r.filed_by, trackingCode: r.tracking_code, text: r.text, filedAt: r.filed_at,
  resolution: r.resolution, reason: r.reason, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at,
})

/** A ballot row's marks: a plain choice, or an election's approve/oppose lists. */
export const marksOf = (r: Pick<BallotRowDb, 'choice' | 'marks'>): BallotMarks => (r.choice !== null ? { choice: r.choice as 'agree' } : JSON.parse(r.marks!))
/** The (choice, marks) columns of ballots and corrections: a choice, or an election's marks as JSON (exactly one is set). */
export const marksColumns = (m: BallotMarks): [choice: string | null, marks: string | null] =>
  'choice' in m ? [m.choice, null] : [null, JSON.stringify({ approve: m.approve, oppose: m.oppose })]

export const toStoredBallot = (r: BallotRowDb): StoredBallot => ({
  motionId: r.motion_id, voterKey: r.voter_key, marks: marksOf(r), area: r.area, channel: r.channel, castAt: r.cast_at, trackingCode: r.tracking_code,
})
export const toCast = (r: CastRow) => ({ voterKey: r.voter_key, motionId: r.motion_id, channel: r.channel, castAt: r.cast_at, trackingCode: r.tracking_code })
export const toResult = (r: ResultRow): PublishedResult => ({ stage: r.stage, result: JSON.parse(r.result), publishedAt: r.published_at, objectionUntil: r.objection_until, auditSeq: r.audit_seq })
export interface CorrectionRow { motion_id: string; voter_key: string; objection_id: string; choice: string | null; marks: string | null; corrected_by: string; corrected_at: number }
export const toCorrection = (r: CorrectionRow): CorrectionRecord => ({
  motionId: r.motion_id, voterKey: r.voter_key, objectionId: r.objection_id, marks: marksOf(r), correctedBy: r.corrected_by, correctedAt: r.corrected_at,
})
export const toVoterUnit = (r: VoterUnitRow) => ({ voterKey: r.voter_key, building: r.building, unitNo: r.unit_no, area: r.area })

/** Participation rows per building, in the order people read buildings (1栋, 2栋 … 10栋). */
export function toParticipation(
  total: { area: number; heads: number }, participating: { area: number; heads: number },
  rows: Array<{ building: string; area: number; heads: number; p_area: number; p_heads: number }>,
): Participation {
  const sorted = [...rows].sort((x, y) => x.building.localeCompare(y.building, 'zh-Hans-CN', { numeric: true }))
  return {
    total, participating,
    buildings: sorted.map((r) => ({ building: r.building, total: { area: r.area, heads: r.heads }, participating: { area: r.p_area, heads: r.p_heads } })),
  }
}
