// The owner roll on CloudBase: the newest version document of a community.
import type { RollPort } from '../ports'
import { COLLECTIONS, type RollVersionDoc } from './collections'
import type { Database } from './sdk'

/** A community's newest roll version document; a version's units are all written before it appears. */
export async function newestVersion(db: Database, communityId: string): Promise<RollVersionDoc | null> {
  const { data } = await db.collection<RollVersionDoc>(COLLECTIONS.rollVersions).where({ communityId }).orderBy('version', 'desc').limit(1).get()
  return data[0] ?? null
}

export function cloudbaseRoll(db: Database): RollPort {
  return {
    async latest(communityId) {
      const v = await newestVersion(db, communityId)
      return v ? { version: v.version, createdAt: v.createdAt, units: v.units, area: v.area, heads: v.heads, buildings: v.buildings } : null
    },
  }
}
