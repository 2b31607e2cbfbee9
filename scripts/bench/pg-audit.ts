// PostgreSQL at city scale, foundation ports only: 100 communities, a surge of
// 10,000 audited writes spread across them (half plain audit appends, half
// role grants with their audit entry in the same transaction), 64 in flight
// at once over a pool of 20 connections. Prints throughput and p99 latency,
// then checks every community's chain is gapless and verifies.
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a database it may create a
// schema in); without one it says so and prints no figures. The ballot surge
// of issue 8 is pg-vote-surge.ts.
import { verifyChain } from '../../src/domain/audit-chain'
import { sha256 } from '../../src/cloud/kit/sha256'
import { ROLES } from '../../src/domain/roles'
import { runOnPostgres } from './lib/pg-bench'

const COMMUNITIES = 100
const PEOPLE_PER_COMMUNITY = 50
const WRITES = 10_000
const IN_FLIGHT = 64

let seed = 20_261_128
const rand = (n: number): number => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0
  return Math.floor((seed / 2 ** 32) * n)
}
const community = (i: number) => `c-bench-${String(i).padStart(3, '0')}`
const person = (c: number, p: number) => `p-${c}-${p}`
const p99 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.ceil(xs.length * 0.99) - 1]

runOnPostgres('pg-audit', { max: 20 }, async (ports) => {
  const now = Date.now()
  const cs = Array.from({ length: COMMUNITIES }, (_, i) => i)
  await ports.pool.query('INSERT INTO communities (id, name, created_at) SELECT unnest($1::text[]), unnest($1::text[]), $2', [cs.map(community), now])
  const people = cs.flatMap((c) => Array.from({ length: PEOPLE_PER_COMMUNITY }, (_, p) => person(c, p)))
  await ports.pool.query("INSERT INTO people (id, openid, name, created_at) SELECT id, 'wx-' || id, id, $2 FROM unnest($1::text[]) AS id", [people, now])

  const latencies = { append: [] as number[], grant: [] as number[] }
  const jobs = Array.from({ length: WRITES }, (_, i) => ({ kind: i % 2 ? ('grant' as const) : ('append' as const), c: rand(COMMUNITIES), p: rand(PEOPLE_PER_COMMUNITY), role: ROLES[rand(ROLES.length)] }))
  let next = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++]
      const communityId = community(job.c)
      const personId = person(job.c, job.p)
      const t = performance.now()
      if (job.kind === 'append') {
        await ports.audit.append({ communityId, actorId: null, action: 'notice.publish', subject: `notice:${next}`, data: { n: next } })
      } else {
        const buildings = job.role === 'captain' ? [`${1 + rand(10)}栋`] : []
        await ports.roles.grant({ communityId, personId, role: job.role, buildings, at: now }, { communityId, actorId: 'p-bench', action: 'role.grant', subject: `person:${personId}`, data: { role: job.role, buildings } })
      }
      latencies[job.kind].push(performance.now() - t)
    }
  }))
  const seconds = (performance.now() - started) / 1000
  console.log(`bench pg_audited_writes_per_s ${(WRITES / seconds).toFixed(0)} writes/s`)
  console.log(`bench pg_audit_append_p99 ${p99(latencies.append).toFixed(1)} ms`)
  console.log(`bench pg_role_grant_p99 ${p99(latencies.grant).toFixed(1)} ms`)

  let entries = 0
  for (const c of cs) {
    const chain = await ports.audit.all(community(c))
    const verdict = verifyChain(sha256, chain)
    if (!verdict.valid) throw new Error(`${community(c)}: chain broken at ${verdict.brokenAtSeq}: ${verdict.reason}`)
    entries += chain.length
  }
  if (entries !== WRITES) throw new Error(`expected ${WRITES} audit entries, found ${entries}`)
})
