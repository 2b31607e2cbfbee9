// Audit chain on PostgreSQL. An append is ONE statement: it moves the
// community's chain-head row (an upsert, which takes the row's lock and reads
// the previous hash), computes the new hash there with sha256() over the same
// text the domain hashes, and inserts the entry. Concurrent appends to one
// community therefore queue on that row — no gaps, no forks — while other
// communities append in parallel, and the lock is held for one round trip
// only. An audited change (a role grant) puts its own write into the same
// statement (see auditCtes), so the change and its entry stand or fall together.
import { GENESIS_HASH, canonicalJson, type AuditEntry } from '../../../domain/audit-chain'
import type { AuditDraft, AuditPort } from '../ports'
import { toAuditEntry, type AuditRow } from '../rows'
import type { Pg, Queryable } from './db'



export interface AuditCtes {
  /** Two CTEs, `audit_head` and `audit_entry` (seq, prev_hash, hash of the new entry), to follow `WITH`. */
  sql: string
  params: unknown[]
  /** The entry, once the statement has returned its seq and hashes. */
  entry(row: { seq: number; prev_hash: string; hash: string }): AuditEntry
}

/**
 * The append as CTEs, numbering parameters from `$first`. With `gate` (the
 * name of an earlier CTE) the entry is appended only when that CTE returned a
 * row, e.g. a DELETE … RETURNING that found the role to revoke.
 */
export function auditCtes(draft: AuditDraft, at: number, first = 1, gate?: string): AuditCtes {
  // Round-trip through JSON so what is stored, hashed and returned are the same.
  const data = JSON.parse(JSON.stringify(draft.data ?? null))
  const content = { communityId: draft.communityId, seq: 0, at, actorId: draft.actorId, action: draft.action, subject: draft.subject, data }
  // The domain hashes `${prevHash}\n${canonicalJson(content)}`; keys are
  // sorted, so seq sits just before subject at the top level and is the last
  // `"seq":0,"subject":` in the text (inside strings quotes are escaped).
  const text = canonicalJson(content)
  const at0 = text.lastIndexOf('"seq":0,"subject":') + '"seq":'.length
  const [before, after] = [text.slice(0, at0), text.slice(at0 + 1)]
  const $ = (i: number) => `$${first + i}`
  const hashOf = (prev: string, seq: string) => `encode(sha256(convert_to(${prev} || E'\\n' || ${$(2)}::text || (${seq})::text || ${$(3)}::text, 'UTF8')), 'hex')`
  const sql = `
    audit_head AS (
      INSERT INTO audit_heads AS h (community_id, seq, prev_hash, hash)
      SELECT ${$(0)}::text, 1, ${$(1)}::text, ${hashOf(`${$(1)}::text`, '1')} FROM ${gate ?? '(VALUES (1)) AS always(x)'}
      ON CONFLICT (community_id) DO UPDATE SET seq = h.seq + 1, prev_hash = h.hash, hash = ${hashOf('h.hash', 'h.seq + 1')}
      RETURNING seq, prev_hash, hash
    ),
    audit_entry AS (
      INSERT INTO audit_log (community_id, seq, at, actor_id, action, subject, data, prev_hash, hash)
      SELECT ${$(0)}::text, seq, ${$(4)}::bigint, ${$(5)}::text, ${$(6)}::text, ${$(7)}::text, ${$(8)}::text, prev_hash, hash FROM audit_head
      RETURNING seq, prev_hash, hash
    )`
  return {
    sql,
    params: [draft.communityId, GENESIS_HASH, before, after, at, draft.actorId, draft.action, draft.subject, JSON.stringify(data)],
    entry: (row) => ({ ...content, seq: row.seq, prevHash: row.prev_hash, hash: row.hash }),
  }
}

/** Appends in one statement, inside the caller's transaction if there is one. */
export async function appendAudit(c: Queryable, draft: AuditDraft, at: number): Promise<AuditEntry> {
  const a = auditCtes(draft, at)
  const { rows } = await c.query<{ seq: number; prev_hash: string; hash: string }>(`WITH ${a.sql} SELECT seq, prev_hash, hash FROM audit_entry`, a.params)
  return a.entry(rows[0])
}

export function pgAudit(pool: Pg, now: () => number): AuditPort {
  return {
    append: (draft) => appendAudit(pool, draft, now()),
    async list(communityId, afterSeq, limit) {
      const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log WHERE community_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [communityId, afterSeq, limit])
      return rows.map(toAuditEntry)
    },
    async all(communityId) {
      const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log WHERE community_id = $1 ORDER BY seq', [communityId])
      return rows.map(toAuditEntry)
    },
  }
}
