// The CloudBase captains adapter (src/cloud/kit/cloudbase/captains.ts) with
// WeChat's cloud SIMULATED by the in-memory fake of wx-server-sdk
// (tests/support/fake-wx-cloud.ts): a building's month of reception days,
// complaints chased to closure and claims, run through the real cloud
// functions, answers exactly as on SQLite; the timer jobs run twice at once
// change each record once; the queries it builds (the or-conditions as
// disjoint reads, pages of 100, counts by aggregation); and how a refused or
// failed booking is answered.
import { COLLECTIONS, ids } from '../../src/cloud/kit/cloudbase/collections'
import type { Database, Transaction } from '../../src/cloud/kit/cloudbase/sdk'
import { escalateOverdue, sendReceptionReminders } from '../../src/cloud/kit/captains'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import { sha256 } from '../../src/cloud/kit/sha256'
import type { Result } from '../../src/contracts/result'
import { findFunction } from '../../src/cloud/registry'
import { verifyChain } from '../../src/domain/audit-chain'
import type { Actor } from '../../src/domain/captains/actor'
import { planDays } from '../../src/domain/captains/reception'
import { applyCommand, raiseItem, type RectificationItem } from '../../src/domain/captains/rectification'
import { DAY, HOUR, WEEK } from '../../src/domain/captains/time'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { cloudbasePlatform, data, EVERY_TEMPLATE, numberTokens, sqlitePlatform, type Platform } from '../support/platforms'

jest.setTimeout(60_000)
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0) // 2026-11-28 10:00 Shanghai
const MINUTE = 60_000
/** `hour` o'clock Shanghai time on a day of 2026. */
const sh = (month: number, day: number, hour = 10) => Date.UTC(2026, month - 1, day, hour - 8)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
const [LI, HUANG, WANG, ZHANG, CHEN, LIU, ZHAO] = ['p-li-jianguo', 'p-huang-meiling', 'p-wang-xiuying', 'p-zhang-wei', 'p-chen-jing', 'p-liu-yang', 'p-zhao-lei']

/**
 * Reception days planned, booked, moved and cancelled; three items raised,
 * assigned, worked, escalated (by two timer runs at once, too) and closed;
 * the month's figures; the claim board. Every answer is logged; ids are
 * random, so each is replaced by its order of appearance before comparing.
 */
async function scenario(p: Platform): Promise<unknown[]> {
  const log: unknown[] = []
  const run = async (name: string, input: Record<string, unknown>, as: string) => {
    const r = await p.call(name, { communityId: C, ...input }, as)
    log.push([name, as, r])
    return r
  }
  const plan = { building: '1栋', startsAt: sh(12, 5, 9), durationMinutes: 60, weeks: 3, place: '1栋大堂', slotMinutes: 15 }
  const { days } = data(await run('reception-schedule', plan, WANG))
  await run('reception-schedule', { ...plan, building: '4栋' }, WANG) // not her building
  await run('reception-upcoming', { building: '1栋', limit: 50 }, LIU)
  const day = { dayId: days[0].id }
  await run('reception-book', { ...day, slot: 2, note: '电梯的事' }, ZHANG)
  await run('reception-book', { ...day, slot: 2 }, LIU) // taken
  await run('reception-book', { ...day, slot: 3 }, ZHANG) // booked already
  await run('reception-book', { ...day, slot: 2 }, ZHANG) // both: he is told he has booked
  await run('reception-book', { ...day, slot: 1 }, LIU)
  await run('reception-upcoming', { building: '1栋', limit: 2 }, WANG) // the captain sees who booked
  await run('reception-move', { dayId: days[1].id, startsAt: sh(12, 13, 14), reason: '周六停电' }, WANG)
  await run('reception-cancel', { dayId: days[2].id, reason: '楼长出差' }, WANG)
  await run('reception-cancel', { dayId: days[2].id, reason: '再取消一次' }, WANG) // cancelled already
  await run('reception-upcoming', { limit: 50 }, ZHANG)

  const photo = data(await p.call('file-upload', { communityId: C, purpose: 'photo', name: '纸箱.png', bytes: PNG }, WANG)).fileId
  const boxes = data(await run('rect-raise', { building: '1栋', unitNo: '0202', category: 'environment', description: '二楼楼道堆放纸箱', photos: [photo], receptionDayId: days[0].id }, WANG))
  // Ids are random, so items raised at the same moment would tie in a different order on each platform.
  p.setNow(T0 + MINUTE / 2)
  const noise = data(await run('rect-raise', { building: '1栋', unitNo: '0203', category: 'noise', description: '隔壁空调外机噪音大' }, LIU))
  p.setNow(T0 + MINUTE)
  await run('rect-raise', { building: '4栋', unitNo: '0302', category: 'facilities', description: '单元门禁坏了' }, CHEN)
  await run('rect-raise', { building: '1栋', unitNo: '9999', category: 'facilities', description: '没有这户' }, WANG) // not on the roll
  p.setNow(T0 + HOUR)
  await run('rect-act', { itemId: boxes.id, command: { kind: 'assign', assignee: 'property', deadline: T0 + 2 * DAY } }, WANG)
  await run('rect-act', { itemId: noise.id, command: { kind: 'assign', assignee: 'committee', deadline: T0 + 3 * DAY } }, LI)
  await run('rect-act', { itemId: noise.id, command: { kind: 'confirm' } }, LIU) // not done yet
  p.setNow(T0 + DAY)
  await run('rect-act', { itemId: boxes.id, command: { kind: 'progress', note: '已联系住户' } }, ZHAO)
  for (const [scope, as] of [['mine', ZHANG], ['mine', LIU], ['assigned', ZHAO], ['assigned', LI]] as const) await run('rect-board', { scope }, as)
  await run('rect-board', { scope: 'building', building: '1栋' }, CHEN) // not his building
  await run('rect-board', { scope: 'building', building: '1栋' }, WANG)
  const first = data(await run('rect-board', { scope: 'all', limit: 2 }, LI))
  await run('rect-board', { scope: 'all', limit: 2, cursor: first.nextCursor }, LI)

  p.setNow(T0 + 2 * DAY + MINUTE)
  await run('rect-escalate', {}, LI) // the boxes, to the committee
  await run('rect-escalate', {}, LI) // nothing more
  p.setNow(T0 + 3 * DAY + MINUTE)
  // Two timer runs at once: the noise goes to the committee once (which run did it may differ).
  const [a, b] = await Promise.all([escalateOverdue(p.ports, T0 + 3 * DAY + MINUTE), escalateOverdue(p.ports, T0 + 3 * DAY + MINUTE)])
  log.push(['timers', a.toCommittee + b.toCommittee, a.toSupervisors + b.toSupervisors])
  await run('rect-board', { scope: 'all', overdueOnly: true }, HUANG)

  p.setNow(sh(12, 4, 8)) // tomorrow is the 5th
  await run('reception-reminders', {}, LI)
  await run('reception-reminders', {}, WANG) // each reminder once
  p.setNow(T0 + 2 * DAY + MINUTE + WEEK)
  await run('rect-escalate', {}, LI) // the boxes a week with the committee: to the supervisors
  p.setNow(T0 + 10 * DAY)
  await run('rect-act', { itemId: boxes.id, command: { kind: 'complete', note: '纸箱已清走' } }, ZHAO)
  await run('rect-act', { itemId: noise.id, command: { kind: 'complete', note: '已协调加装减震垫' } }, HUANG)
  p.setNow(T0 + 11 * DAY)
  await run('rect-act', { itemId: noise.id, command: { kind: 'reopen', reason: '晚上还是响' } }, LIU)
  await run('rect-act', { itemId: boxes.id, command: { kind: 'confirm' } }, WANG)
  await run('rect-item', { itemId: boxes.id }, LI)
  await run('rect-item', { itemId: noise.id }, ZHANG)
  await run('captain-month', { month: '2026-12' }, WANG)
  await run('captain-month', { month: '2026-11' }, LI)

  for (const [i, title] of ['修剪绿化带', '清理楼顶杂物', '组织义诊'].entries()) {
    p.setNow(T0 + 12 * DAY + i * HOUR)
    await run('claim-publish', { title, detail: '周末' }, LI)
  }
  const { tasks } = data(await run('claim-list', { limit: 2 }, CHEN))
  p.setNow(T0 + 13 * DAY)
  await run('claim-act', { taskId: tasks[0].id, command: { kind: 'claim' } }, CHEN)
  await run('claim-act', { taskId: tasks[0].id, command: { kind: 'dispatch', to: ZHANG } }, LI) // taken already
  await run('claim-act', { taskId: tasks[1].id, command: { kind: 'dispatch', to: ZHANG } }, LI)
  await run('claim-act', { taskId: tasks[0].id, command: { kind: 'done', note: '已修剪' } }, CHEN)
  const page1 = data(await run('claim-list', { limit: 2 }, ZHANG))
  await run('claim-list', { limit: 2, cursor: page1.nextCursor }, ZHANG)
  const exported = data(await p.call('audit-log', { communityId: C, afterSeq: 0, limit: 100 }, 'p-sun-li'))
  log.push(['audit', exported.verdict.valid, exported.entries.map((e: { action: string; actorId: string | null; at: number }) => [e.action, e.actorId, e.at])])
  return log
}

function normalise(log: unknown): unknown {
  return JSON.parse(numberTokens(JSON.stringify(log), /\b(rs|ri|ct)_[0-9a-f]{20}(?![0-9a-f])|\bf_[0-9a-f]{24}(?![0-9a-f])/g, (m) => m.split('_')[0]))
}

describe('WeChat cloud simulated: the captains answer as on SQLite', () => {
  test('reception days, complaints chased to closure with escalation, the month\'s figures and the claim board: every answer and refusal the same', async () => {
    const sqlite = sqlitePlatform(T0)
    const cloudbase = await cloudbasePlatform(T0, { templates: EVERY_TEMPLATE })
    try {
      const expected = normalise(await scenario(sqlite)) as unknown[]
      const actual = normalise(await scenario(cloudbase)) as unknown[]
      // Entry by entry, so a difference names the step.
      actual.forEach((entry, i) => expect([i, entry]).toEqual([i, expected[i]]))
      expect(actual).toHaveLength(expected.length)
      // The log holds what a person would check.
      const refusals = (actual as Array<[string, string, { ok?: boolean; code?: string }]>).filter((e) => e[2] && typeof e[2] === 'object' && e[2].ok === false).map((e) => e[2].code)
      expect(refusals).toEqual([
        'CAPTAIN.NOT_MY_BUILDING', 'RECEPTION.SLOT_TAKEN', 'RECEPTION.ALREADY_BOOKED', 'RECEPTION.ALREADY_BOOKED', 'RECEPTION.CANCELLED',
        'RECT.NO_SUCH_UNIT', 'RECT.ILLEGAL_TRANSITION', 'CAPTAIN.NOT_MY_BUILDING', 'CLAIM.ILLEGAL_TRANSITION',
      ])
      const find = (name: string, as: string, n = 0) => (actual as Array<[string, string, Result<any>]>).filter((e) => e[0] === name && e[1] === as)[n][2]
      expect(actual).toContainEqual(['timers', 1, 0])
      // Tomorrow's day in 1栋 reminds its households: 李建国, 刘洋, 王秀英, 张伟; the second run sends none.
      expect(data(find('reception-reminders', LI))).toEqual({ days: 1, notices: 4 })
      expect(data(find('reception-reminders', WANG))).toEqual({ days: 1, notices: 0 })
      expect(data(find('rect-escalate', LI, 0))).toEqual({ escalated: 1, toCommittee: 1, toSupervisors: 0 })
      expect(data(find('rect-escalate', LI, 2))).toEqual({ escalated: 1, toCommittee: 0, toSupervisors: 1 })
      expect(data(find('rect-item', LI)).steps.map((s: { action: string }) => s.action)).toEqual(['raise', 'assign', 'progress', 'escalate', 'escalate', 'complete', 'confirm'])
      const audit = actual[actual.length - 1] as [string, boolean, unknown[]]
      expect(audit[1]).toBe(true)
    } finally {
      sqlite.close()
    }
  })
})

const CAPTAIN: Actor = { personId: WANG, roles: ['owner', 'captain'], captainOf: ['1栋', '2栋', '3栋'], units: [{ building: '1栋', unitNo: '0302' }] }
const draft = (action: string, subject: string): AuditDraft => ({ communityId: C, actorId: null, action, subject, data: {} })

/** `n` items of 1栋 raised through the port, each assigned to the property with a deadline an hour after the one before. */
async function overdueItems(p: Platform, n: number): Promise<RectificationItem[]> {
  const made: RectificationItem[] = []
  for (let i = 0; i < n; i++) {
    const id = `ri-${String(i).padStart(4, '0')}`
    const { item, step } = raiseItem({ id, communityId: C, building: '1栋', unitNo: '0202', category: 'environment', description: `堆物 ${i}` }, CAPTAIN, T0)
    await p.ports.captains.insertItem(item, step, draft('rect.raise', `rect:${id}`))
    const next = applyCommand(item, { kind: 'assign', assignee: 'property', deadline: T0 + DAY + i * HOUR }, CAPTAIN, T0 + MINUTE)
    await p.ports.captains.saveStep(next.item, item.version, next.step, draft('rect.assign', `rect:${id}`))
    made.push(next.item)
  }
  return made
}

describe('WeChat cloud simulated: the timer jobs, run twice at once, change each record once', () => {
  test('130 overdue items (more than one page): every one escalated once, one step and one audit entry each, the committee told once per item', async () => {
    const p = await cloudbasePlatform(T0, { templates: EVERY_TEMPLATE })
    await overdueItems(p, 130)
    const now = T0 + DAY + 200 * HOUR
    p.cloud.queries.length = 0
    const runs = await Promise.all([escalateOverdue(p.ports, now), escalateOverdue(p.ports, now)])
    expect(runs[0].toCommittee + runs[1].toCommittee).toBe(130)
    expect(runs[0].toSupervisors + runs[1].toSupervisors).toBe(0)
    const items = [...p.cloud.collections.get(COLLECTIONS.rectItems)!.values()].map((r) => r.doc)
    expect(items.every((d) => d.escalation === 1 && d.escalatedAt === now && d.version === 3 && d.stepCount === 3)).toBe(true)
    const escalations = [...p.cloud.collections.get(COLLECTIONS.rectSteps)!.values()].filter((r) => r.doc.action === 'escalate')
    expect(escalations).toHaveLength(130)
    const chain = await p.ports.audit.all(C)
    expect(chain.filter((e) => e.action === 'rect.escalate')).toHaveLength(130)
    expect(verifyChain(sha256, chain).valid).toBe(true)
    // The committee is 李建国 and 黄美玲: two messages per item, whichever run escalated it.
    expect(p.cloud.sent.filter((m) => m.templateId === 'tmpl-rect.escalated')).toHaveLength(260)
    // Each run read the candidates 100 at a time: the due-for-committee part twice (skip 0, 100), the supervisors' part once.
    const reads = p.cloud.queries.filter((q) => q.collection === COLLECTIONS.rectItems)
    const _ = p.cloud.database().command
    const due = { status: _.in(['assigned', 'in_progress', 'reopened']), deadline: _.lte(now) }
    expect(reads.filter((q) => q.where.escalation === 0).map((q) => [q.skip, q.limit ?? 0]).sort((x, y) => x[0] - y[0])).toEqual([[0, 100], [0, 100], [100, 100], [100, 100]])
    expect(reads[0]).toEqual({ collection: COLLECTIONS.rectItems, where: { ...due, escalation: 0 }, orderBy: [['deadline', 'asc'], ['_id', 'asc']], skip: 0, limit: 100 })
    expect(reads.find((q) => q.where.escalation === 1)!.where).toEqual({ ...due, escalation: 1, escalatedAt: _.lte(now - WEEK) })

    // Again, a week on: to the supervisors (孙丽), once each.
    const later = now + WEEK
    const again = await Promise.all([escalateOverdue(p.ports, later), escalateOverdue(p.ports, later)])
    expect(again[0].toSupervisors + again[1].toSupervisors).toBe(130)
    expect((await p.ports.audit.all(C)).filter((e) => e.action === 'rect.escalate')).toHaveLength(260)
    expect(await p.ports.captains.escalationCandidates(later + WEEK, 1000)).toEqual([])
  })

  test('the scheduled-jobs function, fired by two timers at once: the captains\' jobs run on CloudBase, each overdue item escalated once', async () => {
    const p = await cloudbasePlatform(T0, { templates: EVERY_TEMPLATE })
    await overdueItems(p, 3)
    const now = T0 + 2 * DAY
    p.setNow(now)
    // A timer's call carries no OPENID; the event is what the trigger sends.
    const timer = () => findFunction('scheduled-jobs')!({ Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: '2026-11-30T10:00:00Z' }, { principal: null, ports: p.ports, devMode: false })
    const passes = await Promise.all([timer(), timer()])
    for (const pass of passes) expect((data(pass) as { done: string[] }).done).toEqual(expect.arrayContaining(['reception-reminders', 'rectification-escalation']))
    // Deadlines at +1 day, +1 day 1 hour, +1 day 2 hours: all three are past two days on.
    const escalated = [...p.cloud.collections.get(COLLECTIONS.rectItems)!.values()].map((r) => [r.doc._id, r.doc.escalation, r.doc.version])
    expect(escalated).toEqual([['ri-0000', 1, 3], ['ri-0001', 1, 3], ['ri-0002', 1, 3]])
    expect((await p.ports.audit.all(C)).filter((e) => e.action === 'rect.escalate').map((e) => e.subject).sort()).toEqual(['rect:ri-0000', 'rect:ri-0001', 'rect:ri-0002'])
    // A person cannot fire it.
    expect(await p.call('scheduled-jobs', {}, LI)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('reminders sent by two runs at once reach each household of the building once', async () => {
    const p = await cloudbasePlatform(T0, { templates: EVERY_TEMPLATE })
    const days = planDays({ building: '1栋', startsAt: sh(12, 5, 9), durationMinutes: 60, weeks: 2, place: '1栋大堂', note: '', slotMinutes: 15 }, { series: 'rs-1', day: (i) => `rs-1-${i + 1}` }, C, CAPTAIN, T0)
    await p.ports.captains.insertDays(days, draft('reception.schedule', 'reception:rs-1'), T0)
    const runs = await Promise.all([sendReceptionReminders(p.ports, sh(12, 4, 8)), sendReceptionReminders(p.ports, sh(12, 4, 8))])
    expect(runs.map((r) => r.days)).toEqual([1, 1])
    expect(runs[0].notices + runs[1].notices).toBe(4)
    const openids = p.cloud.sent.filter((m) => m.templateId === 'tmpl-reception.reminder').map((m) => m.touser).sort()
    expect(openids).toHaveLength(4)
    expect(new Set(openids).size).toBe(4)
  })
})

describe('WeChat cloud simulated: the queries the adapter builds', () => {
  test('an owner\'s household board: what they raised, and what others raised for each of their units, as disjoint reads; counts by aggregation', async () => {
    const p = await cloudbasePlatform(T0)
    const port = p.ports.captains
    const raise = async (id: string, by: Actor, building: string, unitNo: string, at: number) => {
      const { item, step } = raiseItem({ id, communityId: C, building, unitNo, category: 'environment', description: '堆物' }, by, at)
      await port.insertItem(item, step, draft('rect.raise', `rect:${id}`))
    }
    const ZHANG_ACTOR: Actor = { personId: ZHANG, roles: ['owner'], captainOf: [], units: [{ building: '1栋', unitNo: '0202' }, { building: '1栋', unitNo: '0203' }] }
    await raise('ri-own', ZHANG_ACTOR, '1栋', '0202', T0 - 3 * HOUR) // his, for his flat: counted once
    await raise('ri-for-0203', CAPTAIN, '1栋', '0203', T0 - 2 * HOUR)
    await raise('ri-neighbour', CAPTAIN, '1栋', '0101', T0 - HOUR)
    const household = { personId: ZHANG, units: [...ZHANG_ACTOR.units] }
    p.cloud.queries.length = 0
    p.cloud.aggregations.length = 0
    const page = await port.board({ communityId: C, buildings: null, household, cursor: null, limit: 10 })
    expect(page).toMatchObject({ nextCursor: null })
    expect(page.items.map((i) => i.id)).toEqual(['ri-for-0203', 'ri-own'])
    const _ = p.cloud.database().command
    const $ = p.cloud.database().command.aggregate
    const parts = [
      { communityId: C, raisedBy: ZHANG },
      { communityId: C, building: '1栋', unitNo: '0202', raisedBy: _.neq(ZHANG) },
      { communityId: C, building: '1栋', unitNo: '0203', raisedBy: _.neq(ZHANG) },
    ]
    expect(p.cloud.queries.map((q) => [q.collection, q.where, q.orderBy, q.limit])).toEqual(parts.map((w) => [COLLECTIONS.rectItems, w, [['raisedAt', 'desc'], ['_id', 'desc']], 11]))
    expect(await port.counts({ communityId: C, buildings: null, household })).toEqual({ raised: 2, assigned: 0, in_progress: 0, completed: 0, confirmed: 0, reopened: 0 })
    expect(p.cloud.aggregations).toEqual(parts.map((w) => ({ collection: COLLECTIONS.rectItems, stages: [{ match: w }, { group: { _id: '$status', n: $.sum(1) } }, { limit: 6 }] })))
  })

  test('a page after a cursor reads the ties at its time, then what is older; 150 items come back in pages of 100 and 50, each once', async () => {
    const p = await cloudbasePlatform(T0)
    const port = p.ports.captains
    for (let i = 0; i < 150; i++) {
      const id = `ri-${String(i).padStart(4, '0')}`
      // Three per minute, so every page boundary has ties.
      const { item, step } = raiseItem({ id, communityId: C, building: ['1栋', '2栋'][i % 2], unitNo: '0101', category: 'environment', description: '堆物' }, CAPTAIN, T0 - Math.floor(i / 3) * MINUTE)
      await port.insertItem(item, step, draft('rect.raise', `rect:${id}`))
    }
    p.cloud.queries.length = 0
    const first = await port.board({ communityId: C, buildings: null, cursor: null, limit: 100 })
    // 101 wanted (one more says whether there is a next page): 100, then 1.
    expect(p.cloud.queries.map((q) => [q.skip, q.limit])).toEqual([[0, 100], [100, 1]])
    const last = first.items[99]
    expect(first.nextCursor).toBe(`${last.raisedAt}:${last.id}`)
    p.cloud.queries.length = 0
    const second = await port.board({ communityId: C, buildings: null, cursor: first.nextCursor, limit: 100 })
    const _ = p.cloud.database().command
    expect(p.cloud.queries.map((q) => [q.where, q.orderBy])).toEqual([
      [{ communityId: C, raisedAt: last.raisedAt, _id: _.lt(last.id) }, [['_id', 'desc']]],
      [{ communityId: C, raisedAt: _.lt(last.raisedAt) }, [['raisedAt', 'desc'], ['_id', 'desc']]],
    ])
    expect(second.nextCursor).toBeNull()
    const all = [...first.items, ...second.items].map((i) => i.id)
    // By hand: newest minute first (ri-0000..0002 at T0), ties by id from the highest.
    const expected = Array.from({ length: 150 }, (_x, i) => `ri-${String(i).padStart(4, '0')}`).sort((a, b) => Math.floor(Number(a.slice(3)) / 3) - Math.floor(Number(b.slice(3)) / 3) || (a < b ? 1 : -1))
    expect(all).toEqual(expected)
    // The month's items are read whole, 100 at a time: all 150 are open.
    p.cloud.queries.length = 0
    const facts = await port.monthFacts(C, sh(11, 1, 0), sh(12, 1, 0))
    expect(facts).toHaveLength(150)
    expect(p.cloud.queries.filter((q) => q.where.confirmedAt === null).map((q) => q.skip)).toEqual([0, 100])
  })

  test('the households of a building: its units on the newest roll, their bound owners by owner key, its residents', async () => {
    const p = await cloudbasePlatform(T0)
    p.cloud.queries.length = 0
    expect(await p.ports.captains.householdsOf(C, '1栋')).toEqual([LI, LIU, WANG, ZHANG])
    const _ = p.cloud.database().command
    const asked = p.cloud.queries.map((q) => [q.collection, q.where])
    expect(asked[0]).toEqual([COLLECTIONS.rollVersions, { communityId: C }])
    expect(asked[1]).toEqual([COLLECTIONS.rollUnits, { communityId: C, version: 1, building: '1栋' }])
    const units = [...p.cloud.collections.get(COLLECTIONS.rollUnits)!.values()].map((r) => r.doc).filter((u) => u.building === '1栋')
    const keys = [...new Set(units.map((u) => u.ownerKey as string))]
    // 1栋's owner keys, at most 100 to one `in`.
    const bindingReads = asked.filter(([c]) => c === COLLECTIONS.ownerBindings)
    expect(bindingReads.flatMap(([, w]) => ((w as { ownerKey: { v: string[] } }).ownerKey.v))).toEqual(keys)
    expect(bindingReads.every(([, w]) => (w as { ownerKey: { v: string[] } }).ownerKey.v.length <= 100)).toBe(true)
    expect(bindingReads[0][1]).toEqual({ communityId: C, ownerKey: _.in(keys.slice(0, 100)) })
    expect(asked[asked.length - 1]).toEqual([COLLECTIONS.residentLinks, { communityId: C, building: '1栋' }])
  })
})

describe('WeChat cloud simulated: a booking refused by the database, or failing', () => {
  async function bookingPlatform() {
    const p = await cloudbasePlatform(T0)
    const days = planDays({ building: '1栋', startsAt: sh(12, 5, 9), durationMinutes: 60, weeks: 1, place: '1栋大堂', note: '', slotMinutes: 15 }, { series: 'rs-1', day: (i) => `rs-1-${i + 1}` }, C, CAPTAIN, T0)
    await p.ports.captains.insertDays(days, draft('reception.schedule', 'reception:rs-1'), T0)
    const book = (personId: string, slot: number) => p.ports.captains.book({ dayId: 'rs-1-1', slot, personId, building: '1栋', unitNo: '0202', note: '', bookedAt: T0 }, draft('reception.book', 'reception:rs-1-1'))
    // A collection only named in a transaction that wrote nothing holds nothing: not a difference.
    const everything = () => JSON.stringify([...p.cloud.collections.entries()].filter(([, docs]) => docs.size > 0).map(([name, docs]) => [name, [...docs.entries()]]))
    return { ...p, book, everything }
  }

  test.each(['E11000', 'DATABASE_DUPLICATE_WRITE'] as const)('a taken slot and a second booking (%s) are told apart by which _id refused them, and write nothing', async (style) => {
    const p = await bookingPlatform()
    p.cloud.duplicateStyle = style
    await p.book(ZHANG, 2)
    expect([...p.cloud.collections.get(COLLECTIONS.receptionBookings)!.keys()]).toEqual([ids.booking('rs-1-1', 2)])
    expect([...p.cloud.collections.get(COLLECTIONS.receptionBookers)!.keys()]).toEqual([ids.booker('rs-1-1', ZHANG)])
    const before = p.everything()
    await expect(p.book(LIU, 2)).rejects.toMatchObject({ code: 'RECEPTION.SLOT_TAKEN' })
    await expect(p.book(ZHANG, 3)).rejects.toMatchObject({ code: 'RECEPTION.ALREADY_BOOKED' })
    await expect(p.book(ZHANG, 2)).rejects.toMatchObject({ code: 'RECEPTION.ALREADY_BOOKED' })
    expect(p.everything()).toBe(before)
    // Slots sort as numbers on every platform: 10 after 2.
    await p.book(LIU, 10)
    expect((await p.ports.captains.bookings(['rs-1-1'])).map((b) => [b.slot, b.personId])).toEqual([[2, ZHANG], [10, LIU]])
  })

  test('a database failure that is not a duplicate stays an error: not "taken", nothing stored, nothing leaked to the owner', async () => {
    const p = await bookingPlatform()
    const db: Database = p.cloud.database()
    const real = db.runTransaction.bind(db)
    // -502001 alone is any failed request (here a timeout); only with E11000 is it a duplicate.
    const timeout = () => Promise.reject(Object.assign(new Error('errCode: -502001 database request fail | network timeout'), { errCode: -502001 }))
    db.runTransaction = (fn, times) => real((t: Transaction) => fn({
      collection: (name: string) => (name === COLLECTIONS.receptionBookings ? { ...t.collection(name), add: timeout } : t.collection(name)),
    } as Transaction), times)
    const before = p.everything()
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(p.book(ZHANG, 2)).rejects.toMatchObject({ errCode: -502001 })
    const r = await p.call('reception-book', { communityId: C, dayId: 'rs-1-1', slot: 2 }, ZHANG)
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(JSON.stringify(r)).not.toMatch(/502001|timeout/)
    // The cause is in the function's log, for whoever runs the environment.
    expect(logged).toHaveBeenCalledWith('[reception-book]', expect.objectContaining({ errCode: -502001 }))
    logged.mockRestore()
    expect(p.everything()).toBe(before)
  })
})
