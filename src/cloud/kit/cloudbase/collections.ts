// The CloudBase collections of the foundation, their documents and the _id
// each is stored under. Natural keys make the _id, so the database itself
// refuses a second copy. `npm run cloudbase:setup` (src/cli/cloudbase-setup.ts)
// prints this list (with the indexes the queries need) for setting up an
// environment.
import type { ClaimTask } from '../../../domain/captains/claims'
import type { ReceptionDay } from '../../../domain/captains/reception'
import type { ItemStep, RectificationItem } from '../../../domain/captains/rectification'
import type { FeeModel } from '../../../domain/disclosure/report'
import type { Commitment } from '../../../domain/repairs/commitments'
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
  receptionDays: 'reception_days',
  receptionBookings: 'reception_bookings',
  receptionBookers: 'reception_bookers',
  rectItems: 'rect_items',
  rectSteps: 'rect_steps',
  claimTasks: 'claim_tasks',
  rollImports: 'roll_imports',
  bindAttempts: 'bind_attempts',
  proofUploads: 'proof_uploads',
  verificationRequests: 'verification_requests',
  verificationPending: 'verification_pending',
  verificationOpen: 'verification_open',
  residentInvites: 'resident_invites',
  residentCounts: 'resident_counts',
  disclosureSettings: 'disclosure_settings',
  reportDrafts: 'report_drafts',
  reportVersions: 'report_versions',
  reportQuarters: 'report_quarters',
  reportQuestions: 'report_questions',
  questionCounters: 'question_counters',
  motionDecisions: 'motion_decisions',
  repairRequests: 'repair_requests',
  repairEvents: 'repair_events',
  repairNumbers: 'repair_numbers',
  repairSettings: 'repair_settings',
  repairFundLinks: 'repair_fund_links',
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
  // `unit` also serves the captains' look-up of a building's residents (its prefix).
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
  reception_days: [{ name: 'community_start', fields: [['communityId', 1], ['startsAt', 1]] }, { name: 'status_start', fields: [['status', 1], ['startsAt', 1]] }],
  reception_bookings: [{ name: 'day_slot', fields: [['dayId', 1], ['slot', 1]] }],
  rect_items: [
    { name: 'board', fields: [['communityId', 1], ['raisedAt', -1], ['_id', -1]] },
    { name: 'raiser', fields: [['communityId', 1], ['raisedBy', 1], ['raisedAt', -1]] },
    { name: 'unit', fields: [['communityId', 1], ['building', 1], ['unitNo', 1], ['raisedAt', -1]] },
    { name: 'overdue', fields: [['status', 1], ['escalation', 1], ['deadline', 1]] },
    { name: 'month_confirmed', fields: [['communityId', 1], ['confirmedAt', 1], ['raisedAt', 1]] },
    { name: 'month_deadline', fields: [['communityId', 1], ['deadline', 1], ['raisedAt', 1]] },
  ],
  rect_steps: [{ name: 'item_seq', fields: [['itemId', 1], ['seq', 1]] }, { name: 'community_action_at', fields: [['communityId', 1], ['action', 1], ['at', 1]] }],
  claim_tasks: [{ name: 'board', fields: [['communityId', 1], ['publishedAt', -1], ['_id', -1]] }],
  report_versions: [{ name: 'community_quarter_version', fields: [['communityId', 1], ['quarter', 1], ['version', 1]] }],
  report_quarters: [{ name: 'community_quarter', fields: [['communityId', 1], ['quarter', -1]] }],
  report_questions: [
    { name: 'community_quarter_asked', fields: [['communityId', 1], ['quarter', 1], ['askedAt', 1], ['id', 1]] },
    { name: 'community_open_asked', fields: [['communityId', 1], ['open', 1], ['askedAt', 1], ['id', 1]] },
  ],
  repair_requests: [
    { name: 'community_no', fields: [['communityId', 1], ['no', 1]], unique: true },
    { name: 'queue', fields: [['communityId', 1], ['dueAt', 1], ['no', 1]] },
    { name: 'status', fields: [['communityId', 1], ['status', 1], ['no', 1]] },
    { name: 'reporter', fields: [['communityId', 1], ['reporterId', 1], ['reportedAt', -1], ['no', -1]] },
    { name: 'unit', fields: [['communityId', 1], ['locationKind', 1], ['building', 1], ['unitNo', 1], ['reportedAt', -1], ['no', -1]] },
    { name: 'common', fields: [['communityId', 1], ['locationKind', 1], ['reportedAt', -1], ['no', -1]] },
    { name: 'reported', fields: [['communityId', 1], ['reportedAt', 1], ['no', 1]] },
    { name: 'pending', fields: [['pending', 1], ['communityId', 1]] },
  ],
  repair_events: [{ name: 'request_seq', fields: [['requestId', 1], ['seq', 1]], unique: true }],
  repair_fund_links: [{ name: 'community_no', fields: [['communityId', 1], ['no', 1]] }],
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

/** A reception day, under its own id. */
export type ReceptionDayDoc = Omit<ReceptionDay, 'id'> & { _id: string }
/** A taken slot, under day|slot (ids.booking): its _id refuses a second person in the slot. */
export interface BookingDoc { _id: string; dayId: string; slot: number; personId: string; building: string; unitNo: string; note: string; bookedAt: number }
/** Who booked a day, under day|person (ids.booker), added with the slot: its _id refuses a person a second slot that day. */
export interface BookerDoc { _id: string; dayId: string; personId: string; slot: number }
/**
 * A rectification item, under its own id, with how many steps it has: a step
 * is written in the transaction that moves the item's version, and takes the
 * next number from here (the item's document orders concurrent steps).
 */
export type RectItemDoc = Omit<RectificationItem, 'id'> & { _id: string; stepCount: number }
/** One step of an item, under item|seq (ids.rectStep); `data` as JSON text, as the audit log keeps it. */
export type RectStepDoc = Omit<ItemStep, 'data'> & { _id: string; itemId: string; seq: number; communityId: string; data: string }
export type ClaimTaskDoc = Omit<ClaimTask, 'id'> & { _id: string }
/** The committee's choice of fee model, one per community (_id = community id). */
export interface DisclosureSettingsDoc { _id: string; communityId: string; feeModel: FeeModel; setBy: string | null; setAt: number }
/** A quarter's draft, replaced whole on each save; the report as JSON text, read back exactly as saved. */
export interface ReportDraftDoc { _id: string; communityId: string; quarter: string; body: string; updatedBy: string; updatedAt: number }
/**
 * One published version of a quarter's report. Only ever added, under
 * community|quarter|version (ids.reportVersion), so the database refuses a
 * second report with the same number; no adapter sets, updates or removes one.
 */
export interface ReportVersionDoc { _id: string; communityId: string; quarter: string; version: number; feeModel: FeeModel; body: string; reason: string | null; publishedBy: string; publishedAt: number; auditSeq: number }
/**
 * The newest version number of each published quarter: an index over
 * report_versions (moved in the same transaction as each publication), so
 * listing the newest quarters reads one small document per quarter.
 */
export interface ReportQuarterDoc { _id: string; communityId: string; quarter: string; latest: number }
/** An owner's question on a report line; `open` until answered (what the open list queries), answered once. */
export interface ReportQuestionDoc {
  _id: string; communityId: string; id: number; quarter: string; version: number; lineKey: string; lineLabel: string; askedBy: string; text: string; askedAt: number
  answer: string | null; answeredBy: string | null; answeredAt: number | null; open: boolean
}
/** The last question number given out in a community (_id = community id), moved inside the transaction that adds the question. */
export interface QuestionCounterDoc { _id: string; communityId: string; last: number }
/** A decision of an assembly held before the app (on paper), recorded by the committee (_id = motion id). */
export interface MotionDecisionDoc { _id: string; communityId: string; matter: number; passed: boolean; title: string; decidedAt: number }
/**
 * A repair request: the columns its lists are looked up by beside the whole
 * request as JSON (`data`, as the SQL adapters keep it, see repairs-rows.ts).
 * `dueAt` is the deadline as of its last change (null once staff owe nothing);
 * `pending` says the scheduled jobs still have something to watch (a deadline,
 * or a completion awaiting its reporter); `lastSeq` is its timeline's last
 * entry, moved in the transaction that adds the next one.
 */
export interface RepairRequestDoc {
  _id: string; communityId: string; no: number; reporterId: string; locationKind: 'unit' | 'common'; building: string | null; unitNo: string | null
  status: string; reportedAt: number; dueAt: number | null; pending: boolean; version: number; lastSeq: number; data: string
}
/** One step of a request's timeline, under request|seq: one entry per seq, refused by the database. */
export interface RepairEventDoc { _id: string; requestId: string; seq: number; at: number; actorId: string | null; kind: string; status: string; data: string }
/** A community's last request number, under the community's id; moved in the transaction that adds the request. */
export interface RepairNumberDoc { _id: string; lastNo: number }
/** A community's repair commitments and common areas (small lists, replaced whole), under the community's id. */
export interface RepairSettingsDoc { _id: string; commitments: Commitment[]; commonAreas: string[] }
/** A repair paid from the repair fund, under the request's id: one link per request, refused by the database. */
export interface RepairFundLinkDoc { _id: string; communityId: string; no: number; withdrawalId: string; linkedBy: string; linkedAt: number }

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
  booking: (dayId: string, slot: number) => `${dayId}|${pad(slot, 4)}`,
  booker: (dayId: string, personId: string) => `${dayId}|${personId}`,
  /** Zero-padded so _id order is step order. */
  rectStep: (itemId: string, seq: number) => `${itemId}|${pad(seq, 6)}`,
  reportDraft: (communityId: string, quarter: string) => `${communityId}|${quarter}`,
  /** A second publication of the same number is refused by this _id. */
  reportVersion: (communityId: string, quarter: string, version: number) => `${communityId}|${quarter}|${pad(version, 4)}`,
  reportQuarter: (communityId: string, quarter: string) => `${communityId}|${quarter}`,
  /** Numbered per community: every lookup of a question names its community. */
  reportQuestion: (communityId: string, id: number) => `${communityId}|${pad(id, 8)}`,
  /** Zero-padded so _id order is timeline order. */
  repairEvent: (requestId: string, seq: number) => `${requestId}|${pad(seq, 6)}`,
}
