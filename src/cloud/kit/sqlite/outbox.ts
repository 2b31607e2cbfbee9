// Notifications on the local host go to an outbox table, shown at /dev/outbox.
import type { OutboxRow } from '../hosting'
import type { NotificationPort } from '../ports'
import type { Db } from './db'

export type { OutboxRow }

export function sqliteOutbox(db: Db): NotificationPort {
  const insert = db.prepare('INSERT OR IGNORE INTO outbox (community_id, recipient_id, kind, title, body, page, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  return {
    async send(n) {
      return db.transaction(() => {
        let queued = 0
        for (const r of n.recipientIds) {
          const key = n.dedupeKey ? `${n.dedupeKey}:${r}` : null
          queued += insert.run(n.communityId, r, n.kind, n.title, n.body, n.page ?? null, key, n.at).changes
        }
        return queued
      })()
    },
  }
}

export const latestOutbox = (db: Db, limit = 200): OutboxRow[] =>
  db.prepare('SELECT id, community_id, recipient_id, kind, title, body, page, created_at FROM outbox ORDER BY id DESC LIMIT ?').all(limit) as OutboxRow[]
