// Roll versions on SQLite: commit a whole version at once, list them, find a unit.
import type { RollAdminPort } from '../roll-ports'
import { toRollUnit, toRollVersion, type RollUnitRow, type RollVersionRow } from '../rows'
import { appendAudit } from './audit'
import type { Db } from './db'

export function sqliteRollAdmin(db: Db): RollAdminPort {
  const head = db.prepare('SELECT version, source_sha256 FROM roll_versions WHERE community_id = ? ORDER BY version DESC LIMIT 1')
  const insertVersion = db.prepare(
    'INSERT INTO roll_versions (community_id, version, created_at, created_by, source_sha256, source_file, units, total_area, total_heads, buildings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insertUnit = db.prepare(
    'INSERT INTO roll_units (community_id, version, building, unit_no, area, area_basis, owner_key, owner_names, phones, developer_unsold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const versions = db.prepare(
    `SELECT v.version, v.created_at, v.created_by, p.name AS created_by_name, v.source_sha256, v.source_file, v.units, v.total_area, v.total_heads, v.buildings
       FROM roll_versions v LEFT JOIN people p ON p.id = v.created_by
      WHERE v.community_id = ? ORDER BY v.version DESC`,
  )
  const unit = db.prepare(
    `SELECT version, building, unit_no, area, area_basis, owner_key, owner_names, phones, developer_unsold FROM roll_units
      WHERE community_id = ? AND building = ? AND unit_no = ?
        AND version = (SELECT MAX(version) FROM roll_versions WHERE community_id = ?)`,
  )

  return {
    async commit(input, audit) {
      return db.transaction(() => {
        // Inside the transaction: nothing can commit between this read and the insert.
        const latest = head.get(input.communityId) as { version: number; source_sha256: string | null } | undefined
        if (latest && latest.source_sha256 === input.sourceSha256) return { created: false as const, version: latest.version }
        const version = (latest?.version ?? 0) + 1
        const s = input.summary
        insertVersion.run(input.communityId, version, input.at, input.createdBy, input.sourceSha256, input.sourceFile, s.units, s.area, s.heads, JSON.stringify(s.buildings))
        for (const u of input.units) {
          insertUnit.run(input.communityId, version, u.building, u.unitNo, u.area, u.basis, u.ownerKey, u.ownerNames, u.phones, u.developerUnsold ? 1 : 0)
        }
        const auditSeq = appendAudit(db, audit(version), input.at).seq
        return { created: true as const, version, auditSeq }
      })()
    },
    async versions(communityId) {
      return (versions.all(communityId) as RollVersionRow[]).map(toRollVersion)
    },
    async unit(communityId, building, unitNo) {
      const r = unit.get(communityId, building, unitNo, communityId) as RollUnitRow | undefined
      return r ? toRollUnit(r) : null
    },
  }
}
