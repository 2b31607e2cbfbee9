// Bench setup only, the PostgreSQL twin of big-assembly.ts at city scale: N
// communities of M owners (one unit each), people bound to them as owners,
// and per community one assembly open now with K motions and its electorate
// fixed. Rows go in column-wise (insertMany: one statement per table per
// community), not through 500,000 port calls; the assembly and its electorate
// are written by the adapter's own insertAssembly/snapshotElectorate. Nothing
// here runs in the app.
import { appendAudit } from '../../src/cloud/kit/postgres/audit'
import { insertMany, transaction, type Pg } from '../../src/cloud/kit/postgres/db'
import { insertAssembly, snapshotElectorate } from '../../src/cloud/kit/postgres/voting'
import { summariseRoll } from '../../src/domain/roll'

export interface BigCommunity {
  communityId: string
  assemblyId: string
  motionIds: string[]
  /** openid of owner i, who holds owner key `B{i}`. */
  openid(i: number): string
}

const DAY = 86_400_000

export async function setUpBigAssembliesPg(pool: Pg, opts: { communities: number; owners: number; motions: number; now: number; parallel?: number }): Promise<BigCommunity[]> {
  const { owners, motions, now } = opts
  const out: BigCommunity[] = Array.from({ length: opts.communities }, (_, n) => {
    const communityId = `c-city-${String(n).padStart(3, '0')}`
    const assemblyId = `asm-city-${String(n).padStart(3, '0')}`
    return { communityId, assemblyId, motionIds: Array.from({ length: motions }, (_, k) => `${assemblyId}-m${k + 1}`), openid: (i) => `city:${n}:${i}` }
  })
  await pool.query("INSERT INTO people (id, openid, name, phone, created_at) VALUES ('city-chair', 'city:chair', '主任', NULL, $1)", [now])
  const seedOne = async (b: BigCommunity, n: number) => {
    const { communityId, assemblyId } = b
    const units = Array.from({ length: owners }, (_, i) => ({
      building: `${1 + (i % 30)}栋`, unitNo: String(1000 + i), area: 6000 + ((i * 7919 + n * 104_729) % 9000), ownerKey: `B${i}`, developerUnsold: false,
    }))
    const totals = summariseRoll(units)
    const person = (i: number) => `city-${n}-${i}`
    await transaction(pool, async (c) => {
      await c.query("INSERT INTO communities (id, name, settings, created_at) VALUES ($1, $2, '{}', $3)", [communityId, `城市小区 ${n}`, now])
      await c.query("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES ($1, 'city-chair', 'committee', '[]', $2)", [communityId, now])
      await c.query('INSERT INTO roll_versions (community_id, version, created_at, units, total_area, total_heads, buildings) VALUES ($1, 1, $2, $3, $4, $5, $6)',
        [communityId, now, totals.units, totals.area, totals.heads, JSON.stringify(totals.buildings)])
      await insertMany(c, 'roll_units',
        [['community_id', 'text'], ['version', 'int'], ['building', 'text'], ['unit_no', 'text'], ['area', 'bigint'], ['area_basis', 'text'], ['owner_key', 'text'], ['owner_names', 'text'], ['phones', 'text']],
        units.map((u) => [communityId, 1, u.building, u.unitNo, u.area, 'registered', u.ownerKey, '', '']))
      await insertMany(c, 'people', [['id', 'text'], ['openid', 'text'], ['name', 'text'], ['created_at', 'bigint']], units.map((_, i) => [person(i), b.openid(i), `业主${i}`, now]))
      await insertMany(c, 'memberships', [['community_id', 'text'], ['person_id', 'text'], ['role', 'text'], ['buildings', 'text'], ['granted_at', 'bigint']], units.map((_, i) => [communityId, person(i), 'owner', '[]', now]))
      await insertMany(c, 'owner_bindings', [['community_id', 'text'], ['person_id', 'text'], ['owner_key', 'text'], ['bound_at', 'bigint']], units.map((u, i) => [communityId, person(i), u.ownerKey, now]))
      await appendAudit(c, { communityId, actorId: null, action: 'roll.import', subject: 'roll:1', data: { version: 1, units: owners, source: 'bench' } }, now)
      await insertAssembly(c, {
        id: assemblyId, communityId, title: '截止前投票高峰', notice: '基准测试', attachments: [], noticeAt: now - 20 * DAY, opensAt: now - 2 * DAY,
        // More than a day left: the closing reminder (a notice to every owner) is not part of the surge.
        closesAt: now + 3 * DAY, shortNoticeReason: null, createdBy: 'city-chair',
        motions: b.motionIds.map((id, k) => ({ id, matter: 1 + (k % 9), title: `议案 ${k + 1}`, body: '', seats: null, candidates: [] })),
      })
      const opened = (await snapshotElectorate(c, assemblyId, now))!
      await appendAudit(c, { communityId, actorId: null, action: 'assembly.open', subject: `assembly:${assemblyId}`, data: { rollVersion: opened.rollVersion, total: opened.total } }, now)
    })
  }
  let next = 0
  await Promise.all(Array.from({ length: opts.parallel ?? 4 }, async () => {
    for (let n = next++; n < out.length; n = next++) await seedOne(out[n], n)
  }))
  await pool.query('ANALYZE')
  return out
}
