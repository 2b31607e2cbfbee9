// The CloudBase repairs adapter (src/cloud/kit/cloudbase/repairs.ts) with
// WeChat's cloud SIMULATED by the in-memory fake of wx-server-sdk
// (tests/support/fake-wx-cloud.ts): a month of repairs, run through the real
// cloud functions, answers exactly as on SQLite; request numbers come from the
// community's counter document; a change from a stale read is refused by the
// version read inside the transaction; the queries it builds (keyset pages
// of 100, the database grouping pending communities) and its error mapping.
import { COLLECTIONS, type RepairFundLinkDoc } from '../../src/cloud/kit/cloudbase/collections'
import type { RepairEvent } from '../../src/cloud/kit/repairs-port'
import { sha256 } from '../../src/cloud/kit/sha256'
import type { Result } from '../../src/contracts/result'
import { verifyChain } from '../../src/domain/audit-chain'
import { DAY, HOUR, MINUTE, commitmentFor } from '../../src/domain/repairs/commitments'
import { applyRepair, reportRepair, type RepairLocation, type RepairRequest } from '../../src/domain/repairs/request'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { demoQuarters } from '../../src/seed/seed-disclosure'
import { DEMO_COMMITMENTS } from '../../src/seed/seed-repairs'
import { asSent, handReport } from '../support/disclosure-reports'
import { fakeWxCloud } from '../support/fake-wx-cloud'
import { cloudbasePlatform, data, expectSameLogs, numberTokens, recorder, REPORT_PUBLISHED, sqlitePlatform, type Platform } from '../support/platforms'
import { CHEN, LIU, STAFF, ZHANG, common, unit } from '../support/repair-people'

jest.setTimeout(60_000)
const T0 = Date.UTC(2026, 10, 2, 2, 0, 0) // 2026-11-02 10:00 in Shanghai
const COMMITTEE = 'p-li-jianguo'

/**
 * A fortnight of repairs through the functions, with the refusals along the
 * way; every answer is logged. Request ids are random (and so are the audit
 * hashes over them), so each is replaced by its order of appearance before
 * two logs are compared.
 */
async function scenario(p: Platform): Promise<unknown[]> {
  const { log, run } = recorder(p)
  const at = (ms: number) => p.setNow(T0 + ms)
  const ref = (id: string) => ({ communityId: C, id })
  const report = async (as: string, location: RepairLocation, category: string, urgency: string, description: string) =>
    data(await run('repair-report', { communityId: C, location, category, urgency, description }, as)).id as string
  const handle = (id: string, action: Record<string, unknown>) => run('repair-handle', { ...ref(id), action }, STAFF)

  await run('repair-settings', { communityId: C }, ZHANG)
  await run('repair-commitments-set', { communityId: C, commitments: DEMO_COMMITMENTS }, COMMITTEE)
  await run('repair-areas-set', { communityId: C, areas: ['小区大门', '地下车库', '中心花园'] }, COMMITTEE)
  await run('repair-areas-set', { communityId: C, areas: ['小区大门', '小区大门'] }, COMMITTEE) // repeated
  await run('repair-settings', { communityId: C }, LIU)

  // Reports: his flat, his tenant's door, a common area; a place not theirs, an area not on the list.
  const leak = await report(ZHANG, unit('1栋', '0202'), 'water', 'urgent', '厨房水管漏水')
  at(5 * MINUTE)
  const door = await report(LIU, unit('1栋', '0203'), 'door', 'normal', '入户门锁坏了')
  at(10 * MINUTE)
  const garden = await report(CHEN, common('中心花园'), 'public', 'normal', '路灯不亮')
  await run('repair-report', { communityId: C, location: unit('4栋', '0302'), category: 'water', urgency: 'normal', description: '不是我家' }, ZHANG)
  await run('repair-report', { communityId: C, location: common('快递驿站'), category: 'public', urgency: 'normal', description: '不在列表' }, CHEN)

  // The queue a page at a time: the leak (due 10:30), then the door (14:05), then the lamp (18:10).
  const first = data(await run('repair-queue', { communityId: C, limit: 2 }, STAFF))
  await run('repair-queue', { communityId: C, after: first.next, limit: 2 }, STAFF)
  await run('repair-queue', { communityId: C }, 'p-sun-li')

  // The leak: handled, completed, reopened, handled again, confirmed with 4 stars.
  at(20 * MINUTE)
  await handle(leak, { kind: 'accept' })
  await handle(leak, { kind: 'accept' }) // already accepted
  await handle(leak, { kind: 'assign', worker: '李师傅' })
  await handle(leak, { kind: 'start' })
  at(2 * HOUR)
  await handle(leak, { kind: 'complete', note: '更换了三通', photos: [] })
  await run('repair-confirm', { ...ref(leak), rating: 6 }, ZHANG) // out of range
  at(DAY)
  await run('repair-reopen', { ...ref(leak), reason: '还在滴水' }, ZHANG)
  at(DAY + 10 * MINUTE)
  await handle(leak, { kind: 'accept' })
  await handle(leak, { kind: 'assign', worker: '李师傅' })
  await handle(leak, { kind: 'start' })
  at(DAY + HOUR)
  await handle(leak, { kind: 'complete', note: '重新密封', photos: [] })
  at(2 * DAY)
  await run('repair-confirm', { ...ref(leak), rating: 4, comment: '第二次修好了' }, ZHANG)
  await run('repair-detail', ref(leak), ZHANG)

  // The door: nobody answered within 4 hours; the tenant urges (once), the job escalates (once).
  at(2 * DAY + HOUR)
  await run('repair-urge', ref(door), LIU)
  await run('repair-urge', ref(door), LIU)
  await run('repair-jobs', { communityId: C }, STAFF)
  await run('repair-jobs', { communityId: C }, COMMITTEE)
  await run('repair-detail', ref(door), LIU)
  await run('repair-detail', ref(door), CHEN) // not his: the same answer as a request that does not exist

  // The lamp is completed and left alone: it confirms itself seven days later.
  at(2 * DAY + 2 * HOUR)
  await handle(garden, { kind: 'accept' })
  await handle(garden, { kind: 'assign', worker: '电工老周' })
  await handle(garden, { kind: 'start' })
  await handle(garden, { kind: 'complete', note: '换了灯泡', photos: [] })
  at(9 * DAY + 2 * HOUR - 1)
  await run('repair-jobs', { communityId: C }, STAFF)
  at(9 * DAY + 2 * HOUR)
  await run('repair-jobs', { communityId: C }, STAFF)

  await run('repair-list', { communityId: C, scope: 'mine' }, ZHANG)
  await run('repair-list', { communityId: C, scope: 'mine' }, LIU)
  await run('repair-list', { communityId: C, scope: 'common' }, ZHANG)
  await run('repair-queue', { communityId: C }, STAFF)
  await run('repair-stats', { communityId: C, month: '2026-11' }, COMMITTEE)
  await run('audit-log', { communityId: C, limit: 200 }, 'p-sun-li')
  return log
}

/**
 * Repairs paid from the repair fund: the year's quarterly reports published
 * through the disclosure functions (three of them with one withdrawal each:
 * 2026-Q1 电梯 ¥368,000.00, 2026-Q2 消防水泵 ¥26,500.00, 2026-Q3 外墙
 * ¥412,300.00), a draft with a withdrawal and another community's report
 * beside them; the committee links repairs to withdrawals, is refused
 * references that name none of ours, and everyone reads the links back.
 * Each refusal is followed by whether it left everything stored as it was.
 */
async function fundScenario(p: Platform): Promise<unknown[]> {
  const { log, run } = recorder(p)
  const refusedWritingNothing = async (name: string, input: unknown, as: string) => {
    const before = p.snapshot()
    await run(name, input, as)
    log.push(['wrote nothing', p.snapshot() === before])
  }
  const link = (id: string, withdrawalId: string) => ({ communityId: C, id, withdrawalId })

  // The property company drafts each quarter; the committee publishes it, its withdrawals naming the decisions on paper.
  p.setNow(T0 - 30 * DAY)
  await p.recordPaperDecisions()
  await run('disclosure-settings-set', { communityId: C, feeModel: 'hybrid' }, COMMITTEE)
  for (const { quarter, report } of demoQuarters(T0, 798)) {
    await run('report-draft-save', { communityId: C, quarter, report: asSent(report) }, STAFF)
    await run('report-publish', { communityId: C, quarter }, COMMITTEE)
  }
  // This quarter's withdrawal is only drafted; another community published one for a quarter in which ours had none.
  await run('report-draft-save', { communityId: C, quarter: '2026-Q4', report: asSent(handReport('hybrid')) }, STAFF)
  await p.addCommunity('c-other', '别的小区')
  await p.ports.disclosure.publish({ communityId: 'c-other', quarter: '2025-Q4', version: 1, feeModel: 'commission', report: handReport('commission', null), reason: null, by: COMMITTEE, at: T0 - 30 * DAY },
    { communityId: 'c-other', actorId: COMMITTEE, action: 'report.publish', subject: 'report:2025-Q4:v1', data: {} })

  // Three repairs: the outer wall reported twice, the fire pump once.
  p.setNow(T0)
  await run('repair-commitments-set', { communityId: C, commitments: DEMO_COMMITMENTS }, COMMITTEE)
  await run('repair-areas-set', { communityId: C, areas: ['1栋外墙', '消防泵房'] }, COMMITTEE)
  const reported = async (as: string, area: string, description: string) =>
    data(await run('repair-report', { communityId: C, location: common(area), category: 'public', urgency: 'normal', description }, as)).id as string
  const wall = await reported(CHEN, '1栋外墙', '外墙渗水到楼道')
  const wallAgain = await reported(ZHANG, '1栋外墙', '外墙又渗水了')
  const pump = await reported(CHEN, '消防泵房', '消防水泵漏水')

  at(p, HOUR)
  await run('repair-fund-withdrawals', { communityId: C }, COMMITTEE)
  await run('repair-link-fund', link(wall, '2026-Q3#1'), COMMITTEE)
  // Free text, a position past the quarter's one withdrawal, a quarter only drafted, a withdrawal of another community's report.
  for (const ref of ['外墙维修那笔', '2026-Q3#2', '2026-Q4#1', '2025-Q4#1']) await refusedWritingNothing('repair-link-fund', link(wallAgain, ref), COMMITTEE)
  await refusedWritingNothing('repair-link-fund', link(wall, '2026-Q2#1'), COMMITTEE) // already linked
  // One withdrawal may pay for several repairs.
  await run('repair-link-fund', link(wallAgain, '2026-Q3#1'), COMMITTEE)
  await run('repair-link-fund', link(pump, '2026-Q2#1'), 'p-huang-meiling')

  // What the committee, the reporter and every member read back.
  at(p, 2 * HOUR)
  await run('repair-fund-withdrawals', { communityId: C }, COMMITTEE)
  await run('repair-detail', { communityId: C, id: wall }, CHEN)
  await run('repair-detail', { communityId: C, id: pump }, COMMITTEE)
  for (const quarter of ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']) await run('report-detail', { communityId: C, quarter }, LIU)
  log.push(['chain valid', verifyChain(sha256, await p.ports.audit.all(C)).valid])
  return log
}
const at = (p: Platform, ms: number) => p.setNow(T0 + ms)

const normalise = (log: unknown): string => numberTokens(JSON.stringify(log), /r_[0-9a-f]{20}|\b[0-9a-f]{64}\b/g, (m) => (m.length === 64 ? 'hash' : 'request'))

// Notices without a subscription template are logged and skipped; not what these tests check.
beforeEach(() => { jest.spyOn(console, 'warn').mockImplementation(() => undefined) })
afterEach(() => jest.restoreAllMocks())

describe('WeChat cloud simulated: repairs answer as on SQLite', () => {
  test('a fortnight of repairs from report to confirmation: every answer, refusal, list, job run and month figure is the same', async () => {
    const sqlite = sqlitePlatform(T0)
    const cloudbase = await cloudbasePlatform(T0)
    try {
      const [expected, actual] = [await scenario(sqlite), await scenario(cloudbase)]
      expectSameLogs(actual, expected, normalise)
      // The log really holds what a person would check.
      const answers = actual as Array<[string, string, Result<any>]>
      expect(answers.filter(([, , r]) => !r.ok).map(([, , r]) => (r as { code: string }).code)).toEqual([
        'REPAIR.AREAS_INVALID', 'REPAIR.NOT_YOUR_UNIT', 'REPAIR.UNKNOWN_AREA', 'REPAIR.ILLEGAL_TRANSITION', 'REPAIR.RATING_RANGE', 'REPAIR.ALREADY_URGED', 'REPAIR.NOT_FOUND',
      ])
      const queue = answers.filter(([name]) => name === 'repair-queue').map(([, , r]) => (r.ok ? r.data.items.map((x: { no: number }) => x.no) : null))
      // At the end only the door is still owed: the leak was confirmed, the lamp confirmed itself.
      expect(queue).toEqual([[1, 2], [3], [1, 2, 3], [2]])
      const jobs = answers.filter(([name]) => name === 'repair-jobs').map(([, , r]) => r.ok && r.data)
      // Day 2: the door (4 h) and the lamp (8 h) were never answered; each is escalated once. Day 9: the lamp confirms itself.
      expect(jobs).toEqual([{ autoConfirmed: 0, escalated: 2 }, { autoConfirmed: 0, escalated: 0 }, { autoConfirmed: 0, escalated: 0 }, { autoConfirmed: 1, escalated: 0 }])
      expect(verifyChain(sha256, await cloudbase.ports.audit.all(C)).valid).toBe(true)
      // Three numbers handed out, by the community's counter.
      expect(cloudbase.cloud.collections.get(COLLECTIONS.repairNumbers)!.get(C)!.doc).toEqual({ _id: C, lastNo: 3 })
    } finally {
      sqlite.close()
    }
  })
})

describe('WeChat cloud simulated: repairs paid from the repair fund answer as on SQLite', () => {
  test('withdrawals of published reports are listed, linked once, refused when they are not ours, and shown on the repair and in the report', async () => {
    const sqlite = sqlitePlatform(T0)
    const cloudbase = await cloudbasePlatform(T0, { templates: REPORT_PUBLISHED })
    try {
      const [expected, actual] = [await fundScenario(sqlite), await fundScenario(cloudbase)]
      expectSameLogs(actual, expected, normalise)

      const answers = actual.filter((x): x is [string, string, Result<any>] => (x as unknown[]).length === 3)
      // The answers a function gave that were not refusals.
      const of = (name: string) => answers.filter(([n, , r]) => n === name && r.ok).map(([, , r]) => data(r))
      expect(answers.filter(([, , r]) => !r.ok).map(([, , r]) => (r as { code: string }).code)).toEqual([
        'REPAIR.NO_SUCH_WITHDRAWAL', 'REPAIR.NO_SUCH_WITHDRAWAL', 'REPAIR.NO_SUCH_WITHDRAWAL', 'REPAIR.NO_SUCH_WITHDRAWAL', 'REPAIR.ALREADY_LINKED',
      ])
      // Every refusal left everything stored as it was.
      expect(actual.filter((x) => (x as unknown[])[0] === 'wrote nothing')).toEqual(Array.from({ length: 5 }, () => ['wrote nothing', true]))

      // The demo's withdrawals in fen (¥412,300.00, ¥26,500.00, ¥368,000.00), newest quarter first; the pump's had no vote.
      const WALLS = { ref: '2026-Q3#1', quarter: '2026-Q3', position: 1, label: '1–4栋外墙渗漏维修', amount: 41_230_000, motion: { id: 'm-2026-02', title: '使用维修资金维修1–4栋外墙渗漏' } }
      const PUMP = { ref: '2026-Q2#1', quarter: '2026-Q2', position: 1, label: '消防水泵应急维修', amount: 2_650_000, motion: null }
      const LIFTS = { ref: '2026-Q1#1', quarter: '2026-Q1', position: 1, label: '3栋两部电梯更换', amount: 36_800_000, motion: { id: 'm-2025-03', title: '使用维修资金更换3栋两部电梯' } }
      expect(of('repair-fund-withdrawals')).toEqual([
        [{ ...WALLS, linkedRepairs: [] }, { ...PUMP, linkedRepairs: [] }, { ...LIFTS, linkedRepairs: [] }],
        [{ ...WALLS, linkedRepairs: [1, 2] }, { ...PUMP, linkedRepairs: [3] }, { ...LIFTS, linkedRepairs: [] }],
      ])
      const [linked] = of('repair-link-fund')
      expect(linked.fundWithdrawal).toEqual({ ref: '2026-Q3#1', quarter: '2026-Q3', label: '1–4栋外墙渗漏维修', amount: 41_230_000 })
      expect(linked.timeline.at(-1)).toMatchObject({ kind: 'fund_link', data: { withdrawalId: '2026-Q3#1', label: '1–4栋外墙渗漏维修', amount: 41_230_000 } })
      expect(of('repair-detail').map((d) => [d.no, d.fundWithdrawal])).toEqual([
        [1, { ref: '2026-Q3#1', quarter: '2026-Q3', label: '1–4栋外墙渗漏维修', amount: 41_230_000 }],
        [3, { ref: '2026-Q2#1', quarter: '2026-Q2', label: '消防水泵应急维修', amount: 2_650_000 }],
      ])
      // A resident reading each quarter sees which repairs its withdrawals paid for (用于报修单).
      expect(of('report-detail').map((d) => [d.quarter, d.withdrawalRepairs])).toEqual([['2025-Q4', []], ['2026-Q1', [[]]], ['2026-Q2', [[3]]], ['2026-Q3', [[1, 2]]]])
      expect(actual.at(-1)).toEqual(['chain valid', true])
      // One link document a request, keyed by the request: three stand.
      const links = [...cloudbase.cloud.collections.get(COLLECTIONS.repairFundLinks)!.values()].map((x) => x.doc as unknown as RepairFundLinkDoc)
      expect(links.map((l) => [l.no, l.withdrawalId]).sort()).toEqual([[1, '2026-Q3#1'], [2, '2026-Q3#1'], [3, '2026-Q2#1']])
    } finally {
      sqlite.close()
    }
  })
})

/** A request drafted as the report function drafts it, written through the port. */
const reportThrough = (p: Platform, id: string, at: number, over: { communityId?: string; reporterId?: string; location?: RepairLocation } = {}) => {
  const communityId = over.communityId ?? C
  const reporterId = over.reporterId ?? CHEN
  const draft = reportRepair({ id, communityId, reporterId, location: over.location ?? common('小区大门'), category: 'door', urgency: 'normal', description: '坏了', photos: [], preferredTime: null }, commitmentFor(DEMO_COMMITMENTS, 'door', 'normal'), at)
  return p.ports.repairs.create(draft, { at, actorId: reporterId, kind: 'report', status: 'reported', data: {} }, (no) => ({ communityId, actorId: reporterId, action: 'repair.report', subject: `repair:${id}`, data: { no } }))
}
/** The change a command makes, with its timeline entry and audit entry, as runCommand builds them. */
const change = (r: RepairRequest, at: number, actorId = STAFF): [RepairRequest, Omit<RepairEvent, 'seq'>, { communityId: string; actorId: string; action: string; subject: string; data: Record<string, unknown> }] => {
  const { next, data: d } = applyRepair(r, { kind: 'accept' }, at)
  return [next, { at, actorId, kind: 'accept', status: next.status, data: d }, { communityId: r.communityId, actorId, action: 'repair.accept', subject: `repair:${r.id}`, data: {} }]
}

describe('WeChat cloud simulated: numbers and stale writes, by the transaction', () => {
  test('twenty reports at once take 1 to 20 from the counter document, retried one after another, each once', async () => {
    const p = await cloudbasePlatform(T0)
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => reportThrough(p, `r-${i}`, T0 + i)))
    expect(made.map((r) => r.no).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(p.cloud.transactionRetries).toBeGreaterThan(0)
    expect(p.cloud.collections.get(COLLECTIONS.repairNumbers)!.get(C)!.doc).toEqual({ _id: C, lastNo: 20 })
    // Numbering never queried the requests: the counter is the only source.
    expect(p.cloud.queries.filter((q) => q.collection === COLLECTIONS.repairRequests)).toEqual([])
    // Another community counts from 1.
    expect((await reportThrough(p, 'r-other', T0, { communityId: 'c-other' })).no).toBe(1)
  })

  test('a change made from version 1 after someone else wrote version 2 is refused with CONFLICT and writes nothing', async () => {
    const p = await cloudbasePlatform(T0)
    const r = await reportThrough(p, 'r-1', T0)
    await p.ports.repairs.update(...change(r, T0 + MINUTE))
    const before = p.snapshot()
    await expect(p.ports.repairs.update(...change(r, T0 + 2 * MINUTE, 'p-other-staff'))).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(p.snapshot()).toBe(before)
    // The same request named under another community: the same refusal.
    await expect(p.ports.repairs.update(...change({ ...r, communityId: 'c-other' }, T0))).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(p.snapshot()).toBe(before)
  })

  test('five staff accepting at once: one stands, four are refused after their retry read version 2; one timeline entry, one audit entry', async () => {
    const p = await cloudbasePlatform(T0)
    const r = await reportThrough(p, 'r-1', T0)
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => p.ports.repairs.update(...change(r, T0 + MINUTE, `p-staff-${i}`))))
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1)
    for (const x of results.filter((y): y is PromiseRejectedResult => y.status === 'rejected')) expect(x.reason.code).toBe('CONFLICT')
    expect((await p.ports.repairs.timeline('r-1')).map((e) => [e.seq, e.kind])).toEqual([[1, 'report'], [2, 'accept']])
    expect((await p.ports.audit.all(C)).filter((e) => e.action === 'repair.accept')).toHaveLength(1)
    expect(p.cloud.collections.get(COLLECTIONS.repairRequests)!.get('r-1')!.doc).toMatchObject({ version: 2, lastSeq: 2, status: 'accepted' })
  })

  test.each(['E11000', 'DATABASE_DUPLICATE_WRITE'] as const)('a second fund link (%s) is REPAIR.ALREADY_LINKED and writes nothing', async (style) => {
    const p = await cloudbasePlatform(T0)
    p.cloud.duplicateStyle = style
    const r = await reportThrough(p, 'r-1', T0)
    const link = (from: RepairRequest, w: string) => p.ports.repairs.linkFund({ ...from, fundWithdrawalId: w, version: from.version + 1 }, w,
      { at: T0, actorId: COMMITTEE, kind: 'fund_link', status: from.status, data: { withdrawalId: w } },
      { communityId: C, actorId: COMMITTEE, action: 'repair.fund_link', subject: 'repair:r-1', data: { withdrawalId: w } })
    await link(r, '2026-Q3#1')
    const before = p.snapshot()
    await expect(link((await p.ports.repairs.get(C, 'r-1'))!, '2026-Q3#2')).rejects.toMatchObject({ code: 'REPAIR.ALREADY_LINKED' })
    expect(p.snapshot()).toBe(before)
    expect(p.cloud.collections.get(COLLECTIONS.repairFundLinks)!.get('r-1')!.doc).toMatchObject({ withdrawalId: '2026-Q3#1', no: 1, communityId: C })
  })

  test('a database error that is not a duplicate stays an error: the report is not stored, nothing leaks to the reporter', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined) // the host logs the error; the caller sees none of it
    const p = await cloudbasePlatform(T0)
    data(await p.call('repair-commitments-set', { communityId: C, commitments: DEMO_COMMITMENTS }, COMMITTEE))
    const db = p.cloud.database()
    const real = db.runTransaction
    db.runTransaction = () => Promise.reject(Object.assign(new Error('errCode: -502001 database request fail | network timeout'), { errCode: -502001 }))
    const r = await p.call('repair-report', { communityId: C, location: unit('1栋', '0202'), category: 'water', urgency: 'urgent', description: '漏水' }, ZHANG)
    db.runTransaction = real
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(JSON.stringify(r)).not.toMatch(/502001|timeout/)
    expect(p.cloud.collections.get(COLLECTIONS.repairRequests)?.size ?? 0).toBe(0)
  })
})

describe('WeChat cloud simulated: the queries the adapter builds', () => {
  // The operators as the adapter builds them, to compare the queries it sent.
  const op = fakeWxCloud().database().command

  test('the staff queue past 100: keyset pages of 100 on (deadline, number), the cursor as two queries', async () => {
    const p = await cloudbasePlatform(T0)
    // 130 door requests, one a minute, so each is due 4 hours after its report; the ninth is reported with the tenth.
    for (let i = 0; i < 130; i++) await reportThrough(p, `r-${String(i).padStart(3, '0')}`, T0 + (i === 8 ? 9 : i) * MINUTE)
    p.cloud.queries.length = 0
    const all = await p.ports.repairs.queue(C, null, 125)
    expect(all.map((r) => r.no)).toEqual(Array.from({ length: 125 }, (_x, i) => i + 1))
    const due = (no: number) => T0 + 4 * HOUR + (no === 9 ? 9 : no - 1) * MINUTE
    const shape = p.cloud.queries.map((q) => [q.where, q.orderBy, q.limit])
    expect(shape).toEqual([
      [{ communityId: C, dueAt: op.neq(null) }, [['dueAt', 'asc'], ['no', 'asc']], 100],
      [{ communityId: C, dueAt: due(100), no: op.gt(100) }, [['no', 'asc']], 25],
      [{ communityId: C, dueAt: op.and(op.neq(null), op.gt(due(100))) }, [['dueAt', 'asc'], ['no', 'asc']], 25],
    ])

    // From a cursor inside a tie: number 9 shares its deadline with number 10.
    p.cloud.queries.length = 0
    expect((await p.ports.repairs.queue(C, { dueAt: due(9), no: 9 }, 3)).map((r) => r.no)).toEqual([10, 11, 12])
    expect(p.cloud.queries.map((q) => q.where)).toEqual([{ communityId: C, dueAt: due(9), no: op.gt(9) }, { communityId: C, dueAt: op.and(op.neq(null), op.gt(due(9))) }])

    // Past due: strictly before now, every page.
    p.cloud.queries.length = 0
    expect((await p.ports.repairs.overdue(C, due(120) + 1)).map((r) => r.no)).toEqual(Array.from({ length: 120 }, (_x, i) => i + 1))
    expect(p.cloud.queries.map((q) => [q.where.dueAt, q.limit])).toEqual([[op.lt(due(120) + 1), 100], [due(100), 100], [op.and(op.lt(due(120) + 1), op.gt(due(100))), 100]])
  })

  test('a month\'s requests past 100 in report order; the lists newest first; completions awaiting their reporter by number', async () => {
    const p = await cloudbasePlatform(T0)
    for (let i = 0; i < 110; i++) await reportThrough(p, `r-${String(i).padStart(3, '0')}`, T0 + i * HOUR, { reporterId: i % 2 ? ZHANG : CHEN, location: i % 2 ? unit('1栋', '0202') : common('小区大门') })
    p.cloud.queries.length = 0
    const month = await p.ports.repairs.reportedBetween(C, T0 + HOUR, T0 + 108 * HOUR)
    expect(month.map((r) => r.no)).toEqual(Array.from({ length: 107 }, (_x, i) => i + 2))
    expect(p.cloud.queries[0]).toMatchObject({ where: { communityId: C, reportedAt: op.and(op.gte(T0 + HOUR), op.lt(T0 + 108 * HOUR)) }, orderBy: [['reportedAt', 'asc'], ['no', 'asc']], limit: 100 })

    p.cloud.queries.length = 0
    const mine = await p.ports.repairs.mine(C, ZHANG, [{ building: '1栋', unitNo: '0202' }], 3)
    expect(mine.map((r) => r.no)).toEqual([110, 108, 106])
    expect(p.cloud.queries.map((q) => [q.where, q.orderBy, q.limit])).toEqual([
      [{ communityId: C, reporterId: ZHANG }, [['reportedAt', 'desc'], ['no', 'desc']], 3],
      [{ communityId: C, locationKind: 'unit', building: '1栋', unitNo: '0202' }, [['reportedAt', 'desc'], ['no', 'desc']], 3],
    ])
    expect((await p.ports.repairs.common(C, 2)).map((r) => r.no)).toEqual([109, 107])

    p.cloud.queries.length = 0
    expect(await p.ports.repairs.completedBefore(C, T0 + 200 * HOUR)).toEqual([])
    expect(p.cloud.queries.map((q) => [q.where, q.orderBy])).toEqual([[{ communityId: C, status: 'completed', no: op.gt(0) }, [['no', 'asc']]]])
  })

  test('communities with pending requests are grouped by the database, sorted, 100 at a time, each once', async () => {
    const p = await cloudbasePlatform(T0)
    const communities = Array.from({ length: 130 }, (_x, i) => `c-${String(129 - i).padStart(3, '0')}`)
    for (const c of communities) await reportThrough(p, `r-${c}`, T0, { communityId: c })
    // A second request in one community counts it once.
    await reportThrough(p, 'r-c-007-b', T0, { communityId: 'c-007' })
    p.cloud.aggregations.length = 0
    expect(await p.ports.repairs.communitiesWithPending()).toEqual([...communities].sort())
    expect(p.cloud.aggregations).toEqual([
      { collection: COLLECTIONS.repairRequests, stages: [{ match: { pending: true } }, { group: { _id: '$communityId' } }, { sort: { _id: 1 } }, { limit: 100 }] },
      { collection: COLLECTIONS.repairRequests, stages: [{ match: { pending: true, communityId: op.gt('c-099') } }, { group: { _id: '$communityId' } }, { sort: { _id: 1 } }, { limit: 100 }] },
    ])
    expect(p.cloud.queries.filter((q) => q.collection === COLLECTIONS.repairRequests)).toEqual([])
  })

  test('a timeline past 100 steps reads back whole, in order, 100 at a time', async () => {
    const p = await cloudbasePlatform(T0)
    let r = await reportThrough(p, 'r-1', T0)
    // Urging and escalating do not end a request: 120 more steps on one overdue request, as a stubborn reporter and the jobs might.
    for (let i = 0; i < 120; i++) {
      const next = { ...r, version: r.version + 1 }
      await p.ports.repairs.update(next, { at: T0 + i, actorId: null, kind: 'escalate', status: 'reported', data: { i } }, { communityId: C, actorId: null, action: 'repair.escalate', subject: 'repair:r-1', data: {} })
      r = next
    }
    p.cloud.queries.length = 0
    const timeline = await p.ports.repairs.timeline('r-1')
    expect(timeline.map((e) => e.seq)).toEqual(Array.from({ length: 121 }, (_x, i) => i + 1))
    expect(timeline[120]).toEqual({ seq: 121, at: T0 + 119, actorId: null, kind: 'escalate', status: 'reported', data: { i: 119 } })
    expect(p.cloud.queries.map((q) => [q.collection, q.where, q.limit])).toEqual([
      [COLLECTIONS.repairEvents, { requestId: 'r-1', seq: op.gt(0) }, 100],
      [COLLECTIONS.repairEvents, { requestId: 'r-1', seq: op.gt(100) }, 100],
    ])
  })
})
