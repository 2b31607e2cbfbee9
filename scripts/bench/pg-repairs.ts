// The property staff's repair queue on PostgreSQL: the same 50,000 requests
// and the same measurement over HTTP from the real host as repairs.ts does on
// SQLite, in a schema of its own (dropped afterwards), with the demo the host
// seeds on PostgreSQL. Target: first page ≤ 100 ms, as on the local host.
// Prints `bench pg_repair_queue_50k <median ms> ms` and
// `bench pg_repair_queue_50k_deep <median ms> ms` (a page 500 deep).
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL; without one it says so and prints no figures.
import { transaction } from '../../src/cloud/kit/postgres/db'
import { REQUEST_COLS, requestColumns } from '../../src/cloud/kit/repairs-rows'
import type { RepairRequest } from '../../src/domain/repairs/request'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { seedDemoPostgres } from '../../src/seed/seed-postgres'
import { REQUESTS, benchRequests, timeQueue } from './lib/repair-queue'
import { runOnPostgres } from './lib/pg-bench'

const TYPES: Record<(typeof REQUEST_COLS)[number], string> = {
  id: 'text', community_id: 'text', no: 'int', reporter_id: 'text', location_kind: 'text', building: 'text', unit_no: 'text',
  status: 'text', reported_at: 'bigint', due_at: 'bigint', version: 'int', data: 'text',
}
const now = Date.UTC(2026, 10, 28, 2)

runOnPostgres('pg-repairs', { now: () => now }, async (ports) => {
  await seedDemoPostgres(ports.pool, now)
  const built = Date.now()
  // Column-wise batches of 5,000 (unnest), with each request's report in its timeline, as on SQLite.
  const batches: RepairRequest[][] = [[]]
  for (const r of benchRequests(now, 1)) {
    if (batches[batches.length - 1].length === 5_000) batches.push([])
    batches[batches.length - 1].push(r)
  }
  await transaction(ports.pool, async (c) => {
    for (const batch of batches) {
      const cols = batch.map(requestColumns)
      await c.query(`INSERT INTO repair_requests (${REQUEST_COLS.join(', ')}) SELECT * FROM unnest(${REQUEST_COLS.map((k, i) => `$${i + 1}::${TYPES[k]}[]`).join(', ')})`,
        REQUEST_COLS.map((k) => cols.map((x) => x[k])))
      await c.query(`INSERT INTO repair_events (request_id, seq, at, actor_id, kind, status, data) SELECT id, 1, at, actor, 'report', 'reported', '{}' FROM unnest($1::text[], $2::bigint[], $3::text[]) AS e(id, at, actor)`,
        [batch.map((r) => r.id), batch.map((r) => r.reportedAt), batch.map((r) => r.reporterId)])
    }
  })
  await ports.pool.query('ANALYZE repair_requests')
  const { rows } = await ports.pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM repair_requests WHERE community_id = $1 AND due_at IS NOT NULL', [C])
  console.error(`已生成 ${REQUESTS} 张报修单（其中 ${rows[0].n} 张待处理），用时 ${Date.now() - built} ms`)
  // A page 500 deep: the cursor of the 10,000th open request; its query must use the partial queue index.
  const deep = (await ports.pool.query<{ dueAt: number; no: number }>('SELECT due_at AS "dueAt", no FROM repair_requests WHERE community_id = $1 AND due_at IS NOT NULL ORDER BY due_at, no LIMIT 1 OFFSET 10000', [C])).rows[0]
  const plan = await ports.pool.query<{ 'QUERY PLAN': string }>('EXPLAIN SELECT data FROM repair_requests WHERE community_id = $1 AND due_at IS NOT NULL AND (due_at, no) > ($2, $3) ORDER BY due_at, no LIMIT 21', [C, deep.dueAt, deep.no])
  if (!plan.rows.some((r) => r['QUERY PLAN'].includes('repair_queue'))) throw new Error(`队列查询没有用上索引：\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`)
  const times = await timeQueue(ports, deep)
  console.log(`bench pg_repair_queue_50k ${times.first.toFixed(2)} ms`)
  console.log(`bench pg_repair_queue_50k_deep ${times.deep.toFixed(2)} ms`)
})
