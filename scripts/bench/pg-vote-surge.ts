// The deadline surge at city scale on PostgreSQL (issue 8): 100 communities of
// 5,000 owners, each with one open assembly of 5 motions; 20,000 owners
// (PG_SURGE_BALLOTS) spread at random across the communities submit a
// 5-motion ballot through the real ballot-cast function from 200 concurrent
// clients, by default in process through the registry (as the host calls it);
// PG_SURGE_VIA=http sends them to the bundled host instead (dist/host/main.js
// with DATABASE_URL, its own process, keep-alive clients, as vote-surge.ts
// does for SQLite) — on two cores shared by client, host and database that
// path costs about a third more CPU per ballot, so it is not the default. Prints `bench pg_vote_surge_ballots_per_s`, `bench
// pg_vote_surge_p99` and `bench pg_vote_surge_errors`, then checks every
// community's stored counts per motion and choice against what was sent and
// acknowledged, and that every chain verifies (target ≥ 1,000 ballots/s).
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a database it may create a
// schema in); without one it says so and prints no figures.
import { spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { postgresPorts } from '../../src/cloud/kit/postgres'
import { sha256 } from '../../src/cloud/kit/sha256'
import { findFunction } from '../../src/cloud/registry'
import { verifyChain } from '../../src/domain/audit-chain'
import { CHOICES } from '../../src/domain/voting/tally'
import { describeUrl } from '../../src/host/data'
import { loadSecret, SESSION_COOKIE, signSession } from '../../src/host/session'
import { setUpBigAssembliesPg } from '../../tests/support/big-assemblies-postgres'
import { post, spawnHost } from './lib/host'
import { processCpuMs, runOnPostgres } from './lib/pg-bench'

// PG_SURGE_COMMUNITIES shrinks the city for a quick look; the figure is for 100.
const COMMUNITIES = Number(process.env.PG_SURGE_COMMUNITIES || 100)
const OWNERS = 5_000
const MOTIONS = 5
const CLIENTS = Number(process.env.PG_SURGE_CLIENTS || 200)
const BALLOTS = Number(process.env.PG_SURGE_BALLOTS || 20_000)
const VIA = process.env.PG_SURGE_VIA === 'http' ? 'http' : 'registry'
// Connections from the host (or the in-process pool) to PostgreSQL, as the
// host's DATABASE_POOL_SIZE default. The functions run in the same process as
// the ballots' JavaScript, so a connection sits idle while that process works;
// on this machine (TCP, 100 communities) 4 connections gave about 900 ballots/s,
// 8 about 970, 16 about 1,190 and 32 about 830.
const POOL = Number(process.env.PG_SURGE_POOL || 16)

let seed = 20_261_128
const rand = (n: number): number => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0
  return Math.floor((seed / 2 ** 32) * n)
}
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.99) - 1]

// CPU time is what a shared machine cannot blur: with it the report says what
// one ballot costs the host and the database, whatever else was running.
const SURGE_APP = 'gj-vote-surge'
const cpuOf = (pid: number): number => processCpuMs(pid) ?? 0
const withApp = (base: string, extra: Record<string, string>) => {
  const u = new URL(base)
  for (const [k, v] of Object.entries(extra)) u.searchParams.set(k, v)
  return u.toString()
}

const dataDir = mkdtempSync(join(tmpdir(), 'gj-bench-pg-vote-'))
let host: ChildProcess | null = null
process.on('exit', () => {
  host?.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

/** The bundled host on this schema; resolves with its port once it prints its address. */
function startHost(url: string, schema: string): Promise<number> {
  const db = withApp(url, { options: `-c search_path=${schema}`, application_name: SURGE_APP })
  const started = spawnHost(dataDir, { DATABASE_URL: db, DATABASE_POOL_SIZE: String(POOL) })
  host = started.child
  return started.port
}

const now = Date.now()
runOnPostgres('pg-vote-surge', { max: 10, now: () => now }, async (ports, { url, schema }) => {
  let t = performance.now()
  const communities = await setUpBigAssembliesPg(ports.pool, { communities: COMMUNITIES, owners: OWNERS, motions: MOTIONS, now })
  console.log(`已写入 ${COMMUNITIES} 个小区 × ${OWNERS} 位业主，用时 ${((performance.now() - t) / 1000).toFixed(1)} s`)

  // Who votes: communities at random; within one, owners in a fixed permutation (7919 is prime to 5,000), so no owner twice.
  const taken = new Array<number>(COMMUNITIES).fill(0)
  const jobs = Array.from({ length: BALLOTS }, () => {
    const n = rand(COMMUNITIES)
    const owner = (taken[n]++ * 7919 + 13) % OWNERS
    return { n, owner, choices: Array.from({ length: MOTIONS }, () => CHOICES[rand(3)]) }
  })

  let send: (job: (typeof jobs)[number], body: string) => Promise<boolean>
  const secret = loadSecret(dataDir)
  let agent: Agent | null = null
  let closeSurge = async () => undefined as void
  if (VIA === 'http') {
    // A failed build must stop the run: an older dist/host/main.js would be measured instead.
    if (spawnSync(process.execPath, ['scripts/build-host.mjs', '--quiet'], { stdio: 'inherit' }).status !== 0) throw new Error('主机构建失败（scripts/build-host.mjs），未测量')
    const port = await startHost(url, schema)
    agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
    send = async (job, body) => {
      const r = await post(agent!, port, '/api/fn/ballot-cast', `${SESSION_COOKIE}=${signSession(secret, communities[job.n].openid(job.owner))}`, body)
      if (r.status === 200 && (JSON.parse(r.text) as { ok: boolean }).ok) return true
      throw new Error(`${r.status} ${r.text}`)
    }
  } else {
    const fn = findFunction('ballot-cast')!
    // Its own pool, so its connections (and their CPU) are the surge's alone.
    const surgePorts = await postgresPorts({ connectionString: withApp(url, { application_name: SURGE_APP }), schema, max: POOL })
    closeSurge = () => surgePorts.close()
    send = async (job, body) => {
      const r = await fn(JSON.parse(body), { principal: { openid: communities[job.n].openid(job.owner) }, ports: surgePorts, devMode: false })
      if (r.ok) return true
      throw new Error(`${r.code} ${r.message}`)
    }
  }

  const acknowledged: typeof jobs = []
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const backends = async () => (await ports.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [SURGE_APP])).rows.map((r) => r.pid)
  const pgCpu = async () => (await backends()).reduce((sum, pid) => sum + cpuOf(pid), 0)
  const cpu0 = { me: process.cpuUsage(), host: host ? cpuOf(host.pid!) : 0, pg: await pgCpu() }
  t = performance.now()
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let j = next++; j < jobs.length; j = next++) {
      const job = jobs[j]
      const c = communities[job.n]
      const body = JSON.stringify({ communityId: c.communityId, assemblyId: c.assemblyId, votes: c.motionIds.map((motionId, k) => ({ motionId, choice: job.choices[k] })) })
      const started = performance.now()
      try {
        await send(job, body)
        acknowledged.push(job)
      } catch (e) {
        errors++
        if (errors <= 3) console.error(`失败：${e instanceof Error ? e.message : String(e)}`)
      }
      latencies.push(performance.now() - started)
    }
  }))
  const seconds = (performance.now() - t) / 1000
  const me = process.cpuUsage(cpu0.me)
  const cpu = { me: (me.user + me.system) / 1000, host: host ? cpuOf(host.pid!) - cpu0.host : 0, pg: (await pgCpu()) - cpu0.pg }
  agent?.destroy()
  console.log(`bench pg_vote_surge_ballots_per_s ${Math.round(BALLOTS / seconds)} ballots/s`)
  console.log(`bench pg_vote_surge_p99 ${p99(latencies).toFixed(1)} ms`)
  console.log(`bench pg_vote_surge_errors ${errors} count`)
  console.log(`（经${VIA === 'http' ? ' HTTP 主机' : '函数注册表（进程内）'}，${CLIENTS} 个并发客户端，${BALLOTS} 张选票，每张 ${MOTIONS} 项议案，连接池 ${POOL}，数据库 ${describeUrl(url)}，用时 ${seconds.toFixed(1)} s）`)
  const per = (ms: number) => (ms / BALLOTS).toFixed(2)
  const server = cpu.host + cpu.pg + (VIA === 'registry' ? cpu.me : 0)
  console.log(`每张选票的 CPU：${VIA === 'http' ? `客户端 ${per(cpu.me)} ms，主机 ${per(cpu.host)} ms` : `进程内函数 ${per(cpu.me)} ms`}，PostgreSQL ${per(cpu.pg)} ms`
    + `；两核全给主机和数据库时约 ${Math.round((2000 * BALLOTS) / server)} 张/秒（本机同时在跑的其他进程不计）`)
  await closeSurge()

  if (host) {
    const exited = new Promise((r) => host!.once('exit', r))
    host.kill('SIGINT')
    await exited
    host = null
  }

  // What was sent and acknowledged, counted here, against what the database holds.
  const expected = new Map<string, number>()
  const perCommunity = new Array<number>(COMMUNITIES).fill(0)
  for (const job of acknowledged) {
    perCommunity[job.n]++
    job.choices.forEach((choice, k) => {
      const key = `${communities[job.n].motionIds[k]}|${choice}`
      expected.set(key, (expected.get(key) ?? 0) + 1)
    })
  }
  const { rows } = await ports.pool.query<{ motion_id: string; choice: string; n: number }>('SELECT motion_id, choice, COUNT(*)::int AS n FROM ballots GROUP BY motion_id, choice')
  const stored = new Map(rows.map((r) => [`${r.motion_id}|${r.choice}`, r.n]))
  const countsExact = stored.size === expected.size && [...expected].every(([k, n]) => stored.get(k) === n)
  let chainsValid = true
  let casts = 0
  for (const [n, c] of communities.entries()) {
    const chain = await ports.audit.all(c.communityId)
    const mine = chain.filter((e) => e.action === 'ballot.cast').length
    casts += mine
    if (mine !== perCommunity[n] || !verifyChain(sha256, chain).valid) chainsValid = false
  }
  const ballotRows = rows.reduce((s, r) => s + r.n, 0)
  console.log(`检查：${ballotRows} 条选票（应为 ${acknowledged.length * MOTIONS}），每个小区每项议案每种选择的票数${countsExact ? '与发送的一致' : '与发送的不一致'}；${casts} 条投票审计记录，${COMMUNITIES} 条哈希链${chainsValid ? '完整' : '有误'}`)
  if (!countsExact || !chainsValid || errors > 0) process.exitCode = 1
})
