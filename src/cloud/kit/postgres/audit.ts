// Audit chain on PostgreSQL. `appendAudit` runs inside the caller's
// transaction and locks the community's chain-head row first (an upsert that
// touches the row takes its lock), so concurrent appends to one community
// queue up — no gaps, no forks — while other communities append in parallel.
import { GENESIS_HASH, entryHash, type AuditEntry } from '../../../domain/audit-chain'
import type { AuditDraft, AuditPort } from '../ports'
import { sha256 } from '../sha256'
import { transaction, type Pg, type Queryable } from './db'

interface AuditRow {
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

const toEntry = (r: AuditRow): AuditEntry => ({
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

export async function appendAudit(c: Queryable, draft: AuditDraft, at: number): Promise<AuditEntry> {
  // Serialise first, so data that cannot be stored fails before anything is locked.
  const data = JSON.parse(JSON.stringify(draft.data ?? null))
  const head = (await c.query<{ seq: number; hash: string }>(
    `INSERT INTO audit_heads (community_id, seq, hash) VALUES ($1, 0, $2)
     ON CONFLICT (community_id) DO UPDATE SET seq = audit_heads.seq
     RETURNING seq, hash`,
    [draft.communityId, GENESIS_HASH],
  )).rows[0]
  const content = { communityId: draft.communityId, seq: head.seq + 1, at, actorId: draft.actorId, action: draft.action, subject: draft.subject, data }
  const hash = entryHash(sha256, head.hash, content)
  await c.query(
    `WITH entry AS (
       INSERT INTO audit_log (community_id, seq, at, actor_id, action, subject, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING community_id)
     UPDATE audit_heads SET seq = $2, hash = $9 WHERE community_id = (SELECT community_id FROM entry)`,
    [content.communityId, content.seq, at, content.actorId, content.action, content.subject, JSON.stringify(data), head.hash, hash],
  )
  return { ...content, prevHash: head.hash, hash }
}

export function pgAudit(pool: Pg, now: () => number): AuditPort {
  return {
    append: (draft) => transaction(pool, (c) => appendAudit(c, draft, now())),
    async list(communityId, afterSeq, limit) {
      const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log WHERE community_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [communityId, afterSeq, limit])
      return rows.map(toEntry)
    },
    async all(communityId) {
      const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log WHERE community_id = $1 ORDER BY seq', [communityId])
      return rows.map(toEntry)
    },
  }
}
