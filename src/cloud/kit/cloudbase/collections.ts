// The CloudBase collections of the foundation, their documents and the _id
// each is stored under. Natural keys make the _id, so the database itself
// refuses a second copy. scripts/cloudbase-collections.mjs prints this list
// (with the indexes the queries need) for setting up an environment.
import type { Role } from '../../../domain/roles'

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
} as const

/** Indexes beyond _id, per collection: what the adapters' where/orderBy need. */
export const INDEXES: Record<string, Array<{ name: string; fields: Array<[string, 1 | -1]>; unique?: boolean }>> = {
  people: [{ name: 'openid_unique', fields: [['openid', 1]], unique: true }],
  memberships: [{ name: 'person', fields: [['personId', 1]] }, { name: 'community', fields: [['communityId', 1], ['personId', 1]] }],
  roll_versions: [{ name: 'community_version', fields: [['communityId', 1], ['version', -1]] }],
  roll_units: [{ name: 'owner', fields: [['communityId', 1], ['version', 1], ['ownerKey', 1]] }, { name: 'unit', fields: [['communityId', 1], ['version', 1], ['building', 1], ['unitNo', 1]] }],
  owner_bindings: [{ name: 'person', fields: [['personId', 1]] }],
  resident_links: [{ name: 'person', fields: [['personId', 1]] }],
  audit_log: [{ name: 'community_seq', fields: [['communityId', 1], ['seq', 1]], unique: true }],
}

export interface CommunityDoc { _id: string; name: string; settings: string; createdAt: number }
export interface PersonDoc { _id: string; openid: string; name: string; phone: string | null; createdAt: number }
export interface MembershipDoc { _id: string; communityId: string; personId: string; role: Role; buildings: string[]; grantedAt: number }
export interface RollVersionDoc { _id: string; communityId: string; version: number; createdAt: number; units: number; area: number; heads: number; buildings: Array<{ building: string; units: number; area: number; heads: number }> }
export interface RollUnitDoc { _id: string; communityId: string; version: number; building: string; unitNo: string; area: number; basis: string; ownerKey: string; ownerNames: string; phones: string; developerUnsold: boolean }
export interface OwnerBindingDoc { _id: string; communityId: string; personId: string; ownerKey: string; boundAt: number }
export interface ResidentLinkDoc { _id: string; communityId: string; personId: string; building: string; unitNo: string; linkedBy: string; linkedAt: number }
export interface AuditDoc { _id: string; communityId: string; seq: number; at: number; actorId: string | null; action: string; subject: string; data: string; prevHash: string; hash: string }
export interface AuditHeadDoc { _id: string; seq: number; hash: string }
export interface FileDoc { _id: string; communityId: string; ownerId: string; purpose: string; name: string; kind: string; size: number; sha256: string; createdAt: number; fileID: string }
export interface NoticeSentDoc { _id: string; communityId: string; recipientId: string; kind: string; at: number }

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export const ids = {
  membership: (communityId: string, personId: string, role: Role) => `${communityId}|${personId}|${role}`,
  rollVersion: (communityId: string, version: number) => `${communityId}|${pad(version, 6)}`,
  rollUnit: (communityId: string, version: number, building: string, unitNo: string) => `${communityId}|${pad(version, 6)}|${building}|${unitNo}`,
  ownerBinding: (communityId: string, personId: string, ownerKey: string) => `${communityId}|${personId}|${ownerKey}`,
  residentLink: (communityId: string, personId: string, building: string, unitNo: string) => `${communityId}|${personId}|${building}|${unitNo}`,
  /** Zero-padded so _id order is chain order. */
  audit: (communityId: string, seq: number) => `${communityId}|${pad(seq, 10)}`,
  noticeSent: (dedupeKey: string, recipientId: string) => `${dedupeKey}|${recipientId}`,
}
