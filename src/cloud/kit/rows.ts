// Row shapes the SQL adapters (SQLite, PostgreSQL) share, and how a row
// becomes what the ports answer: one mapping, whichever database read it.
import type { AuditEntry } from '../../domain/audit-chain'
import type { Role } from '../../domain/roles'
import type { Person } from './ports'
import type { AssemblyRecord, BallotMarks, ObjectionRecord, Participation, ProxyRecord, PublishedResult, StoredBallot } from './voting-port'

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
/** The two columns a ballot row stores its marks in (exactly one is set). */
export const marksColumns = (m: BallotMarks): { choice: string | null; marks: string | null } =>
  'choice' in m ? { choice: m.choice, marks: null } : { choice: null, marks: JSON.stringify({ approve: m.approve, oppose: m.oppose }) }

export const toStoredBallot = (r: BallotRowDb): StoredBallot => ({
  motionId: r.motion_id, voterKey: r.voter_key, marks: marksOf(r), area: r.area, channel: r.channel, castAt: r.cast_at, trackingCode: r.tracking_code,
})
export const toCast = (r: CastRow) => ({ voterKey: r.voter_key, motionId: r.motion_id, channel: r.channel, castAt: r.cast_at, trackingCode: r.tracking_code })
export const toResult = (r: ResultRow): PublishedResult => ({ stage: r.stage, result: JSON.parse(r.result), publishedAt: r.published_at, objectionUntil: r.objection_until, auditSeq: r.audit_seq })
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
