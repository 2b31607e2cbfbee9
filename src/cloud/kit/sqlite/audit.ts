// Audit chain on SQLite. `appendAudit` runs inside the caller's transaction
// (better-sqlite3 is synchronous, so nothing interleaves between the read of
// the chain head and the insert).
import { GENESIS_HASH, entryHash, type AuditEntry } from '../../../domain/audit-chain'
import type { AuditDraft, AuditPort } from '../ports'
import { toAuditEntry, type AuditRow } from '../rows'
import { sha256 } from '../sha256'
import type { Db } from './db'
import { statement } from './statements'



export function appendAudit(db: Db, draft: AuditDraft, at: number): AuditEntry {
  const head = statement(db, 'SELECT seq, hash FROM audit_log WHERE community_id = ? ORDER BY seq DESC LIMIT 1').get(draft.communityId) as
    | { seq: number; hash: string }
    | undefined
  const prevHash = head?.hash ?? GENESIS_HASH
  // Round-trip the data through JSON so the stored and the hashed content are identical.
  const data = JSON.parse(JSON.stringify(draft.data ?? null))
  const content = { communityId: draft.communityId, seq: (head?.seq ?? 0) + 1, at, actorId: draft.actorId, action: draft.action, subject: draft.subject, data }
  const hash = entryHash(sha256, prevHash, content)
  statement(db, 'INSERT INTO audit_log (community_id, seq, at, actor_id, action, subject, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    content.communityId, content.seq, at, content.actorId, content.action, content.subject, JSON.stringify(data), prevHash, hash,
  )
  return { ...content, prevHash, hash }
}

export function sqliteAudit(db: Db, now: () => number): AuditPort {
  return {
    async append(draft) {
      return db.transaction(() => appendAudit(db, draft, now()))()
    },
    async list(communityId, afterSeq, limit) {
      const rows = db.prepare('SELECT * FROM audit_log WHERE community_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(communityId, afterSeq, limit) as AuditRow[]
      return rows.map(toAuditEntry)
    },
    async all(communityId) {
      const rows = db.prepare('SELECT * FROM audit_log WHERE community_id = ? ORDER BY seq').all(communityId) as AuditRow[]
      return rows.map(toAuditEntry)
    },
  }
}
