// Roll versions on PostgreSQL: commit a whole version at once (its units in
// one statement), list them, find a unit — as sqlite/roll-admin.ts.
import type { RollAdminPort, RollUnitRecord } from '../roll-ports'
import { toRollUnit, toRollVersion, type RollUnitRow, type RollVersionRow } from '../rows'
import { appendAudit } from './audit'
import { insertMany, transaction, type Pg, type Queryable } from './db'

const UNIT_COLUMNS = [
  ['community_id', 'text'], ['version', 'int'], ['building', 'text'], ['unit_no', 'text'], ['area', 'bigint'], ['area_basis', 'text'],
  ['owner_key', 'text'], ['owner_names', 'text'], ['phones', 'text'], ['developer_unsold', 'boolean'],
] as const

/** Every unit of one roll version, in one statement (also used by the demo seed). */
export async function insertRollUnits(c: Queryable, communityId: string, version: number, units: readonly RollUnitRecord[]): Promise<void> {
  await insertMany(c, 'roll_units', UNIT_COLUMNS,
    units.map((u) => [communityId, version, u.building, u.unitNo, u.area, u.basis, u.ownerKey, u.ownerNames, u.phones, u.developerUnsold]))
}

export function pgRollAdmin(pool: Pg): RollAdminPort {
  return {
    async commit(input, audit) {
      return transaction(pool, async (c) => {
        // One commit per community at a time (SQLite's transactions are serial
        // anyway): the community's row lock, taken before reading the newest
        // version, makes a concurrent commit wait and then see this one. NO KEY
        // UPDATE leaves the foreign-key checks of other writes unblocked.
        await c.query('SELECT 1 FROM communities WHERE id = $1 FOR NO KEY UPDATE', [input.communityId])
        const { rows: [latest] } = await c.query<{ version: number; source_sha256: string | null }>(
          'SELECT version, source_sha256 FROM roll_versions WHERE community_id = $1 ORDER BY version DESC LIMIT 1', [input.communityId])
        if (latest && latest.source_sha256 === input.sourceSha256) return { created: false as const, version: latest.version }
        const version = (latest?.version ?? 0) + 1
        const s = input.summary
        await c.query(
          'INSERT INTO roll_versions (community_id, version, created_at, created_by, source_sha256, source_file, units, total_area, total_heads, buildings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [input.communityId, version, input.at, input.createdBy, input.sourceSha256, input.sourceFile, s.units, s.area, s.heads, JSON.stringify(s.buildings)],
        )
        await insertRollUnits(c, input.communityId, version, input.units)
        const auditSeq = (await appendAudit(c, audit(version), input.at)).seq
        return { created: true as const, version, auditSeq }
      })
    },
    async versions(communityId) {
      const { rows } = await pool.query<RollVersionRow>(
        `SELECT v.version, v.created_at, v.created_by, p.name AS created_by_name, v.source_sha256, v.source_file, v.units, v.total_area, v.total_heads, v.buildings
           FROM roll_versions v LEFT JOIN people p ON p.id = v.created_by
          WHERE v.community_id = $1 ORDER BY v.version DESC`,
        [communityId],
      )
      return rows.map(toRollVersion)
    },
    async unit(communityId, building, unitNo) {
      const { rows: [r] } = await pool.query<RollUnitRow>(
        `SELECT version, building, unit_no, area, area_basis, owner_key, owner_names, phones, developer_unsold FROM roll_units
          WHERE community_id = $1 AND building = $2 AND unit_no = $3
            AND version = (SELECT MAX(version) FROM roll_versions WHERE community_id = $1)`,
        [communityId, building, unitNo],
      )
      return r ? toRollUnit(r) : null
    },
  }
}
