// People, memberships and roles on SQLite.
import type { Role } from '../../../domain/roles'
import type { AuditDraft, IdentityPort, Membership, RolePort, UnitLink } from '../ports'
import { groupPeople, toPerson, type MemberRow, type PersonRow } from '../rows'
import { appendAudit } from './audit'
import type { Db } from './db'
import { withCallerInTwoSteps } from '../caller-lookup'
import { personIdFor } from '../person-id'

type Grant = Parameters<RolePort['grant']>[0]

/** Writes a membership (or a captain's new buildings) and its audit entry; run inside a transaction. */
function membershipWriter(db: Db): (g: Grant, audit: AuditDraft) => number {
  const upsert = db.prepare(
    `INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (community_id, person_id, role) DO UPDATE SET buildings = excluded.buildings`,
  )
  return (g, audit) => {
    upsert.run(g.communityId, g.personId, g.role, JSON.stringify(g.buildings), g.at)
    return appendAudit(db, audit, g.at).seq
  }
}


export function sqliteIdentity(db: Db): IdentityPort {
  const byOpenid = db.prepare('SELECT id, openid, name, phone FROM people WHERE openid = ?')
  const memberships = db.prepare(
    `SELECT m.community_id, c.name AS community_name, m.person_id, m.role, m.buildings
       FROM memberships m JOIN communities c ON c.id = m.community_id
      WHERE m.person_id = ? ORDER BY m.community_id, m.role`,
  )
  const ownerUnits = db.prepare(
    `SELECT b.community_id, u.building, u.unit_no, u.area
       FROM owner_bindings b
       JOIN roll_units u ON u.community_id = b.community_id AND u.owner_key = b.owner_key
        AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = b.community_id)
      WHERE b.person_id = ? ORDER BY b.community_id, u.building, u.unit_no`,
  )
  const residentUnits = db.prepare(
    `SELECT l.community_id, l.building, l.unit_no, COALESCE(u.area, 0) AS area
       FROM resident_links l
       LEFT JOIN roll_units u ON u.community_id = l.community_id AND u.building = l.building AND u.unit_no = l.unit_no
        AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = l.community_id)
      WHERE l.person_id = ? ORDER BY l.community_id, l.building, l.unit_no`,
  )
  const people = db.prepare(
    `SELECT p.id, p.openid, p.name, p.phone, m.role, m.buildings
       FROM memberships m JOIN people p ON p.id = m.person_id
      WHERE m.community_id = ? ORDER BY p.id, m.role`,
  )
  const community = db.prepare('SELECT 1 FROM communities WHERE id = ?')
  // Either key (id or openid) already there means registered: nothing is written.
  const insertPerson = db.prepare('INSERT INTO people (id, openid, name, phone, created_at) VALUES (?, ?, ?, NULL, ?) ON CONFLICT DO NOTHING')
  const personExists = db.prepare('SELECT 1 FROM people WHERE id = ?')
  const insertCommunity = db.prepare("INSERT INTO communities (id, name, settings, created_at) VALUES (?, ?, '{}', ?) ON CONFLICT (id) DO NOTHING")
  const writeMembership = membershipWriter(db)

  return withCallerInTwoSteps({
    async personByOpenid(openid) {
      const row = byOpenid.get(openid) as PersonRow | undefined
      return row ? toPerson(row) : null
    },
    async membershipsOf(personId) {
      const rows = memberships.all(personId) as Array<{ community_id: string; community_name: string; person_id: string; role: Role; buildings: string }>
      return rows.map((r): Membership => ({
        communityId: r.community_id,
        communityName: r.community_name,
        personId: r.person_id,
        role: r.role,
        buildings: JSON.parse(r.buildings),
      }))
    },
    async unitsOf(personId) {
      type Row = { community_id: string; building: string; unit_no: string; area: number }
      const link = (relation: UnitLink['relation']) => (r: Row): UnitLink => ({ communityId: r.community_id, building: r.building, unitNo: r.unit_no, area: r.area, relation })
      return [...(ownerUnits.all(personId) as Row[]).map(link('owner')), ...(residentUnits.all(personId) as Row[]).map(link('resident'))]
    },
    async communityPeople(communityId) {
      const rows = people.all(communityId) as MemberRow[]
      return groupPeople(rows)
    },
    async communityExists(communityId) {
      return community.get(communityId) !== undefined
    },
    async register(openid, name, at) {
      insertPerson.run(personIdFor(openid), openid, name, at)
      return toPerson(byOpenid.get(openid) as PersonRow)
    },
    async foundCommunity(f, audit) {
      return db.transaction(() => {
        if (personExists.get(f.committeeId) === undefined) return { ok: false as const, why: 'no-person' as const }
        if (insertCommunity.run(f.communityId, f.name, f.at).changes === 0) return { ok: false as const, why: 'exists' as const }
        return { ok: true as const, auditSeq: writeMembership({ communityId: f.communityId, personId: f.committeeId, role: 'committee', buildings: [], at: f.at }, audit) }
      })()
    },
  })
}

export function sqliteRoles(db: Db): RolePort {
  const writeMembership = membershipWriter(db)
  const remove = db.prepare('DELETE FROM memberships WHERE community_id = ? AND person_id = ? AND role = ?')
  return {
    async grant(g, audit) {
      return db.transaction(() => writeMembership(g, audit))()
    },
    async revoke(r, audit) {
      return db.transaction(() => {
        const { changes } = remove.run(r.communityId, r.personId, r.role)
        if (changes === 0) return null
        return appendAudit(db, audit, r.at).seq
      })()
    },
  }
}
