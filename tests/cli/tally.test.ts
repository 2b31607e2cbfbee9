// The independent recount, run exactly as an owner would run it: a child
// process on a folder of CSV files. Expected figures are worked out by hand.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

jest.setTimeout(30_000)

const ROOT = resolve(__dirname, '../..')
let base: string
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'gj-tally-'))
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

let seq = 0
function folder(files: Record<string, string>): string {
  const dir = join(base, `case-${++seq}`)
  mkdirSync(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

function tally(dir: string) {
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/tally.ts', dir], { cwd: ROOT, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

// Written the way a spreadsheet exports it: BOM, CRLF, quoted cells, columns in
// any order, an extra column, a cell with a line break.
const ROLL = [
  '\uFEFFbuilding,unit_id,note,area,owner_key',
  '1栋,A1,"赵, 一",100.50,o1',
  '1栋,A2,,50,o1',
  '2栋,B1,"说""明""",80.25,o2',
  '2栋,B2,,70.1,o3',
  '3栋,D1,"未售\r\n待交付",200,dev',
  '3栋,D2,未售,200.00,dev',
].join('\r\n') + '\r\n'
// T = 100.50 + 50 + 80.25 + 70.10 + 200 + 200 = 700.85 m²; heads o1, o2, o3, dev = 4.

const MOTIONS = 'motion_id,matter,title\r\nm1,5,使用维修资金\r\nm2,6,筹集维修资金\r\nm3,1,议事规则\r\nm4,8,共有部分经营\r\n'

const BALLOTS = [
  'unit_id,motion_id,choice',
  'A1,m1,agree',
  'A2,m1,agree', //   o1 again, same choice: one ballot
  'B1,m1,oppose',
  'D2,m1,agree',
  'B2,m1,abstain',
  'A1,m2,agree',
  'D1,m2,agree',
  'D2,m2,agree', //   the developer again: one ballot
  'B1,m2,oppose',
  'A2,m3,agree',
  'A1,m4,agree',
  'B1,m4,agree',
  'B2,m4,agree',
  'D1,m4,agree',
].join('\n') + '\n'

const good = { 'roll.csv': ROLL, 'motions.csv': MOTIONS, 'ballots.csv': BALLOTS }
const total = { area: '700.85', heads: 4 }
const none = { area: '0.00', heads: 0 }

test('the recount of a hand-made assembly', () => {
  const r = tally(folder(good))
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  expect(JSON.parse(r.stdout)).toEqual({
    motions: [
      {
        // o1 150.50 agree, o2 80.25 oppose, dev 400.00 agree, o3 70.10 abstain: everyone took part.
        // Y = 550.50 m² but 2 of 4 heads: 2 × 2 = 4 is not > 4, so the abstention sinks it.
        motion_id: 'm1',
        matter: 5,
        threshold: 'ordinary',
        total,
        participating: { area: '700.85', heads: 4 },
        agree: { area: '550.50', heads: 2 },
        oppose: { area: '80.25', heads: 1 },
        abstain: { area: '70.10', heads: 1 },
        quorum_met: true,
        passed: false,
      },
      {
        // o1, dev agree; o2 opposes. P = 630.75 m², 3 heads: 3 × 630.75 ≥ 2 × 700.85, 9 ≥ 8.
        // Area: 4 × 550.50 = 2202 ≥ 3 × 630.75 = 1892.25; heads: 4 × 2 = 8 < 9. Not passed.
        motion_id: 'm2',
        matter: 6,
        threshold: 'special',
        total,
        participating: { area: '630.75', heads: 3 },
        agree: { area: '550.50', heads: 2 },
        oppose: { area: '80.25', heads: 1 },
        abstain: none,
        quorum_met: true,
        passed: false,
      },
      {
        // Only o1 (150.50 m², 1 head): 100 % agree, no quorum.
        motion_id: 'm3',
        matter: 1,
        threshold: 'ordinary',
        total,
        participating: { area: '150.50', heads: 1 },
        agree: { area: '150.50', heads: 1 },
        oppose: none,
        abstain: none,
        quorum_met: false,
        passed: false,
      },
      {
        // Everyone agrees.
        motion_id: 'm4',
        matter: 8,
        threshold: 'special',
        total,
        participating: total,
        agree: total,
        oppose: none,
        abstain: none,
        quorum_met: true,
        passed: true,
      },
    ],
  })
})

test('motions with no ballots still appear, in motions.csv order', () => {
  const r = tally(folder({ ...good, 'motions.csv': 'matter,motion_id\n9,z1\n2,a1\n', 'ballots.csv': 'unit_id,motion_id,choice\n' }))
  expect(r.code).toBe(0)
  const out = JSON.parse(r.stdout)
  expect(out.motions.map((m: { motion_id: string; quorum_met: boolean; passed: boolean }) => [m.motion_id, m.quorum_met, m.passed])).toEqual([
    ['z1', false, false],
    ['a1', false, false],
  ])
  expect(out.motions[0].participating).toEqual(none)
})

describe('bad input exits 2 naming the file and the line', () => {
  const refused = (files: Record<string, string>, file: string, line: number, ...words: string[]) => {
    const r = tally(folder({ ...good, ...files }))
    expect(r.stdout).toBe('')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${file} 第 ${line} 行`)
    for (const w of words) expect(r.stderr).toContain(w)
  }

  test('an unknown unit', () => refused({ 'ballots.csv': 'unit_id,motion_id,choice\nA1,m1,agree\nZ9,m1,agree\n' }, 'ballots.csv', 3, 'Z9', 'roll.csv'))

  test('an unknown motion', () => refused({ 'ballots.csv': 'unit_id,motion_id,choice\nA1,m7,agree\n' }, 'ballots.csv', 2, 'm7', 'motions.csv'))

  test('a matter outside 1–9', () => {
    refused({ 'motions.csv': 'motion_id,matter\nm1,5\nm2,10\n' }, 'motions.csv', 3, '10', '1–9')
    refused({ 'motions.csv': 'motion_id,matter\nm1,0\n' }, 'motions.csv', 2, '1–9')
  })

  test('an owner with conflicting choices on one motion (from two of their units)', () =>
    refused({ 'ballots.csv': 'unit_id,motion_id,choice\nA1,m1,agree\nB1,m1,oppose\nA2,m1,oppose\n' }, 'ballots.csv', 4, 'o1', 'm1', '第 2 行', '同意', '反对'))

  test('the same unit and motion twice, even with the same choice', () =>
    refused({ 'ballots.csv': 'unit_id,motion_id,choice\nA1,m1,agree\nB1,m1,agree\nA1,m1,agree\n' }, 'ballots.csv', 4, 'A1', '第 2 行'))

  test('a malformed number', () => {
    refused({ 'roll.csv': 'unit_id,building,area,owner_key\nA1,1栋,100.5,o1\nA2,1栋,80.505,o2\n' }, 'roll.csv', 3, '80.505')
    refused({ 'roll.csv': 'unit_id,building,area,owner_key\nA1,1栋,"1,000",o1\n' }, 'roll.csv', 2, '1,000')
    refused({ 'motions.csv': 'motion_id,matter\nm1,五\n' }, 'motions.csv', 2, '五')
  })

  test('the line is the physical line, after a quoted cell spanning two lines', () =>
    refused({ 'roll.csv': 'unit_id,building,area,owner_key,note\nA1,1栋,100,o1,"两\n行"\nA2,1栋,abc,o1,\n' }, 'roll.csv', 4, 'abc'))

  test('a choice that is not agree, oppose or abstain', () => refused({ 'ballots.csv': 'unit_id,motion_id,choice\nA1,m1,yes\n' }, 'ballots.csv', 2, 'yes'))

  test('a missing header', () => refused({ 'motions.csv': 'm1,5\n' }, 'motions.csv', 1, 'motion_id'))

  test('a missing file names the file', () => {
    const dir = folder({ 'roll.csv': ROLL, 'motions.csv': MOTIONS })
    const r = tally(dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('ballots.csv')
  })
})
