// The CloudBase collections of the foundation, their documents and the _id
// each is stored under. Natural keys make the _id, so the database itself
// refuses a second copy. `npm run cloudbase:setup` (src/cli/cloudbase-setup.ts)
// prints this list (with the indexes the queries need) for setting up an
// environment.
import type { Role } from '../../../domain/roles'
import type { Choice } from '../../../domain/voting/tally'
import type { NewAssembly, Submission } from '../voting-port'

export const COLLECTIONS = {
  communities: 'communities',
  people: 'people',
  memberships: 'memberships',
  rollVersions: 'roll_versions',
  rollUnits: 'roll_units',
  ownerBindings: 'owner_bindings',
  residentLinks: 'resident_links',
  auditLog: 'audit_log',
  auditHeads: 'audit_heads',
  files: 'files',
  noticesSent: 'notices_sent',
  assemblies: 'assemblies',
  motions: 'motions',
  ballots: 'ballots',
  assemblyVoters: 'assembly_voters',
  proxies: 'proxies',
  proxyHolders: 'proxy_holders',
  results: 'results',
  objections: 'objections',
  ballotCorrections: 'ballot_corrections',
  rollImports: 'roll_imports',
  bindAttempts: 'bind_attempts',
  proofUploads: 'proof_uploads',
  verificationRequests: 'verification_requests',
  verificationPending: 'verification_pending',
  verificationOpen: 'verification_open',
  residentInvites: 'resident_invites',
  residentCounts: 'resident_counts',
} as const

/** Indexes beyond _id, per collection: what the adapters' where/orderBy need. */
export const INDEXES: Record<string, Array<{ name: string; fields: Array<[string, 1 | -1]>; unique?: boolean }>> = {
  people: [{ name: 'openid_unique', fields: [['openid', 1]], unique: true }],
  memberships: [{ name: 'person', fields: [['personId', 1]] }, { name: 'community', fields: [['communityId', 1], ['personId', 1]] }],
  roll_versions: [{ name: 'community_version', fields: [['communityId', 1], ['version', -1]] }],
  roll_units: [
    { name: 'owner', fields: [['communityId', 1], ['version', 1], ['ownerKey', 1]] },
    { name: 'unit', fields: [['communityId', 1], ['version', 1], ['building', 1], ['unitNo', 1]] },
    { name: 'developer', fields: [['communityId', 1], ['version', 1], ['developerUnsold', 1]] },
  ],
  owner_bindings: [{ name: 'person', fields: [['personId', 1]] }, { name: 'owner', fields: [['communityId', 1], ['ownerKey', 1]] }],
  resident_links: [{ name: 'person', fields: [['personId', 1]] }, { name: 'unit', fields: [['communityId', 1], ['building', 1], ['unitNo', 1], ['linkedAt', 1]] }],
  communities: [{ name: 'name', fields: [['name', 1]] }],
  verification_requests: [
    { name: 'community_status', fields: [['communityId', 1], ['status', 1], ['createdAt', -1]] },
    { name: 'person', fields: [['personId', 1], ['communityId', 1], ['createdAt', -1]] },
  ],
  audit_log: [{ name: 'community_seq', fields: [['communityId', 1], ['seq', 1]], unique: true }],
  assemblies: [{ name: 'community_opens', fields: [['communityId', 1], ['opensAt', -1]] }, { name: 'closes', fields: [['closesAt', 1]] }],
  ballots: [{ name: 'assembly_id', fields: [['assemblyId', 1], ['_id', 1]] }, { name: 'assembly_voter', fields: [['assemblyId', 1], ['voterKey', 1]] }],
  assembly_voters: [{ name: 'assembly_voted', fields: [['assemblyId', 1], ['voted', 1]] }],
  proxies: [{ name: 'voter', fields: [['assemblyId', 1], ['voterKey', 1]] }, { name: 'holder', fields: [['assemblyId', 1], ['proxyPersonId', 1]] }],
  results: [{ name: 'assembly', fields: [['assemblyId', 1]] }],
  objections: [{ name: 'assembly_filed', fields: [['assemblyId', 1], ['filedAt', 1]] }],
  ballot_corrections: [{ name: 'assembly', fields: [['assemblyId', 1]] }],
}

export interface CommunityDoc { _id: string; name: string; settings: string; createdAt: number }
export interface PersonDoc { _id: string; openid: string; name: string; phone: string | null; createdAt: number }
export interface MembershipDoc { _id: string; communityId: string; personId: string; role: Role; buildings: string[]; grantedAt: number }
export interface RollVersionDoc {
  _id: string; communityId: string; version: number; createdAt: number; units: number; area: number; heads: number; buildings: Array<{ building: string; units: number; area: number; heads: number }>
  /** Who imported it and from which file; null for a roll written by the seed. */
  createdBy: string | null; sourceSha256: string | null; sourceFile: string | null
}
/**
 * One per roll version number, added under that version's own _id (ids.rollVersion) BEFORE its
 * units are written: the database lets one import at a time write a version's
 * units. `token` names the import holding it; a claim older than
 * ROLL_CLAIM_LEASE_MS (roll-admin.ts) whose version document never appeared was left by an
 * import the platform stopped, and the next import takes it over.
 */
export interface RollImportDoc { _id: string; communityId: string; version: number; token: string; sourceSha256: string; startedAt: number; finishedAt: number | null }
/**
 * A roll version's units are written before its version document and never
 * change afterwards, so the units of the version an assembly fixed ARE its
 * electorate (no copy is made when voting opens).
 */
export interface RollUnitDoc { _id: string; communityId: string; version: number; building: string; unitNo: string; area: number; basis: string; ownerKey: string; ownerNames: string; phones: string; developerUnsold: boolean }
export interface OwnerBindingDoc { _id: string; communityId: string; personId: string; ownerKey: string; boundAt: number }
export interface ResidentLinkDoc { _id: string; communityId: string; personId: string; building: string; unitNo: string; linkedBy: string; linkedAt: number }
/** A person's uses of something per day (bind attempts, proof uploads), taken in a transaction below a limit. */
export interface DailyCountDoc { _id: string; personId: string; day: string; count: number }
export interface VerificationRequestDoc {
  _id: string; communityId: string; personId: string; building: string; unitNo: string; claimedName: string; fileId: string; note: string
  status: 'pending' | 'approved' | 'rejected'; reason: string | null; createdAt: number; decidedBy: string | null; decidedAt: number | null
}
/** Exists while a person has a pending request for a unit: its _id refuses a second one. */
export interface VerificationPendingDoc { _id: string; requestId: string }
/** How many requests a person has pending in a community (the open limit is checked against it). */
export interface VerificationOpenDoc { _id: string; communityId: string; personId: string; pending: number }
export interface ResidentInviteDoc { _id: string; communityId: string; building: string; unitNo: string; createdBy: string; createdAt: number; expiresAt: number; usedBy: string | null; usedAt: number | null }
/**
 * How many units a person is linked to as a resident in a community: written
 * with every resident link added or removed, so removing the last one (and
 * with it the resident role) is decided in one transaction, without a query.
 */
export interface ResidentCountDoc { _id: string; communityId: string; personId: string; links: number }
export interface AuditDoc { _id: string; communityId: string; seq: number; at: number; actorId: string | null; action: string; subject: string; data: string; prevHash: string; hash: string }
export interface AuditHeadDoc { _id: string; seq: number; hash: string }
export interface FileDoc { _id: string; communityId: string; ownerId: string; purpose: string; name: string; kind: string; size: number; sha256: string; createdAt: number; fileID: string }
export interface NoticeSentDoc { _id: string; communityId: string; recipientId: string; kind: string; at: number }

/** T of the roll version fixed when voting opened, overall and per building (heads by the 第九条 rule). */
export interface ElectorateSummary { units: number; area: number; heads: number; buildings: Array<{ building: string; area: number; heads: number }> }
/** Motions and candidates never change once called, so they live inside the assembly (one read). */
export interface AssemblyDoc {
  _id: string; communityId: string; title: string; notice: string; attachments: string[]; noticeAt: number; opensAt: number; closesAt: number
  shortNoticeReason: string | null; createdBy: string; createdAt: number; motions: NewAssembly['motions']
  rollVersion: number | null; openedAt: number | null; electorate: ElectorateSummary | null; stage: 'preliminary' | 'certified' | null
}
/** One per motion id, so a motion id names one assembly and is looked up by _id. */
export interface MotionDoc { _id: string; assemblyId: string; communityId: string; position: number }
/** What was marked on one motion: `choice` for a motion, `approve`/`oppose` for an election. */
export interface MarksFields { choice: Choice | null; approve: string[] | null; oppose: string[] | null }
/** One owner's marks on one motion. */
export interface BallotDoc extends MarksFields {
  _id: string; communityId: string; assemblyId: string; motionId: string; voterKey: string
  area: number; channel: Submission['channel']; castBy: string; castAt: number; trackingCode: string; photo: string | null; proxyId: string | null
}
/**
 * One voter of one assembly: whether they have voted (with their area by
 * building, for participation) and their standing proxy. Casting, granting
 * and revoking all write it, so the platform's write conflict orders them.
 */
export interface AssemblyVoterDoc { _id: string; assemblyId: string; voterKey: string; voted: boolean; area: number; buildings: Array<{ building: string; area: number }>; proxyId: string | null }
export interface ProxyDoc {
  _id: string; assemblyId: string; voterKey: string; proxyPersonId: string; motions: string[] | null; letterPhoto: string
  grantedBy: string; grantedAt: number; revokedAt: number | null; revokedBy: string | null
}
/** How many standing proxies one person holds in one assembly (the cap is checked against it). */
export interface ProxyHolderDoc { _id: string; assemblyId: string; proxyPersonId: string; standing: number }
export interface ResultDoc { _id: string; assemblyId: string; stage: 'preliminary' | 'certified'; result: string; publishedAt: number; publishedBy: string; objectionUntil: number | null; auditSeq: number }
/**
 * The marks an upheld objection recorded for one ballot, under that ballot's
 * own _id: at most one correction per ballot, refused by the database. The
 * ballot itself is never changed.
 */
export interface CorrectionDoc extends MarksFields { _id: string; assemblyId: string; motionId: string; voterKey: string; objectionId: string; correctedBy: string; correctedAt: number }
export interface ObjectionDoc {
  _id: string; assemblyId: string; voterKey: string; filedBy: string; trackingCode: string; text: string; filedAt: number
  resolution: 'upheld' | 'dismissed' | null; reason: string | null; resolvedBy: string | null; resolvedAt: number | null
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export const ids = {
  membership: (communityId: string, personId: string, role: Role) => `${communityId}|${personId}|${role}`,
  rollVersion: (communityId: string, version: number) => `${communityId}|${pad(version, 6)}`,
  rollUnit: (communityId: string, version: number, building: string, unitNo: string) => `${communityId}|${pad(version, 6)}|${building}|${unitNo}`,
  ownerBinding: (communityId: string, personId: string, ownerKey: string) => `${communityId}|${personId}|${ownerKey}`,
  residentLink: (communityId: string, personId: string, building: string, unitNo: string) => `${communityId}|${personId}|${building}|${unitNo}`,
  daily: (personId: string, day: string) => `${personId}|${day}`,
  verificationPending: (communityId: string, personId: string, building: string, unitNo: string) => `${communityId}|${personId}|${building}|${unitNo}`,
  communityPerson: (communityId: string, personId: string) => `${communityId}|${personId}`,
  /** Zero-padded so _id order is chain order. */
  audit: (communityId: string, seq: number) => `${communityId}|${pad(seq, 10)}`,
  noticeSent: (dedupeKey: string, recipientId: string) => `${dedupeKey}|${recipientId}`,
  /**
   * The natural key of a ballot: one per owner (voter key) per motion, across
   * every channel. Community and assembly ids are generated without '|' and
   * motion ids too, so the key reads back unambiguously even if an owner key
   * contains one.
   */
  ballot: (communityId: string, assemblyId: string, voterKey: string, motionId: string) => `${communityId}|${assemblyId}|${voterKey}|${motionId}`,
  assemblyVoter: (assemblyId: string, voterKey: string) => `${assemblyId}|${voterKey}`,
  proxyHolder: (assemblyId: string, personId: string) => `${assemblyId}|${personId}`,
  /** One publication per stage: a second preliminary (or certified) result is refused. */
  result: (assemblyId: string, stage: 'preliminary' | 'certified') => `${assemblyId}|${stage}`,
}
