// The owner roll on PostgreSQL.
import type { RollPort } from '../ports'
import type { Pg } from './db'

export function pgRoll(pool: Pg): RollPort {
  return {
    async latest(communityId) {
      const { rows } = await pool.query<{ version: number; created_at: number; units: number; total_area: number; total_heads: number; buildings: string }>(
        'SELECT version, created_at, units, total_area, total_heads, buildings FROM roll_versions WHERE community_id = $1 ORDER BY version DESC LIMIT 1',
        [communityId],
      )
      const r = rows[0]
      return r ? { version: r.version, createdAt: r.created_at, units: r.units, area: r.total_area, heads: r.total_heads, buildings: JSON.parse(r.buildings) } : null
    },
  }
}
