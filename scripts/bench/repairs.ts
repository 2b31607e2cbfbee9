// The property staff's repair queue in a community with 50,000 requests (a
// year of a very large estate: about 60 % closed, the rest open at every
// stage), asked over HTTP from the real local host, as the H5 app asks it.
// Target: first page ≤ 100 ms. Prints `bench repair_queue_50k <median ms> ms`
// and, for a page deep in the queue, `bench repair_queue_50k_deep <median ms> ms`.
// The same requests and measurement on PostgreSQL: pg-repairs.ts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { insertRepairHistory } from '../../src/cloud/kit/sqlite/repairs'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { seedDemo } from '../../src/seed/seed-sqlite'
import { REQUESTS, benchRequests, timeQueue } from './lib/repair-queue'

const dir = mkdtempSync(join(tmpdir(), 'gj-bench-repairs-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const now = Date.UTC(2026, 10, 28, 2)
const ports = sqlitePorts(join(dir, 'bench.db'), () => now)
seedDemo(ports.db, now)

const built = Date.now()
// After the demo's own requests.
const firstNo = (ports.db.prepare('SELECT MAX(no) FROM repair_requests WHERE community_id = ?').pluck().get(C) as number) + 1
ports.db.transaction(() => {
  for (const r of benchRequests(now, firstNo)) insertRepairHistory(ports.db, r, [{ at: r.reportedAt, actorId: r.reporterId, kind: 'report', status: 'reported', data: {} }])
})()
const open = ports.db.prepare('SELECT COUNT(*) FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL').pluck().get(C) as number
console.error(`已生成 ${REQUESTS} 张报修单（其中 ${open} 张待处理），用时 ${Date.now() - built} ms`)

async function main() {
  // A page 500 deep: the cursor of the 10,000th open request.
  const deepCursor = ports.db.prepare('SELECT due_at AS dueAt, no FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL ORDER BY due_at, no LIMIT 1 OFFSET 10000').get(C) as { dueAt: number; no: number }
  const { first, deep } = await timeQueue(ports, deepCursor)
  ports.close()
  console.log(`bench repair_queue_50k ${first.toFixed(2)} ms`)
  console.log(`bench repair_queue_50k_deep ${deep.toFixed(2)} ms`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
