// Notifications on a PostgreSQL host go to the outbox table, as on SQLite; a
// notice with a dedupe key reaches each recipient once (unique key per recipient).
import type { OutboxRow } from '../hosting'
import type { NotificationPort } from '../ports'
import { transaction, type Pg } from './db'

export function pgOutbox(pool: Pg): NotificationPort {
  return {
    send: (n) =>
      transaction(pool, async (c) => {
        let queued = 0
        for (const r of n.recipientIds) {
          const key = n.dedupeKey ? `${n.dedupeKey}:${r}` : null
          const { rowCount } = await c.query(
            `INSERT INTO outbox (community_id, recipient_id, kind, title, body, page, dedupe_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING`,
            [n.communityId, r, n.kind, n.title, n.body, n.page ?? null, key, n.at],
          )
          queued += rowCount ?? 0
        }
        return queued
      }),
  }
}

export async function latestOutboxPg(pool: Pg, limit: number): Promise<OutboxRow[]> {
  const { rows } = await pool.query<OutboxRow>('SELECT id, community_id, recipient_id, kind, title, body, page, created_at FROM outbox ORDER BY id DESC LIMIT $1', [limit])
  return rows
}
