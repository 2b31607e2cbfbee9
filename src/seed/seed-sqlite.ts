// Writes the demo community into an empty SQLite database, once.
import { summariseRoll } from '../domain/roll'
import type { Db } from '../cloud/kit/sqlite/db'
import { appendAudit } from '../cloud/kit/sqlite/audit'
import { seedDemoAssemblies } from './demo-assemblies'
import { seedDisclosure } from './seed-disclosure'
import { seedCaptains } from './seed-captains'
import { seedRepairs } from './seed-repairs'
import { DEMO_COMMUNITY_ID, DEMO_COMMUNITY_NAME, DEMO_PEOPLE, demoRoll } from './demo-community'

export function seedDemo(db: Db, now: number): boolean {
  if (db.prepare('SELECT 1 FROM communities WHERE id = ?').get(DEMO_COMMUNITY_ID)) return false
  const c = DEMO_COMMUNITY_ID
  db.transaction(() => {
    db.prepare('INSERT INTO communities (id, name, settings, created_at) VALUES (?, ?, ?, ?)').run(c, DEMO_COMMUNITY_NAME, '{}', now)
    const roll = demoRoll()
    const totals = summariseRoll(roll)
    db.prepare('INSERT INTO roll_versions (community_id, version, created_at, created_by, source_sha256, units, total_area, total_heads, buildings) VALUES (?, 1, ?, NULL, NULL, ?, ?, ?, ?)')
      .run(c, now, totals.units, totals.area, totals.heads, JSON.stringify(totals.buildings))
    const unit = db.prepare('INSERT INTO roll_units (community_id, version, building, unit_no, area, area_basis, owner_key, owner_names, phones, developer_unsold) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)')
    for (const u of roll) unit.run(c, u.building, u.unitNo, u.area, u.basis, u.ownerKey, u.ownerNames, u.phones, u.developerUnsold ? 1 : 0)
    appendAudit(db, { communityId: c, actorId: null, action: 'roll.import', subject: 'roll:1', data: { version: 1, units: totals.units, area: totals.area, heads: totals.heads, source: 'demo' } }, now)

    const person = db.prepare('INSERT INTO people (id, openid, name, phone, created_at) VALUES (?, ?, ?, ?, ?)')
    const member = db.prepare('INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, ?, ?, ?, ?)')
    for (const p of DEMO_PEOPLE) {
      person.run(p.id, p.openid, p.name, p.phone, now)
      if (p.ownerKey) db.prepare('INSERT INTO owner_bindings (community_id, person_id, owner_key, bound_at) VALUES (?, ?, ?, ?)').run(c, p.id, p.ownerKey, now)
      if (p.residentOf) {
        const owner = DEMO_PEOPLE.find((o) => o.ownerKey && roll.some((u) => u.ownerKey === o.ownerKey && u.building === p.residentOf!.building && u.unitNo === p.residentOf!.unitNo))
        db.prepare('INSERT INTO resident_links (community_id, person_id, building, unit_no, linked_by, linked_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(c, p.id, p.residentOf.building, p.residentOf.unitNo, owner?.id ?? 'system', now)
      }
      for (const r of p.roles) {
        member.run(c, p.id, r.role, JSON.stringify(r.buildings ?? []), now)
        appendAudit(db, { communityId: c, actorId: null, action: 'role.grant', subject: `person:${p.id}`, data: { role: r.role, buildings: r.buildings ?? [], source: 'demo' } }, now)
      }
    }
    seedDemoAssemblies(db, now)
    seedDisclosure(db, now)
    seedCaptains(db, now)
    seedRepairs(db, c, now)
  })()
  return true
}
