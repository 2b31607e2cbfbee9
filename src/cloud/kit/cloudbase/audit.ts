// The audit chain on CloudBase. An append is one transaction: read the
// community's head document, add the entry under the _id `community|seq`, move
// the head. Two appends that read the same head both write it, so the
// platform retries one of them (snapshot isolation); and should it not, the
// entry's chosen _id still refuses a fork at the same seq, and the whole
// transaction is run again from a fresh read of the head (chainTransaction).
import { GENESIS_HASH, entryHash, type AuditEntry } from '../../../domain/audit-chain'
import type { AuditDraft, AuditPort } from '../ports'
import { sha256 } from '../sha256'
import { COLLECTIONS, ids, type AuditDoc, type AuditHeadDoc } from './collections'
import { getOrNull, isDuplicateWrite } from './errors'
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

/** Another append took this seq after the transaction read the head: its entry's _id refused ours. */
class ChainMoved extends Error {}

/**
 * A transaction that appends to the audit chain (see CHAIN_ATTEMPTS). The
 * platform retries write conflicts itself; an entry refused because another
 * transaction committed that seq first is an error to the platform (errors
 * are not retried), so that case is run again here, from a fresh head.
 */
export async function chainTransaction<R>(db: Database, fn: (t: Transaction) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(fn, CHAIN_ATTEMPTS)
    } catch (e) {
      if (!(e instanceof ChainMoved) || attempt >= CHAIN_ATTEMPTS) throw e
    }
  }
}

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
  try {
    await t.collection<AuditDoc>(COLLECTIONS.auditLog).add({ data: { _id: ids.audit(content.communityId, content.seq), ...content, data: JSON.stringify(data), prevHash, hash } })
  } catch (e) {
    if (isDuplicateWrite(e)) throw new ChainMoved(`audit seq ${content.seq} of ${content.communityId} was taken meanwhile`)
    throw e
  }
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
