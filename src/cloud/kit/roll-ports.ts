// Ports of the owner roll's write side and of owner verification: committing
// roll versions, binding owners, proof requests, resident invites. Each audited
// write takes its audit draft and appends it in the same transaction.
import type { AreaBasis } from '../../domain/roll-import'
import type { RollSummary } from '../../domain/roll'
import type { AuditDraft, RollVersionSummary } from './ports'

export interface RollUnitRecord {
  building: string
  unitNo: string
  area: number
  basis: AreaBasis
  ownerKey: string
  ownerNames: string
  phones: string
  developerUnsold: boolean
}

export interface RollVersionRecord extends RollVersionSummary {
  createdBy: string | null
  createdByName: string | null
  sourceSha256: string | null
  sourceFile: string | null
}

export type RollCommitOutcome = { created: true; version: number; auditSeq: number } | { created: false; version: number }

export interface RollAdminPort {
  /**
   * Writes a new roll version (units, totals) and its audit entry in one
   * transaction; when the newest version has the same fingerprint nothing is
   * written and `created` is false (re-importing the same roll is a no-op).
   */
  commit(
    input: { communityId: string; createdBy: string; sourceSha256: string; sourceFile: string; summary: RollSummary; units: readonly RollUnitRecord[]; at: number },
    audit: (version: number) => AuditDraft,
  ): Promise<RollCommitOutcome>
  /** Every version, newest first. */
  versions(communityId: string): Promise<RollVersionRecord[]>
  /** A unit of the newest version, by its normalised building and unit number. */
  unit(communityId: string, building: string, unitNo: string): Promise<(RollUnitRecord & { version: number }) | null>
}

export type VerificationStatus = 'pending' | 'approved' | 'rejected'

export interface VerificationRequest {
  id: string
  communityId: string
  personId: string
  personName: string
  personPhone: string | null
  building: string
  unitNo: string
  claimedName: string
  fileId: string
  note: string
  status: VerificationStatus
  reason: string | null
  createdAt: number
  decidedBy: string | null
  decidedAt: number | null
}

export interface ResidentLinkRecord {
  personId: string
  name: string
  phone: string | null
  building: string
  unitNo: string
  linkedBy: string
  linkedAt: number
}

export interface ResidentInvite {
  code: string
  communityId: string
  building: string
  unitNo: string
  createdBy: string
  createdAt: number
  expiresAt: number
  usedBy: string | null
}

export type ProofOutcome = { ok: true; request: VerificationRequest } | { ok: false; why: 'already-pending' | 'too-many-open' }

export type RedeemOutcome = { ok: true; invite: ResidentInvite; auditSeq: number } | { ok: false; why: 'unknown' | 'used' | 'expired' | 'own-unit' }

export interface OwnershipPort {
  /**
   * Takes one of a person's bind attempts for a day (Asia/Shanghai) in one
   * atomic step: the new count, or null when `limit` were already used. Taking
   * before checking is what stops concurrent tries from slipping past the limit.
   */
  reserveAttempt(personId: string, day: string, limit: number): Promise<number | null>
  /** Gives a reserved attempt back (the claim matched: a match is not a failure). */
  refundAttempt(personId: string, day: string): Promise<void>
  /** Binds a person to an owner key and makes them an owner member. `created` is false when the binding existed (nothing written). */
  bindOwner(input: { communityId: string; personId: string; ownerKey: string; at: number }, audit: AuditDraft): Promise<{ created: boolean; auditSeq: number | null }>
  /**
   * Files a proof request with its audit entry, taking one of the person's
   * `openLimit` places in the community in the same transaction (a decision
   * gives it back). Refused, with nothing written, when the person already has
   * one open for this unit (the key) or `openLimit` open in the community.
   */
  submitProof(input: { id: string; communityId: string; personId: string; building: string; unitNo: string; claimedName: string; fileId: string; note: string; openLimit: number; at: number }, audit: AuditDraft): Promise<ProofOutcome>
  /** Takes one of a person's proof uploads for a day in one atomic step: the new count, or null when `limit` were already used. */
  reserveProofUpload(personId: string, day: string, limit: number): Promise<number | null>
  /** Gives a reserved upload back (the file could not be stored). */
  refundProofUpload(personId: string, day: string): Promise<void>
  request(id: string): Promise<VerificationRequest | null>
  /** Requests of a community, pending first then newest. */
  requests(communityId: string, limit: number): Promise<VerificationRequest[]>
  requestsOf(personId: string, communityId: string): Promise<VerificationRequest[]>
  /**
   * Decides a pending request (and on approval binds the owner key) in one
   * transaction with its audit entry, giving the person's open place back;
   * null when it was no longer pending.
   */
  decide(input: { id: string; approve: boolean; ownerKey: string | null; reason: string | null; by: string; at: number }, audit: AuditDraft): Promise<VerificationRequest | null>
  createInvite(invite: Omit<ResidentInvite, 'usedBy'>): Promise<boolean>
  /** Redeems a code: links the person as a resident of its unit, marks it used, audited; all or nothing. */
  redeemInvite(input: { code: string; personId: string; at: number }, audit: (invite: ResidentInvite) => AuditDraft): Promise<RedeemOutcome>
  /** Residents linked to any of these units. */
  residentsOf(communityId: string, units: ReadonlyArray<{ building: string; unitNo: string }>): Promise<ResidentLinkRecord[]>
  /** Removes a resident link (and the resident role when it was their last unit); null when there was no such link. */
  /** Communities whose name contains this text. */
  communitiesNamed(text: string, limit: number): Promise<Array<{ id: string; name: string }>>
  unlinkResident(input: { communityId: string; personId: string; building: string; unitNo: string }, audit: AuditDraft, at: number): Promise<number | null>
}
