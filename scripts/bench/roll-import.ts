// Owner-roll import at the size of a large community: 50,000 units uploaded
// into a fresh SQLite database, then the committee's two calls exactly as the
// local host runs them: roll-preview (read, validate, count by the legal rule)
// and roll-commit (which reads the file again and writes 50,000 roll_units rows
// with the version and its audit entry in one transaction).
// Targets (local host, preview + commit): ≤ 5 s, peak RSS ≤ 300 MB. Wall time
// suffers when the machine is shared, so the CPU time is printed beside it.
//
// `npm run bench -- roll-import` measures the roll as CSV, then as XLSX (in a
// fresh process each, so each peak RSS is its own). Flags when run directly
// (`node --expose-gc scripts/run-ts.mjs scripts/bench/roll-import.ts --xlsx`):
// --csv or --xlsx for one of them, --gbk to encode the CSV as GBK.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import iconv from 'iconv-lite'
import { writeXlsx } from '../../src/cloud/kit/xlsx/write'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { FUNCTIONS } from '../../src/cloud/registry'
import type { Result } from '../../src/contracts/result'
import type { RollCommitOutput, RollPreviewOutput } from '../../src/contracts/roll'

const UNITS = 50_000
const BUILDINGS = 50 // 1,000 units each: 40 floors x 25 doors
const PLANS = ['89.36', '102.18', '118.64', '95.52', '76.05']
const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹')
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国志文辉海燕')

/**
 * The roll, by construction: every 50th unit (i % 50 === 1) belongs to the
 * previous unit's owner, every 100th (i % 100 === 99) is developer-unsold.
 * Heads = 50,000 − 1,000 joined units − 500 developer units + 1 developer head.
 */
const EXPECTED_HEADS = UNITS - UNITS / 50 - UNITS / 100 + 1

function rollRows(): string[][] {
  const rows: string[][] = [['楼栋', '房号', '面积', '面积依据', '业主编号', '业主姓名', '手机号', '开发商未售', '备注']]
  let owner = 0
  for (let i = 0; i < UNITS; i++) {
    const b = Math.floor(i / 1000)
    const k = i % 1000
    const unitNo = `${String(Math.floor(k / 25) + 1).padStart(2, '0')}${String((k % 25) + 1).padStart(2, '0')}`
    const name = SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 13) % GIVEN.length] + (i % 3 ? GIVEN[(i * 17) % GIVEN.length] : '')
    const developer = i % 100 === 99
    if (!developer && i % 50 !== 1) owner++
    const key = developer ? 'DEV' : `O${String(owner).padStart(6, '0')}`
    const names = developer ? '某某地产有限公司' : i % 7 === 0 ? `${name}、${SURNAMES[(i * 11) % SURNAMES.length]}某` : name
    rows.push([`${b + 1}栋`, unitNo, PLANS[i % PLANS.length], i % 10 === 9 ? '实测' : '登记', key, names, developer ? '' : `139${String(i).padStart(8, '0')}`, developer ? '是' : '否', ''])
  }
  // A multi-unit owner's second unit repeats the first one's names, as the roll must.
  for (let i = 1; i < rows.length; i++) if ((i - 1) % 50 === 1 && (i - 1) % 100 !== 99) rows[i][5] = rows[i - 1][5]
  return rows
}

/** The workbook as a committee keeps it: text everywhere except the areas, typed as numbers. */
function xlsxBytes(rows: string[][]): Uint8Array {
  return writeXlsx({ name: '业主名册', header: true, rows: rows.map((r, i) => r.map((c, j) => (i > 0 && j === 2 ? Number(c) : c))) })
}

function unwrap<T>(r: Result<unknown>, what: string): T {
  if (!r.ok) {
    console.error(`${what} 失败：${r.code} ${r.message}`)
    process.exit(1)
  }
  return r.data as T
}

/** Uploads the bytes, then previews and commits them through the real functions; exits non-zero unless the roll reads as built. */
async function measure(bytes: Uint8Array, fileName: string, label: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gj-bench-roll-'))
  const ports = sqlitePorts(join(dir, 'bench.db'))
  try {
    const c = 'c-bench'
    ports.db.prepare("INSERT INTO communities (id, name, settings, created_at) VALUES (?, '基准小区', '{}', 0)").run(c)
    ports.db.prepare("INSERT INTO people (id, openid, name, phone, created_at) VALUES ('p-bench', 'bench:committee', '业委会', NULL, 0)").run()
    ports.db.prepare("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, 'p-bench', 'committee', '[]', 0)").run(c)
    const inv = { principal: { openid: 'bench:committee' }, ports, devMode: false }
    const { fileId } = unwrap<{ fileId: string }>(await FUNCTIONS['file-upload']({ communityId: c, purpose: 'spreadsheet', name: fileName, bytes }, inv), '上传')
    ;(globalThis as { gc?: () => void }).gc?.()

    const cpu0 = process.cpuUsage()
    const t0 = process.hrtime.bigint()
    const preview = unwrap<RollPreviewOutput>(await FUNCTIONS['roll-preview']({ communityId: c, fileId }, inv), '预览')
    const t1 = process.hrtime.bigint()
    const cpu1 = process.cpuUsage(cpu0)
    // Preview and commit are two requests, seconds apart while the committee
    // reads the report; the preview's garbage is collected in between. The
    // collection itself is not timed.
    ;(globalThis as { gc?: () => void }).gc?.()
    const cpu2 = process.cpuUsage()
    const t1b = process.hrtime.bigint()
    const commit = unwrap<RollCommitOutput>(await FUNCTIONS['roll-commit']({ communityId: c, fileId }, inv), '导入')
    const t2 = process.hrtime.bigint()
    const cpu3 = process.cpuUsage(cpu2)
    const cpu = { user: cpu1.user + cpu3.user, system: cpu1.system + cpu3.system }

    const stored = ports.db.prepare('SELECT COUNT(*) FROM roll_units WHERE community_id = ? AND version = 1').pluck().get(c)
    if (!preview.committable || preview.summary.units !== UNITS || preview.summary.heads !== EXPECTED_HEADS || preview.summary.buildings.length !== BUILDINGS || !commit.created || stored !== UNITS) {
      console.error('名册导入结果不对：', JSON.stringify({ committable: preview.committable, units: preview.summary.units, heads: preview.summary.heads, stored, problems: preview.problems.slice(0, 5) }))
      process.exit(1)
    }
    const ms = (a: bigint, b: bigint): number => Math.round(Number(b - a) / 1e6)
    console.log(`bench ${label.replace('import', 'preview')} ${ms(t0, t1)} ms`)
    console.log(`bench ${label}_commit ${ms(t1b, t2)} ms`)
    console.log(`bench ${label}_total ${ms(t0, t1) + ms(t1b, t2)} ms`)
    console.log(`bench ${label}_total_cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms`)
    console.log(`bench ${label}_peak_rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
  } finally {
    ports.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs this script again with the flags, in a fresh process: peak RSS never comes down within one. */
function child(flags: string[]): number {
  return spawnSync(process.execPath, ['--expose-gc', __filename, ...flags], { stdio: 'inherit' }).status ?? 1
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--read-xlsx') return measure(new Uint8Array(readFileSync(args[1])), 'roll.xlsx', 'roll_import_50k_xlsx')
  if (!args.includes('--csv') && !args.includes('--xlsx')) {
    const status = child([...args, '--csv']) || child([...args, '--xlsx'])
    process.exit(status)
  }

  const rows = rollRows()
  if (args.includes('--xlsx')) {
    // Written to a file and read by a fresh process, so building it does not count.
    const path = resolve('.tmp/bench-roll-50k.xlsx')
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, xlsxBytes(rows))
    const status = child(['--read-xlsx', path])
    if (!args.includes('--keep')) rmSync(path, { force: true })
    process.exit(status)
  }
  const csv = rows.map((r) => r.join(',')).join('\r\n') + '\r\n'
  rows.length = 0
  const gbk = args.includes('--gbk')
  const bytes = gbk ? new Uint8Array(iconv.encode(csv, 'gbk')) : new Uint8Array(Buffer.from(csv, 'utf8'))
  ;(globalThis as { gc?: () => void }).gc?.()
  await measure(bytes, 'roll.csv', gbk ? 'roll_import_50k_gbk' : 'roll_import_50k')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
