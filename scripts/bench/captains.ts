// The captains' board of a large community through the local host's code
// path: the real `rect-board` cloud function (input parsing, caller
// resolution, role check) against SQLite. 5,000 units in 25 buildings,
// 20,000 items spread over a year in every state. Prints
// `bench captain_board_first_page <median ms> ms` (committee, whole community)
// and `bench captain_board_building_page <median ms> ms` (a captain's building).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { writeItemStep, writeNewItem } from '../../src/cloud/kit/sqlite/captains'
import { findFunction } from '../../src/cloud/registry'
import { CATEGORIES } from '../../src/domain/captains/categories'
import { applyCommand, raiseItem, type Command } from '../../src/domain/captains/rectification'
import type { Actor } from '../../src/domain/captains/actor'

const UNITS = 5_000
const BUILDINGS = 25
const ITEMS = 20_000
const RUNS = 25
const NOW = Date.UTC(2026, 10, 28, 2)
const DAY = 86_400_000
const C = 'c-bench'

let seed = 20_261_128
const rand = (): number => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0
  return seed / 2 ** 32
}

const dir = mkdtempSync(join(tmpdir(), 'gj-bench-captains-'))
const ports = sqlitePorts(join(dir, 'bench.db'), () => NOW)
const db = ports.db
const buildings = Array.from({ length: BUILDINGS }, (_, b) => `${b + 1}栋`)
const unitNo = (i: number) => `${String(Math.floor(i / 4) + 1).padStart(2, '0')}${String((i % 4) + 1).padStart(2, '0')}`

db.transaction(() => {
  db.prepare('INSERT INTO communities (id, name, settings, created_at) VALUES (?, ?, ?, ?)').run(C, '基准小区', '{}', NOW)
  db.prepare('INSERT INTO roll_versions (community_id, version, created_at, units, total_area, total_heads, buildings) VALUES (?, 1, ?, ?, ?, ?, ?)').run(C, NOW, UNITS, UNITS * 9000, UNITS, '[]')
  const unit = db.prepare("INSERT INTO roll_units (community_id, version, building, unit_no, area, area_basis, owner_key, owner_names, phones, developer_unsold) VALUES (?, 1, ?, ?, 9000, 'registered', ?, '业主', '', 0)")
  for (let u = 0; u < UNITS; u++) unit.run(C, buildings[u % BUILDINGS], unitNo(Math.floor(u / BUILDINGS)), `O${u}`)
  const person = db.prepare('INSERT INTO people (id, openid, name, phone, created_at) VALUES (?, ?, ?, NULL, ?)')
  const member = db.prepare('INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, ?, ?, ?, ?)')
  person.run('committee', 'bench:committee', '主任', NOW)
  member.run(C, 'committee', 'committee', '[]', NOW)
  person.run('captain', 'bench:captain', '楼长', NOW)
  member.run(C, 'captain', 'captain', JSON.stringify(['7栋']), NOW)

  const captain: Actor = { personId: 'captain', roles: ['captain'], captainOf: buildings, units: [] }
  const property: Actor = { personId: 'property', roles: ['property'], captainOf: [], units: [] }
  for (let i = 0; i < ITEMS; i++) {
    const raisedAt = NOW - Math.floor(rand() * 365 * DAY)
    const u = Math.floor(rand() * UNITS)
    const raised = raiseItem({ id: `ri-${i}`, communityId: C, building: buildings[u % BUILDINGS], unitNo: unitNo(Math.floor(u / BUILDINGS)), category: CATEGORIES[i % CATEGORIES.length], description: `第 ${i} 号事项` }, captain, raisedAt)
    writeNewItem(db, raised.item, raised.step, { communityId: C, actorId: 'captain', action: 'rect.raise', subject: `rect:${raised.item.id}`, data: {} })
    // Most items move on: assigned, then completed, then confirmed by their unit.
    const steps: Array<[Command, Actor]> = []
    const depth = rand()
    if (depth > 0.1) steps.push([{ kind: 'assign', assignee: 'property', deadline: raisedAt + 7 * DAY }, captain])
    if (depth > 0.3) steps.push([{ kind: 'complete', note: '已处理' }, property])
    if (depth > 0.45) steps.push([{ kind: 'confirm' }, { personId: 'owner', roles: ['owner'], captainOf: [], units: [raised.item] }])
    let it = raised.item
    steps.forEach(([cmd, actor], k) => {
      const next = applyCommand(it, cmd, actor, raisedAt + (k + 1) * DAY)
      writeItemStep(db, next.item, it.version, next.step, { communityId: C, actorId: actor.personId, action: `rect.${next.step.action}`, subject: `rect:${it.id}`, data: {} })
      it = next.item
    })
  }
})()
db.pragma('optimize')

const board = findFunction('rect-board')!
async function time(openid: string, input: Record<string, unknown>): Promise<number> {
  const samples: number[] = []
  for (let r = 0; r < RUNS + 3; r++) {
    const t0 = performance.now()
    const res = await board({ communityId: C, ...input }, { principal: { openid }, ports, devMode: false })
    const ms = performance.now() - t0
    if (!res.ok) throw new Error(`${res.code}: ${res.message}`)
    const data = res.data as { items: unknown[]; counts: Record<string, number> }
    if (data.items.length !== 20) throw new Error(`expected a full first page, got ${data.items.length}`)
    if (r >= 3) samples.push(ms) // the first calls warm the statement cache
  }
  samples.sort((a, b) => a - b)
  return samples[samples.length >> 1]
}

async function main() {
  const all = await time('bench:committee', { scope: 'all', limit: 20 })
  const building = await time('bench:captain', { scope: 'building', building: '7栋', limit: 20 })
  console.log(`bench captain_board_first_page ${all.toFixed(2)} ms`)
  console.log(`bench captain_board_building_page ${building.toFixed(2)} ms`)
  ports.close()
  rmSync(dir, { recursive: true, force: true })
  if (all > 100) {
    console.error(`看板首页 ${all.toFixed(1)} ms，超过 100 ms 的目标`)
    process.exit(1)
  }
}
void main()
