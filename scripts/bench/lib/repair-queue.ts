// Shared by the repair-queue benchmarks (SQLite: repairs.ts, PostgreSQL:
// pg-repairs.ts): the same 50,000 requests from the same seeded generator,
// and the same measurement of the staff queue over HTTP from the real host.
import type { HostPorts } from '../../../src/cloud/kit/hosting'
import { startHost } from '../../../src/host/server'
import { SESSION_COOKIE, signSession } from '../../../src/host/session'
import { commitmentFor, MINUTE, REPAIR_CATEGORIES, URGENCIES } from '../../../src/domain/repairs/commitments'
import { applyRepair, reportRepair, type RepairCommand, type RepairRequest } from '../../../src/domain/repairs/request'
import { DEMO_COMMUNITY_ID as C, DEMO_PEOPLE } from '../../../src/seed/demo-community'
import { DEMO_COMMITMENTS } from '../../../src/seed/seed-repairs'
import type { RepairQueueOutput } from '../../../src/contracts/repairs'
import type { Result } from '../../../src/contracts/result'

export const REQUESTS = 50_000
const RUNS = 15

// Requests spread over the past year; the further along the chain, the older.
const LIFECYCLE: RepairCommand[] = [{ kind: 'accept' }, { kind: 'assign', worker: '王师傅' }, { kind: 'start' }, { kind: 'complete', note: '已修复', photos: [] }, { kind: 'confirm', rating: 5, comment: '' }]

/** The demo community's 50,000 requests numbered from `firstNo`, about 60 % closed and the rest at every stage (seeded: the same on every run). */
export function* benchRequests(now: number, firstNo: number): Generator<RepairRequest> {
  let seed = 20_261_128
  const rand = (): number => {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0
    return seed / 2 ** 32
  }
  const reporters = DEMO_PEOPLE.filter((p) => p.roles.some((r) => r.role === 'owner')).map((p) => p.id)
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
    yield r
  }
}

/**
 * Asks the property staff's queue (20 a page) through the host's HTTP route:
 * the median of 15 first pages, and of 15 pages starting at `deepCursor`.
 */
export async function timeQueue(ports: HostPorts, deepCursor: { dueAt: number; no: number }): Promise<{ first: number; deep: number }> {
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
  try {
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
    const deep: number[] = []
    for (let i = 0; i < RUNS; i++) deep.push((await ask(deepCursor))[0])
    return { first: medianOf(first), deep: medianOf(deep) }
  } finally {
    await host.close()
  }
}
