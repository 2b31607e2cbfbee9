// The audit log is a hash chain per community: each entry stores the hash of
// the previous entry and of its own canonical content, so any edit, deletion
// or reordering is detected by recomputing the chain.

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditContent {
  communityId: string
  seq: number
  at: number
  actorId: string | null
  action: string
  subject: string
  data: unknown
}

export interface AuditEntry extends AuditContent {
  prevHash: string
  hash: string
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export type Sha256 = (text: string) => string

export function entryHash(sha256: Sha256, prevHash: string, content: AuditContent): string {
  const { communityId, seq, at, actorId, action, subject, data } = content
  return sha256(`${prevHash}\n${canonicalJson({ communityId, seq, at, actorId, action, subject, data })}`)
}

export type ChainVerdict = { valid: true; length: number; headHash: string } | { valid: false; length: number; brokenAtSeq: number; reason: string }

/** Checks order, links and hashes of one community's entries, given in seq order from seq 1. */
export function verifyChain(sha256: Sha256, entries: readonly AuditEntry[]): ChainVerdict {
  let prev = GENESIS_HASH
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]
    if (e.seq !== i + 1) return { valid: false, length: entries.length, brokenAtSeq: e.seq, reason: `序号不连续：应为 ${i + 1}` }
    if (e.prevHash !== prev) return { valid: false, length: entries.length, brokenAtSeq: e.seq, reason: '与上一条记录的哈希不一致' }
    if (entryHash(sha256, prev, e) !== e.hash) return { valid: false, length: entries.length, brokenAtSeq: e.seq, reason: '记录内容与哈希不符' }
    prev = e.hash
  }
  return { valid: true, length: entries.length, headHash: prev }
}
