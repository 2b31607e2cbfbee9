// Owner-roll import of 50,000 units on the PostgreSQL host: the CSV uploaded
// into a fresh schema (the file's bytes live in PostgreSQL too), then the
// committee's two calls exactly as the host runs them — roll-preview, and
// roll-commit, which writes the version, its 50,000 units (one unnest
// statement) and its audit entry in one transaction. Target as on SQLite
// (issue 3): preview + commit ≤ 5 s.
// Wall time suffers when the machine is shared, so the CPU time of this
// process and of the database's backend (one connection: /proc/<pid>/stat,
// where the server runs on this machine) is printed beside it.
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a database it may create a
// schema in); without one it says so and prints no figures.
import { FUNCTIONS } from '../../src/cloud/registry'
import type { Result } from '../../src/contracts/result'
import type { RollCommitOutput, RollPreviewOutput } from '../../src/contracts/roll'
import { processCpuMs, runOnPostgres } from './lib/pg-bench'

const UNITS = 50_000
const PER_BUILDING = 1_000

/**
 * By construction: units 2k and 2k+1 of a building belong to one owner, and
 * every 100th unit (i % 100 === 99) is developer-unsold. Each pair keeps at
 * least one owned unit, so heads = 25,000 owners + 1 developer head.
 */
const EXPECTED_HEADS = UNITS / 2 + 1

function rollCsv(): string {
  const lines = ['楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售']
  for (let i = 0; i < UNITS; i++) {
    const building = `${Math.floor(i / PER_BUILDING) + 1}栋`
    const k = i % PER_BUILDING
    const unitNo = `${String(Math.floor(k / 25) + 1).padStart(2, '0')}${String((k % 25) + 1).padStart(2, '0')}`
    const owner = i - (i % 2)
    lines.push(i % 100 === 99
      ? `${building},${unitNo},120.5,登记,DEV,某某地产有限公司,,是`
      : `${building},${unitNo},${89 + (i % 7)}.${String(i % 100).padStart(2, '0')},登记,O${owner},业主${owner},139${String(owner).padStart(8, '0')},否`)
  }
  return `${lines.join('\r\n')}\r\n`
}

function unwrap<T>(r: Result<unknown>, what: string): T {
  if (!r.ok) {
    console.error(`${what} 失败：${r.code} ${r.message}`)
    process.exit(1)
  }
  return r.data as T
}

// One connection, so every statement runs in the one backend whose CPU is read.
runOnPostgres('pg-roll-import', { max: 1 }, async (ports) => {
  const c = 'c-bench'
  await ports.pool.query("INSERT INTO communities (id, name, settings, created_at) VALUES ($1, '基准小区', '{}', 0)", [c])
  await ports.pool.query("INSERT INTO people (id, openid, name, phone, created_at) VALUES ('p-bench', 'bench:committee', '业委会', NULL, 0)")
  await ports.pool.query("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES ($1, 'p-bench', 'committee', '[]', 0)", [c])
  const inv = { principal: { openid: 'bench:committee' }, ports, devMode: false }
  const bytes = new Uint8Array(Buffer.from(rollCsv(), 'utf8'))
  const { fileId } = unwrap<{ fileId: string }>(await FUNCTIONS['file-upload']({ communityId: c, purpose: 'spreadsheet', name: 'roll.csv', bytes }, inv), '上传')

  const { rows: [{ pid }] } = await ports.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
  // As in roll-import.ts: garbage collected (untimed) before each of the two requests.
  const gc = () => (globalThis as { gc?: () => void }).gc?.()
  gc()
  const [cpu0, server0] = [process.cpuUsage(), processCpuMs(pid)]
  const t0 = performance.now()
  const preview = unwrap<RollPreviewOutput>(await FUNCTIONS['roll-preview']({ communityId: c, fileId }, inv), '预览')
  const t1 = performance.now()
  gc()
  const t1b = performance.now()
  const commit = unwrap<RollCommitOutput>(await FUNCTIONS['roll-commit']({ communityId: c, fileId }, inv), '导入')
  const t2 = performance.now()
  const [cpu, server1] = [process.cpuUsage(cpu0), processCpuMs(pid)]

  const { rows: [stored] } = await ports.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM roll_units WHERE community_id = $1 AND version = 1', [c])
  if (!preview.committable || preview.summary.units !== UNITS || preview.summary.heads !== EXPECTED_HEADS || !commit.created || stored.n !== UNITS) {
    console.error('名册导入结果不对：', JSON.stringify({ committable: preview.committable, units: preview.summary.units, heads: preview.summary.heads, stored: stored.n, problems: preview.problems.slice(0, 5) }))
    process.exit(1)
  }
  console.log(`bench pg_roll_preview_50k ${Math.round(t1 - t0)} ms`)
  console.log(`bench pg_roll_commit_50k ${Math.round(t2 - t1b)} ms`)
  console.log(`bench pg_roll_import_50k_total ${Math.round(t1 - t0 + t2 - t1b)} ms`)
  console.log(`bench pg_roll_import_50k_node_cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms`)
  if (server0 !== null && server1 !== null) console.log(`bench pg_roll_import_50k_server_cpu ${Math.round(server1 - server0)} ms`)
  console.log(`bench pg_roll_import_50k_peak_rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
})
