// The ports every cloud function may use, named after what the app needs.
// Adapters (sqlite today; postgres and cloudbase later) implement them. Every
// write that must be audited takes its audit draft and appends it in the same
// transaction, so a change and its audit entry stand or fall together.
import type { AuditEntry } from '../../domain/audit-chain'
import type { FileKind, FilePurpose } from '../../domain/files'
import type { Role } from '../../domain/roles'
import type { VotingPort } from './voting-port'
import type { OwnershipPort, RollAdminPort } from './roll-ports'
import type { DisclosurePort } from './disclosure-port'
import type { CaptainsPort } from './captains-port'
import type { RepairsPort } from './repairs-port'

export interface Person {
  id: string
  name: string
  phone: string | null
  openid: string
}

export interface Membership {
  communityId: string
  communityName: string
  personId: string
  role: Role
  buildings: string[]
}

export interface UnitLink {
  communityId: string
  building: string
  unitNo: string
  area: number
  relation: 'owner' | 'resident'
}

/** What to append to the audit chain; seq, time, hashes are filled in by the adapter. */
export interface AuditDraft {
  communityId: string
  actorId: string | null
  action: string
  subject: string
  data: unknown
}

export interface IdentityPort {
  personByOpenid(openid: string): Promise<Person | null>
  membershipsOf(personId: string): Promise<Membership[]>
  /** personByOpenid and that person's membershipsOf together (what every call needs first); null for an unknown OPENID. */
  callerByOpenid(openid: string): Promise<{ person: Person; memberships: Membership[] } | null>
  unitsOf(personId: string): Promise<UnitLink[]>
  communityPeople(communityId: string): Promise<Array<{ person: Person; roles: Role[]; buildings: string[] }>>
  communityExists(communityId: string): Promise<boolean>
  /**
   * The person behind an OPENID the platform vouches for, written once under
   * the id derived from it (personIdFor): a repeated or concurrent call for
   * the same OPENID answers the person already there, unchanged.
   */
  register(openid: string, name: string, at: number): Promise<Person>
  /**
   * A new community with its first committee member, in one transaction with
   * the grant's audit entry: a community never exists without someone who can
   * run it. Refused, writing nothing, when the person is unknown or the id taken.
   */
  foundCommunity(f: Founding, audit: AuditDraft): Promise<{ ok: true; auditSeq: number } | { ok: false; why: 'no-person' | 'exists' }>
}

export interface Founding {
  communityId: string
  name: string
  committeeId: string
  at: number
}

export interface RolePort {
  /** Grants a role (or updates a captain's buildings). Returns the audit seq. */
  grant(input: { communityId: string; personId: string; role: Role; buildings: string[]; at: number }, audit: AuditDraft): Promise<number>
  /** Revokes a role; returns the audit seq, or null when the person did not hold it. */
  revoke(input: { communityId: string; personId: string; role: Role; at: number }, audit: AuditDraft): Promise<number | null>
}

export interface AuditPort {
  append(draft: AuditDraft): Promise<AuditEntry>
  /** Entries with seq > afterSeq, oldest first. */
  list(communityId: string, afterSeq: number, limit: number): Promise<AuditEntry[]>
  /** Every entry of the community, oldest first, for verification. */
  all(communityId: string): Promise<AuditEntry[]>
}

export interface RollVersionSummary {
  version: number
  createdAt: number
  units: number
  area: number
  heads: number
  buildings: Array<{ building: string; units: number; area: number; heads: number }>
}

export interface RollPort {
  /** The newest confirmed roll version of a community, or null before the first import. */
  latest(communityId: string): Promise<RollVersionSummary | null>
}

export interface StoredFile {
  id: string
  communityId: string
  ownerId: string
  purpose: FilePurpose
  name: string
  kind: FileKind
  size: number
  sha256: string
  createdAt: number
}

/** Uploaded files: a local folder on the host, cloud storage on WeChat. */
export interface FilesPort {
  save(input: { communityId: string; ownerId: string; purpose: FilePurpose; name: string; kind: FileKind; bytes: Uint8Array; at: number }): Promise<StoredFile>
  meta(id: string): Promise<StoredFile | null>
  read(id: string): Promise<Uint8Array | null>
}

export interface Notification {
  communityId: string
  recipientIds: string[]
  kind: string
  title: string
  body: string
  /** The page the notice opens, e.g. /packages/vote/pages/assembly/index?id=… */
  page?: string
  /** A notice with the same key is sent once only (e.g. "assembly-opened:a1"). */
  dedupeKey?: string
  at: number
}

/** Notices to people: subscription messages on WeChat, an outbox on the host. Returns how many were queued. */
export interface NotificationPort {
  send(n: Notification): Promise<number>
}

export interface Ports {
  now(): number
  identity: IdentityPort
  roles: RolePort
  roll: RollPort
  rollAdmin: RollAdminPort
  ownership: OwnershipPort
  audit: AuditPort
  files: FilesPort
  voting: VotingPort
  notifications: NotificationPort
  disclosure: DisclosurePort
  captains: CaptainsPort
  repairs: RepairsPort
}
