// Roll versions on SQLite: commit a whole version at once, list them, find a unit.
import type { RollAdminPort, RollUnitRecord, RollVersionRecord } from '../roll-ports'
import { appendAudit } from './audit'
import type { Db } from './db'

interface VersionRow { version: number; created_at: number; created_by: string | null; created_by_name: string | null; source_sha256: string | null; source_file: string | null; units: number; total_area: number; total_heads: number; buildings: string }
interface UnitRow { version: number; building: string; unit_no: string; area: number; area_basis: RollUnitRecord['basis']; owner_key: string; owner_names: string; phones: string; developer_unsold: number }

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
      return (versions.all(communityId) as VersionRow[]).map((r): RollVersionRecord => ({
        version: r.version,
        createdAt: r.created_at,
        createdBy: r.created_by,
        createdByName: r.created_by_name,
        sourceSha256: r.source_sha256,
        sourceFile: r.source_file,
        units: r.units,
        area: r.total_area,
        heads: r.total_heads,
        buildings: JSON.parse(r.buildings),
      }))
    },
    async unit(communityId, building, unitNo) {
      const r = unit.get(communityId, building, unitNo, communityId) as UnitRow | undefined
      return r
        ? { version: r.version, building: r.building, unitNo: r.unit_no, area: r.area, basis: r.area_basis, ownerKey: r.owner_key, ownerNames: r.owner_names, phones: r.phones, developerUnsold: r.developer_unsold === 1 }
        : null
    },
  }
}
