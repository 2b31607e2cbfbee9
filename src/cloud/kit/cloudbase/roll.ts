// The owner roll on CloudBase: the newest version document of a community.
import type { RollPort } from '../ports'
import { COLLECTIONS, type RollVersionDoc } from './collections'
import type { Database } from './sdk'

export function cloudbaseRoll(db: Database): RollPort {
  return {
    async latest(communityId) {
      const { data } = await db.collection<RollVersionDoc>(COLLECTIONS.rollVersions).where({ communityId }).orderBy('version', 'desc').limit(1).get()
      const v = data[0]
      return v ? { version: v.version, createdAt: v.createdAt, units: v.units, area: v.area, heads: v.heads, buildings: v.buildings } : null
    },
  }
}
