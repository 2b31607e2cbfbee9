// The owner roll on SQLite.
import type { RollPort, RollVersionSummary } from '../ports'
import type { Db } from './db'

export function sqliteRoll(db: Db): RollPort {
  const latest = db.prepare(
    'SELECT version, created_at, units, total_area, total_heads, buildings FROM roll_versions WHERE community_id = ? ORDER BY version DESC LIMIT 1',
  )
  return {
    async latest(communityId) {
      const r = latest.get(communityId) as { version: number; created_at: number; units: number; total_area: number; total_heads: number; buildings: string } | undefined
      if (!r) return null
      const summary: RollVersionSummary = { version: r.version, createdAt: r.created_at, units: r.units, area: r.total_area, heads: r.total_heads, buildings: JSON.parse(r.buildings) }
      return summary
    },
  }
}
