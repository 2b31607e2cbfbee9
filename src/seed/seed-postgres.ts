// Writes the demo community into a PostgreSQL database, once: the same
// foundation records as seed-sqlite.ts, from the same demoFoundation(), and
// the repair settings (service-time commitments, common areas) without which
// nobody could report a repair. The other areas' demo records are SQLite's only.
import { appendAudit } from '../cloud/kit/postgres/audit'
import { insertMany, transaction, type Pg, type Queryable } from '../cloud/kit/postgres/db'
import { insertRollUnits } from '../cloud/kit/postgres/roll-admin'
import { insertCommitmentsPg } from '../cloud/kit/postgres/repairs'
import { DEMO_COMMUNITY_ID } from './demo-community'
import { demoFoundation, type FoundationSeed } from './demo-foundation'
import { DEMO_COMMITMENTS, DEMO_COMMON_AREAS } from './seed-repairs'

/** The foundation records, inside the caller's transaction. */
export async function writeFoundationPostgres(c: Queryable, s: FoundationSeed): Promise<void> {
  const id = s.community.id
  const v = s.rollVersion
  await c.query('INSERT INTO communities (id, name, settings, created_at) VALUES ($1, $2, $3, $4)', [id, s.community.name, s.community.settings, s.at])
  await c.query(
    'INSERT INTO roll_versions (community_id, version, created_at, created_by, source_sha256, units, total_area, total_heads, buildings) VALUES ($1, $2, $3, NULL, NULL, $4, $5, $6, $7)',
    [id, v.version, s.at, v.units, v.area, v.heads, v.buildings],
  )
  await insertRollUnits(c, id, v.version, s.units)
  await insertMany(c, 'people', [['id', 'text'], ['openid', 'text'], ['name', 'text'], ['phone', 'text'], ['created_at', 'bigint']],
    s.people.map((p) => [p.id, p.openid, p.name, p.phone, s.at]))
  await insertMany(c, 'owner_bindings', [['community_id', 'text'], ['person_id', 'text'], ['owner_key', 'text'], ['bound_at', 'bigint']],
    s.ownerBindings.map((b) => [id, b.personId, b.ownerKey, s.at]))
  await insertMany(c, 'resident_links', [['community_id', 'text'], ['person_id', 'text'], ['building', 'text'], ['unit_no', 'text'], ['linked_by', 'text'], ['linked_at', 'bigint']],
    s.residentLinks.map((l) => [id, l.personId, l.building, l.unitNo, l.linkedBy, s.at]))
  await insertMany(c, 'memberships', [['community_id', 'text'], ['person_id', 'text'], ['role', 'text'], ['buildings', 'text'], ['granted_at', 'bigint']],
    s.memberships.map((m) => [id, m.personId, m.role, m.buildings, s.at]))
  for (const a of s.audit) await appendAudit(c, a, s.at)
}

export async function seedDemoPostgres(pool: Pg, now: number): Promise<boolean> {
  return transaction(pool, async (c) => {
    // Two hosts starting together: the second waits here, then finds the demo.
    await c.query('SELECT pg_advisory_xact_lock(727002)')
    if ((await c.query('SELECT 1 FROM communities WHERE id = $1', [DEMO_COMMUNITY_ID])).rowCount) return false
    await writeFoundationPostgres(c, demoFoundation(now))
    await insertCommitmentsPg(c, DEMO_COMMUNITY_ID, DEMO_COMMITMENTS, DEMO_COMMON_AREAS)
    return true
  })
}
