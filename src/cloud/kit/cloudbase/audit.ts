// The audit chain on CloudBase. An append is one transaction: read the
// community's head document, add the entry under the _id `community|seq`, move
// the head. Two appends that read the same head both write it, so the
// platform retries one of them (snapshot isolation); and should it not, the
// entry's chosen _id still refuses a fork at the same seq.
import { GENESIS_HASH, entryHash, type AuditEntry } from '../../../domain/audit-chain'
import type { AuditDraft, AuditPort } from '../ports'
import { sha256 } from '../sha256'
import { COLLECTIONS, ids, type AuditDoc, type AuditHeadDoc } from './collections'
import { getOrNull } from './errors'
import { fetchAfter } from './paging'
import type { Database, Transaction } from './sdk'

/**
 * Attempts for a transaction that appends to the chain. Every audited write
 * in a community moves that community's one head document, so concurrent
 * ones conflict there and all but one are retried; the SDK's default of 3
 * attempts would turn a busy minute (a voting deadline) into errors. One
 * attempt is a few round trips (tens of ms), so about 500 fit in a
 * function's 10 s timeout (config.json), which is the real bound.
 */
export const CHAIN_ATTEMPTS = 500

/** A transaction that appends to the audit chain (see CHAIN_ATTEMPTS). */
export const chainTransaction = <R>(db: Database, fn: (t: Transaction) => Promise<R>): Promise<R> => db.runTransaction(fn, CHAIN_ATTEMPTS)

export const toEntry = (d: AuditDoc): AuditEntry => ({
  communityId: d.communityId, seq: d.seq, at: d.at, actorId: d.actorId, action: d.action, subject: d.subject, data: JSON.parse(d.data), prevHash: d.prevHash, hash: d.hash,
})

/** Appends inside the caller's transaction. */
export async function appendAudit(t: Transaction, draft: AuditDraft, at: number): Promise<AuditEntry> {
  const data = JSON.parse(JSON.stringify(draft.data ?? null))
  const heads = t.collection<AuditHeadDoc>(COLLECTIONS.auditHeads)
  const head = await getOrNull(heads.doc(draft.communityId))
  const prevHash = head?.hash ?? GENESIS_HASH
  const content = { communityId: draft.communityId, seq: (head?.seq ?? 0) + 1, at, actorId: draft.actorId, action: draft.action, subject: draft.subject, data }
  const hash = entryHash(sha256, prevHash, content)
  await t.collection<AuditDoc>(COLLECTIONS.auditLog).add({ data: { _id: ids.audit(content.communityId, content.seq), ...content, data: JSON.stringify(data), prevHash, hash } })
  await heads.doc(draft.communityId).set({ data: { seq: content.seq, hash } })
  return { ...content, prevHash, hash }
}

export function cloudbaseAudit(db: Database, now: () => number): AuditPort {
  const _ = db.command
  const page = (communityId: string) => (after: number, size: number) =>
    db.collection<AuditDoc>(COLLECTIONS.auditLog).where({ communityId, seq: _.gt(after) }).orderBy('seq', 'asc').limit(size)
  return {
    append: (draft) => chainTransaction(db, (t) => appendAudit(t, draft, now())),
    list: async (communityId, afterSeq, limit) => (await fetchAfter(page(communityId), 'seq', afterSeq, limit)).map(toEntry),
    all: async (communityId) => (await fetchAfter(page(communityId), 'seq', 0)).map(toEntry),
  }
}
