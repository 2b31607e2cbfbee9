// Binding a WeChat user to a unit on the roll: what counts as a match, how
// many failures a day are allowed, and the invite codes residents redeem.
// Pure: time comes in as `now`.
import { normId } from './roll-import'

/** Failed attempts per person per day (Asia/Shanghai): enough for typos, too few to probe the roll. */
export const BIND_DAILY_FAILURE_LIMIT = 5

/**
 * Proof requests a person may have waiting in one community at once: enough
 * for the units one family owns there, too few to flood the committee's queue.
 */
export const OPEN_PROOF_REQUEST_LIMIT = 3

/**
 * Proof files (房产证 or contract photos, PDFs) someone not yet a member may
 * upload per day (Asia/Shanghai), over all communities: a few retakes of a
 * blurry photo; at 10 MB a file, at most 60 MB of disk a person a day.
 */
export const PROOF_UPLOADS_PER_DAY = 6

/** China has kept UTC+8 without daylight saving since 1991: a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar day in Asia/Shanghai, e.g. "2026-11-28": the attempt counter resets at local midnight. */
export function shanghaiDay(now: number): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

export interface BindClaim {
  building: string
  unitNo: string
  name: string
  phoneLast4: string
}

/** Building and unit as the roll stores them (same normalisation as the import). */
export const unitKeyOf = (building: string, unitNo: string): { building: string; unitNo: string } => ({ building: normId(building), unitNo: normId(unitNo) })

const normName = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')

/**
 * A claim matches a unit when the name is one of its owners' names and the
 * four digits end one of its phones. Developer-unsold units have no owner to
 * bind; they never match. The caller learns only yes or no.
 */
export function claimMatches(unit: { ownerNames: string; phones: string; developerUnsold: boolean }, claim: Pick<BindClaim, 'name' | 'phoneLast4'>): boolean {
  if (unit.developerUnsold) return false
  const name = normName(claim.name)
  const digits = claim.phoneLast4.replace(/\D/g, '')
  if (!name || digits.length !== 4) return false
  const nameOk = unit.ownerNames.split('、').some((n) => normName(n) === name)
  const phoneOk = unit.phones.split('、').some((p) => p.replace(/\D/g, '').endsWith(digits))
  return nameOk && phoneOk
}

/** Resident invite codes: 8 characters without look-alikes (no 0/O, 1/I/L), read aloud or typed by elderly owners. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 8
/** A code works for 7 days and once. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** Turns random bytes into a code; the caller supplies the randomness (crypto on the server). */
export function inviteCodeFrom(randomBytes: Uint8Array): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomBytes[i] % INVITE_ALPHABET.length]
  return code
}

export const normInviteCode = (s: string): string => s.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase()
