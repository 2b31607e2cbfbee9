// People, memberships and roles on PostgreSQL (queries as sqlite/identity.ts).
import type { Role } from '../../../domain/roles'
import type { IdentityPort, Membership, RolePort, UnitLink } from '../ports'
import { groupPeople, toPerson, type MemberRow, type PersonRow } from '../rows'
import { personIdFor } from '../person-id'
import { appendAudit, auditCtes } from './audit'
import { transaction, type Pg } from './db'


const LATEST_VERSION = '(SELECT MAX(version) FROM roll_versions v WHERE v.community_id = $COMMUNITY)'

type MembershipRow = { community_id: string; community_name: string; person_id: string; role: Role; buildings: string }
const toMembership = (r: MembershipRow): Membership => ({ communityId: r.community_id, communityName: r.community_name, personId: r.person_id, role: r.role, buildings: JSON.parse(r.buildings) })
const MEMBERSHIP_ORDER = 'ORDER BY m.community_id COLLATE "C", m.role COLLATE "C"'

export function pgIdentity(pool: Pg): IdentityPort {
  const personByOpenid = async (openid: string) => {
    const { rows } = await pool.query<PersonRow>('SELECT id, openid, name, phone FROM people WHERE openid = $1', [openid])
    return rows[0] ? toPerson(rows[0]) : null
  }
  return {
    personByOpenid,
    async membershipsOf(personId) {
      const { rows } = await pool.query<MembershipRow>(
        `SELECT m.community_id, c.name AS community_name, m.person_id, m.role, m.buildings
           FROM memberships m JOIN communities c ON c.id = m.community_id
          WHERE m.person_id = $1 ${MEMBERSHIP_ORDER}`,
        [personId],
      )
      return rows.map(toMembership)
    },
    async callerByOpenid(openid) {
      // Every call of every function starts here: one round trip, prepared once per connection.
      const { rows } = await pool.query<PersonRow & { [K in keyof MembershipRow]: MembershipRow[K] | null }>({
        name: 'identity.caller-by-openid',
        text: `SELECT p.id, p.openid, p.name, p.phone, m.community_id, c.name AS community_name, m.person_id, m.role, m.buildings
           FROM people p LEFT JOIN (memberships m JOIN communities c ON c.id = m.community_id) ON m.person_id = p.id
          WHERE p.openid = $1 ${MEMBERSHIP_ORDER}`,
        values: [openid],
      })
      if (!rows[0]) return null
      return { person: toPerson(rows[0]), memberships: rows.filter((r) => r.community_id !== null).map((r) => toMembership(r as MembershipRow)) }
    },
    async unitsOf(personId) {
      type Row = { community_id: string; building: string; unit_no: string; area: number }
      const owner = await pool.query<Row>(
        `SELECT b.community_id, u.building, u.unit_no, u.area
           FROM owner_bindings b
           JOIN roll_units u ON u.community_id = b.community_id AND u.owner_key = b.owner_key
            AND u.version = ${LATEST_VERSION.replace('$COMMUNITY', 'b.community_id')}
          WHERE b.person_id = $1 ORDER BY b.community_id COLLATE "C", u.building COLLATE "C", u.unit_no COLLATE "C"`,
        [personId],
      )
      const resident = await pool.query<Row>(
        `SELECT l.community_id, l.building, l.unit_no, COALESCE(u.area, 0) AS area
           FROM resident_links l
           LEFT JOIN roll_units u ON u.community_id = l.community_id AND u.building = l.building AND u.unit_no = l.unit_no
            AND u.version = ${LATEST_VERSION.replace('$COMMUNITY', 'l.community_id')}
          WHERE l.person_id = $1 ORDER BY l.community_id COLLATE "C", l.building COLLATE "C", l.unit_no COLLATE "C"`,
        [personId],
      )
      const link = (relation: UnitLink['relation']) => (r: Row): UnitLink => ({ communityId: r.community_id, building: r.building, unitNo: r.unit_no, area: r.area, relation })
      return [...owner.rows.map(link('owner')), ...resident.rows.map(link('resident'))]
    },
    async communityPeople(communityId) {
      const { rows } = await pool.query<MemberRow>(
        `SELECT p.id, p.openid, p.name, p.phone, m.role, m.buildings
           FROM memberships m JOIN people p ON p.id = m.person_id
          WHERE m.community_id = $1 ORDER BY p.id COLLATE "C", m.role COLLATE "C"`,
        [communityId],
      )
      return groupPeople(rows)
    },
    async communityExists(communityId) {
      return (await pool.query('SELECT 1 FROM communities WHERE id = $1', [communityId])).rowCount === 1
    },
    async register(openid, name, at) {
      // A concurrent insert of the same key waits for the first to commit, then does nothing.
      await pool.query('INSERT INTO people (id, openid, name, phone, created_at) VALUES ($1, $2, $3, NULL, $4) ON CONFLICT DO NOTHING', [personIdFor(openid), openid, name, at])
      return (await personByOpenid(openid))!
    },
    foundCommunity: (f, audit) =>
      transaction(pool, async (c) => {
        if ((await c.query('SELECT 1 FROM people WHERE id = $1', [f.committeeId])).rowCount !== 1) return { ok: false as const, why: 'no-person' as const }
        const created = await c.query("INSERT INTO communities (id, name, settings, created_at) VALUES ($1, $2, '{}', $3) ON CONFLICT (id) DO NOTHING", [f.communityId, f.name, f.at])
        if (created.rowCount !== 1) return { ok: false as const, why: 'exists' as const }
        await c.query("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES ($1, $2, 'committee', '[]', $3)", [f.communityId, f.committeeId, f.at])
        return { ok: true as const, auditSeq: (await appendAudit(c, audit, f.at)).seq }
      }),
  }
}

export function pgRoles(pool: Pg): RolePort {
  type Appended = { seq: number; prev_hash: string; hash: string }
  return {
    // One statement each: the membership change and its audit entry commit together or not at all.
    async grant(g, audit) {
      const a = auditCtes(audit, g.at, 6)
      const { rows } = await pool.query<Appended>(
        `WITH membership AS (
           INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (community_id, person_id, role) DO UPDATE SET buildings = excluded.buildings
         ), ${a.sql} SELECT seq, prev_hash, hash FROM audit_entry`,
        [g.communityId, g.personId, g.role, JSON.stringify(g.buildings), g.at, ...a.params],
      )
      return a.entry(rows[0]).seq
    },
    async revoke(r, audit) {
      const a = auditCtes(audit, r.at, 4, 'revoked')
      const { rows } = await pool.query<Appended>(
        `WITH revoked AS (
           DELETE FROM memberships WHERE community_id = $1 AND person_id = $2 AND role = $3 RETURNING 1
         ), ${a.sql} SELECT seq, prev_hash, hash FROM audit_entry`,
        [r.communityId, r.personId, r.role, ...a.params],
      )
      return rows[0] ? a.entry(rows[0]).seq : null
    },
  }
}
