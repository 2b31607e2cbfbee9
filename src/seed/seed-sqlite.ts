// Writes the demo community into an empty SQLite database, once.
import type { Db } from '../cloud/kit/sqlite/db'
import { appendAudit } from '../cloud/kit/sqlite/audit'
import { seedDemoAssemblies } from './demo-assemblies'
import { seedDisclosure } from './seed-disclosure'
import { seedCaptains } from './seed-captains'
import { seedRepairs } from './seed-repairs'
import { DEMO_COMMUNITY_ID } from './demo-community'
import { demoFoundation, type FoundationSeed } from './demo-foundation'

/** The foundation records, inside the caller's transaction. */
export function writeFoundationSqlite(db: Db, s: FoundationSeed): void {
  const c = s.community.id
  db.prepare('INSERT INTO communities (id, name, settings, created_at) VALUES (?, ?, ?, ?)').run(c, s.community.name, s.community.settings, s.at)
  const v = s.rollVersion
  db.prepare('INSERT INTO roll_versions (community_id, version, created_at, created_by, source_sha256, units, total_area, total_heads, buildings) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?)')
    .run(c, v.version, s.at, v.units, v.area, v.heads, v.buildings)
  const unit = db.prepare('INSERT INTO roll_units (community_id, version, building, unit_no, area, area_basis, owner_key, owner_names, phones, developer_unsold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  for (const u of s.units) unit.run(c, v.version, u.building, u.unitNo, u.area, u.basis, u.ownerKey, u.ownerNames, u.phones, u.developerUnsold ? 1 : 0)
  const person = db.prepare('INSERT INTO people (id, openid, name, phone, created_at) VALUES (?, ?, ?, ?, ?)')
  for (const p of s.people) person.run(p.id, p.openid, p.name, p.phone, s.at)
  const binding = db.prepare('INSERT INTO owner_bindings (community_id, person_id, owner_key, bound_at) VALUES (?, ?, ?, ?)')
  for (const b of s.ownerBindings) binding.run(c, b.personId, b.ownerKey, s.at)
  const link = db.prepare('INSERT INTO resident_links (community_id, person_id, building, unit_no, linked_by, linked_at) VALUES (?, ?, ?, ?, ?, ?)')
  for (const l of s.residentLinks) link.run(c, l.personId, l.building, l.unitNo, l.linkedBy, s.at)
  const member = db.prepare('INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, ?, ?, ?, ?)')
  for (const m of s.memberships) member.run(c, m.personId, m.role, m.buildings, s.at)
  for (const a of s.audit) appendAudit(db, a, s.at)
}

export function seedDemo(db: Db, now: number): boolean {
  if (db.prepare('SELECT 1 FROM communities WHERE id = ?').get(DEMO_COMMUNITY_ID)) return false
  db.transaction(() => {
    writeFoundationSqlite(db, demoFoundation(now))
    seedDemoAssemblies(db, now)
    seedDisclosure(db, now)
    seedCaptains(db, now)
    seedRepairs(db, DEMO_COMMUNITY_ID, now)
  })()
  return true
}
