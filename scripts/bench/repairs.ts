// The property staff's repair queue in a community with 50,000 requests (a
// year of a very large estate: about 60 % closed, the rest open at every
// stage), asked over HTTP from the real local host, as the H5 app asks it.
// Target: first page ≤ 100 ms. Prints `bench repair_queue_50k <median ms> ms`
// and, for a page deep in the queue, `bench repair_queue_50k_deep <median ms> ms`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { insertRepairHistory } from '../../src/cloud/kit/sqlite/repairs'
import { startHost } from '../../src/host/server'
import { SESSION_COOKIE, signSession } from '../../src/host/session'
import { commitmentFor, MINUTE, REPAIR_CATEGORIES, URGENCIES } from '../../src/domain/repairs/commitments'
import { applyRepair, reportRepair, type RepairCommand, type RepairRequest } from '../../src/domain/repairs/request'
import { DEMO_COMMUNITY_ID as C, DEMO_PEOPLE } from '../../src/seed/demo-community'
import { seedDemo } from '../../src/seed/seed-sqlite'
import { DEMO_COMMITMENTS } from '../../src/seed/seed-repairs'
import type { RepairQueueOutput } from '../../src/contracts/repairs'
import type { Result } from '../../src/contracts/result'

const REQUESTS = 50_000
const RUNS = 15

let seed = 20_261_128
const rand = (): number => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0
  return seed / 2 ** 32
}

const dir = mkdtempSync(join(tmpdir(), 'gj-bench-repairs-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const now = Date.UTC(2026, 10, 28, 2)
const ports = sqlitePorts(join(dir, 'bench.db'), () => now)
seedDemo(ports.db, now)

// Requests spread over the past year; the further along the chain, the older.
const LIFECYCLE: RepairCommand[] = [{ kind: 'accept' }, { kind: 'assign', worker: '王师傅' }, { kind: 'start' }, { kind: 'complete', note: '已修复', photos: [] }, { kind: 'confirm', rating: 5, comment: '' }]
const reporters = DEMO_PEOPLE.filter((p) => p.roles.some((r) => r.role === 'owner')).map((p) => p.id)
const built = Date.now()
// After the demo's own requests.
const firstNo = (ports.db.prepare('SELECT MAX(no) FROM repair_requests WHERE community_id = ?').pluck().get(C) as number) + 1
ports.db.transaction(() => {
  for (let i = 0; i < REQUESTS; i++) {
    const category = REPAIR_CATEGORIES[Math.floor(rand() * REPAIR_CATEGORIES.length)]
    const urgency = URGENCIES[rand() < 0.2 ? 0 : 1]
    const reportedAt = now - Math.floor(rand() * 365 * 24 * 60) * MINUTE
    let r: RepairRequest = {
      no: firstNo + i,
      ...reportRepair({ id: `r-bench-${i}`, communityId: C, reporterId: reporters[i % reporters.length], location: { kind: 'common', area: '中心花园' }, category, urgency, description: '路灯不亮', photos: [], preferredTime: null }, commitmentFor(DEMO_COMMITMENTS, category, urgency), reportedAt),
    }
    const steps = rand() < 0.6 ? LIFECYCLE.length : Math.floor(rand() * LIFECYCLE.length)
    for (let s = 0; s < steps; s++) r = applyRepair(r, LIFECYCLE[s], reportedAt + (s + 1) * 30 * MINUTE).next
    insertRepairHistory(ports.db, r, [{ at: reportedAt, actorId: r.reporterId, kind: 'report', status: 'reported', data: {} }])
  }
})()
const open = ports.db.prepare('SELECT COUNT(*) FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL').pluck().get(C) as number
console.error(`已生成 ${REQUESTS} 张报修单（其中 ${open} 张待处理），用时 ${Date.now() - built} ms`)

async function main() {
  const secret = Buffer.alloc(32, 7)
  const host = await startHost({ ports, secret, devMode: true, staticDir: null, port: 0 })
  const staff = DEMO_PEOPLE.find((p) => p.id === 'p-zhao-lei')!
  const cookie = `${SESSION_COOKIE}=${signSession(secret, staff.openid)}`
  const ask = async (after: RepairQueueOutput['next']): Promise<[number, RepairQueueOutput]> => {
    const t = process.hrtime.bigint()
    const res = await fetch(`${host.url}api/fn/repair-queue`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ communityId: C, after, limit: 20 }) })
    const body = (await res.json()) as Result<RepairQueueOutput>
    const ms = Number(process.hrtime.bigint() - t) / 1e6
    if (!body.ok) throw new Error(`${body.code}: ${body.message}`)
    return [ms, body.data]
  }
  const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  await ask(null) // warm up the statement cache and the connection
  const first: number[] = []
  let page: RepairQueueOutput | null = null
  for (let i = 0; i < RUNS; i++) {
    const [ms, data] = await ask(null)
    first.push(ms)
    page = data
  }
  // The queue must really be ordered by deadline.
  const dues = page!.items.map((x) => x.due!.dueAt)
  if (page!.items.length !== 20 || dues.some((d, i) => i > 0 && d < dues[i - 1])) throw new Error('队列顺序不对')
  // A page 500 deep: the cursor of the 10,000th open request.
  const deepCursor = ports.db.prepare('SELECT due_at AS dueAt, no FROM repair_requests WHERE community_id = ? AND due_at IS NOT NULL ORDER BY due_at, no LIMIT 1 OFFSET 10000').get(C) as { dueAt: number; no: number }
  const deep: number[] = []
  for (let i = 0; i < RUNS; i++) deep.push((await ask(deepCursor))[0])
  await host.close()
  ports.close()
  console.log(`bench repair_queue_50k ${medianOf(first).toFixed(2)} ms`)
  console.log(`bench repair_queue_50k_deep ${medianOf(deep).toFixed(2)} ms`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
