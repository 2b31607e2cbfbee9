// The CloudBase disclosure adapter (src/cloud/kit/cloudbase/disclosure.ts)
// with WeChat's cloud SIMULATED by the in-memory fake of wx-server-sdk
// (tests/support/fake-wx-cloud.ts): a year of quarterly reports, a
// correction, owners' questions and the supervisors' watch, run through the
// real cloud functions, answer exactly as on SQLite; a published version is
// only ever added (never rewritten), a second one with its number is refused
// by its _id in either form of the duplicate error; the queries it builds
// (pages of 100, one small document per quarter for the newest list).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbasePorts } from '../../src/cloud/kit/cloudbase'
import { COLLECTIONS, ids, type MotionDecisionDoc } from '../../src/cloud/kit/cloudbase/collections'
import type { AuditDraft, Ports } from '../../src/cloud/kit/ports'
import { publishedWithdrawal } from '../../src/cloud/kit/repair-fund'
import { sha256 } from '../../src/cloud/kit/sha256'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { findFunction } from '../../src/cloud/registry'
import type { Result } from '../../src/contracts/result'
import { verifyChain } from '../../src/domain/audit-chain'
import type { QuarterlyReport } from '../../src/domain/disclosure/report'
import { DEMO_COMMUNITY_ID, DEMO_PEOPLE } from '../../src/seed/demo-community'
import { demoFoundation } from '../../src/seed/demo-foundation'
import { DEMO_MOTIONS, demoQuarters } from '../../src/seed/seed-disclosure'
import { writeFoundationCloudbase } from '../../src/seed/seed-cloudbase'
import { writeFoundationSqlite } from '../../src/seed/seed-sqlite'
import { handReport } from '../support/disclosure-reports'
import { fakeWxCloud, type FakeWxCloud } from '../support/fake-wx-cloud'

jest.setTimeout(60_000)
const C = DEMO_COMMUNITY_ID
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0)
const DAY = 86_400_000
const CHAIR = 'p-li-jianguo'
const openid = (personId: string) => DEMO_PEOPLE.find((p) => p.id === personId)!.openid

interface Platform {
  ports: Ports
  call(name: string, input: unknown, as: string): Promise<Result<any>>
  /** Decisions of assemblies held on paper before the app, as the committee recorded them. */
  recordPaperDecisions(): Promise<void>
  setNow(ms: number): void
  close(): void
}

async function cloudbasePlatform(): Promise<Platform & { cloud: FakeWxCloud }> {
  const cloud = fakeWxCloud()
  let now = T0
  await writeFoundationCloudbase(cloud.database(), demoFoundation(T0))
  const ports = cloudbasePorts(cloud, { notifications: { templates: { 'report.published': { id: 'tmpl-report-published', titleField: 'thing1', bodyField: 'thing2' } } } }, () => now)
  return {
    cloud, ports,
    call: (name, input, as) => findFunction(name)!(input, { principal: { openid: openid(as) }, ports, devMode: false }),
    async recordPaperDecisions() {
      for (const m of DEMO_MOTIONS) {
        await cloud.database().collection<MotionDecisionDoc>(COLLECTIONS.motionDecisions).add({ data: { _id: m.motionId, communityId: m.communityId, matter: m.matter, passed: m.passed, title: m.title, decidedAt: m.decidedAt } })
      }
    },
    setNow(ms) { now = ms },
    close() {},
  }
}

function sqlitePlatform(): Platform {
  const dir = mkdtempSync(join(tmpdir(), 'gj-cb-disclosure-'))
  let now = T0
  const ports = sqlitePorts(join(dir, 'disclosure.db'), () => now)
  ports.db.transaction(() => writeFoundationSqlite(ports.db, demoFoundation(T0)))()
  return {
    ports,
    call: (name, input, as) => findFunction(name)!(input, { principal: { openid: openid(as) }, ports, devMode: false }),
    async recordPaperDecisions() {
      const insert = ports.db.prepare('INSERT INTO motion_decisions (motion_id, community_id, matter, passed, title, decided_at) VALUES (?, ?, ?, ?, ?, ?)')
      for (const m of DEMO_MOTIONS) insert.run(m.motionId, m.communityId, m.matter, m.passed ? 1 : 0, m.title, m.decidedAt)
    },
    setNow(ms) { now = ms },
    close() {
      ports.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const data = <T = any>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`)
  return r.data
}

/** What the phone sends: the report without the divisor, which the server fills in from the roll. */
const asSent = (r: QuarterlyReport) => ({ ...r, utilities: { meters: r.utilities.meters, total: r.utilities.total, basis: r.utilities.basis } })

/** An assembly held in the app with two repair-fund motions (matter 5), its count certified: one passed, one not. */
async function certifiedAssembly(p: Platform): Promise<void> {
  const audit = (action: string): AuditDraft => ({ communityId: C, actorId: CHAIR, action, subject: 'assembly:asm-fund', data: {} })
  await p.ports.voting.callAssembly({
    id: 'asm-fund', communityId: C, title: '维修资金专项表决', notice: '公告', attachments: [], noticeAt: T0 - 60 * DAY, opensAt: T0 - 45 * DAY, closesAt: T0 - 38 * DAY,
    shortNoticeReason: null, createdBy: CHAIR,
    motions: [
      { id: 'mx-pass', matter: 5, title: '使用维修资金更换5栋水泵', body: '', seats: null, candidates: [] },
      { id: 'mx-fail', matter: 5, title: '使用维修资金更换6栋门禁', body: '', seats: null, candidates: [] },
    ],
  }, audit('assembly.call'))
  const outcome = (motionId: string, passed: boolean) => ({ motionId, kind: 'motion', matter: 5, result: { published: { passed } } })
  await p.ports.voting.publishResult('asm-fund', { stage: 'certified', result: { motions: [outcome('mx-pass', true), outcome('mx-fail', false)] }, publishedAt: T0 - 30 * DAY, objectionUntil: null, publishedBy: CHAIR }, audit('assembly.certify'))
}

/**
 * A year of quarterly disclosure through the functions, with the refusals
 * along the way; every answer is logged.
 */
async function scenario(p: Platform): Promise<unknown[]> {
  const log: unknown[] = []
  const run = async (name: string, input: unknown, as: string) => {
    const r = await p.call(name, input, as)
    log.push([name, as, r])
    return r
  }
  await p.recordPaperDecisions()
  await certifiedAssembly(p)
  const year = demoQuarters(T0, 798)
  const [first, second, third, fourth] = year.map((y) => y.quarter)

  p.setNow(T0 - 20 * DAY)
  await run('disclosure-settings', { communityId: C }, 'p-zhao-lei')
  await run('report-draft-save', { communityId: C, quarter: first, report: asSent(year[0].report) }, 'p-zhao-lei')
  await run('report-publish', { communityId: C, quarter: first }, CHAIR) // no fee model yet
  await run('disclosure-settings-set', { communityId: C, feeModel: 'hybrid' }, CHAIR)
  await run('disclosure-settings', { communityId: C }, 'p-zhang-wei')

  // The property company prepares each quarter; the committee publishes it.
  for (const [i, { quarter, report }] of year.entries()) {
    p.setNow(T0 - (20 - i) * DAY)
    await run('report-draft', { communityId: C, quarter }, 'p-zhao-lei')
    await run('report-draft-save', { communityId: C, quarter, report: asSent(report) }, 'p-zhao-lei')
    await run('report-publish', { communityId: C, quarter }, CHAIR)
  }
  await run('report-publish', { communityId: C, quarter: fourth }, CHAIR) // nothing drafted

  // Withdrawals name the decisions that authorise them, in the app or on paper.
  p.setNow(T0 - 10 * DAY)
  const withdrawing = (motionId: string) => asSent(handReport('hybrid', motionId))
  for (const motionId of ['mx-fail', 'm-2026-04', 'm-hj-2026-01', 'm-2026-05', 'm-nope', 'mx-pass']) {
    await run('report-draft-save', { communityId: C, quarter: '2026-Q4', report: withdrawing(motionId) }, 'p-zhao-lei')
  }

  // A correction of the third quarter: the same again, without a reason, then with one.
  p.setNow(T0 - 5 * DAY)
  await run('report-draft', { communityId: C, quarter: third }, CHAIR)
  await run('report-draft-save', { communityId: C, quarter: third, report: asSent(year[2].report) }, CHAIR)
  await run('report-publish', { communityId: C, quarter: third, reason: '重新发布' }, CHAIR) // no change
  const corrected = structuredClone(year[2].report)
  corrected.commonIncome.uses[0].amount -= 10_000
  corrected.commonIncome.closing += 10_000
  await run('report-draft-save', { communityId: C, quarter: third, report: asSent(corrected) }, CHAIR)
  await run('report-publish', { communityId: C, quarter: third }, CHAIR) // no reason
  await run('report-publish', { communityId: C, quarter: third, reason: '记账费多记了 100 元' }, CHAIR)

  // What owners and supervisors read.
  await run('report-quarters', { communityId: C }, 'p-liu-yang')
  await run('report-quarters', { communityId: C, limit: 2 }, 'p-liu-yang')
  for (const quarter of [first, second, third, fourth]) await run('report-detail', { communityId: C, quarter }, 'p-zhang-wei')
  await run('report-detail', { communityId: C, quarter: third, version: 1 }, 'p-zhang-wei')
  await run('report-detail', { communityId: C, quarter: third, version: 3 }, 'p-zhang-wei')

  // Questions on lines, answered once.
  p.setNow(T0 - 4 * DAY)
  const asked = data(await run('report-ask', { communityId: C, quarter: third, lineKey: 'repairFund/支取·消防水泵应急维修', text: '这笔维修资金为什么没有表决？' }, 'p-chen-jing'))
  await run('report-ask', { communityId: C, quarter: fourth, lineKey: 'fees/住宅物业服务费（实收）', text: '收缴率为什么下降了？' }, 'p-zhang-wei')
  await run('report-ask', { communityId: C, quarter: third, lineKey: 'nope', text: '这是什么' }, 'p-zhang-wei')
  await run('report-ask', { communityId: C, quarter: '2026-Q4', lineKey: 'fees/住宅物业服务费（实收）', text: '本季度呢？' }, 'p-zhang-wei') // not published
  p.setNow(T0 - 2 * DAY)
  await run('report-answer', { communityId: C, questionId: asked.id, answer: '属紧急维修，已提请下次业主大会追认。' }, 'p-huang-meiling')
  await run('report-answer', { communityId: C, questionId: asked.id, answer: '改一下答复' }, CHAIR)
  await run('report-answer', { communityId: C, questionId: 99, answer: '没有这个问题' }, CHAIR)
  p.setNow(T0 + 20 * DAY)
  await run('disclosure-watch', { communityId: C }, 'p-sun-li')
  await run('report-detail', { communityId: C, quarter: third }, 'p-liu-yang')

  // What the repairs capability looks up: a withdrawal in the newest published version of its quarter.
  for (const ref of [`${fourth}#1`, `${third}#1`, `${first}#9`, '2030-Q1#1']) log.push(['publishedWithdrawal', ref, await publishedWithdrawal(p.ports, C, ref)])
  log.push(['chain valid', verifyChain(sha256, await p.ports.audit.all(C)).valid, (await p.ports.audit.all(C)).map((e) => [e.seq, e.action, e.subject])])
  return log
}

afterEach(() => jest.restoreAllMocks())

describe('WeChat cloud simulated: disclosure answers as on SQLite', () => {
  test('a year of reports, a correction, questions and the watch: every answer and refusal is the same', async () => {
    const sqlite = sqlitePlatform()
    const cloudbase = await cloudbasePlatform()
    try {
      const [expected, actual] = [await scenario(sqlite), await scenario(cloudbase)]
      const [a, e] = [JSON.parse(JSON.stringify(actual)) as unknown[], JSON.parse(JSON.stringify(expected)) as unknown[]]
      // Entry by entry, so a difference names the step.
      a.forEach((entry, i) => expect([i, entry]).toEqual([i, e[i]]))
      expect(a).toHaveLength(e.length)
      const codes = (actual as Array<[string, string, Result<unknown>]>).filter((x) => x[2] && typeof x[2] === 'object' && 'ok' in x[2] && !x[2].ok).map((x) => (x[2] as { code: string }).code)
      expect(codes).toEqual([
        'REPORT.NO_FEE_MODEL', 'REPORT.NO_DRAFT',
        'REPORT.MOTION_NOT_PASSED', 'REPORT.MOTION_NOT_PASSED', 'REPORT.MOTION_OTHER_COMMUNITY', 'REPORT.MOTION_WRONG_MATTER', 'REPORT.MOTION_UNKNOWN',
        'REPORT.NO_CHANGES', 'REPORT.CORRECTION_REASON_REQUIRED', 'NOT_FOUND',
        'REPORT.NO_SUCH_LINE', 'NOT_FOUND', 'REPORT.ALREADY_ANSWERED', 'NOT_FOUND',
      ])
      // What an owner reads: the newest version of each quarter, newest first; the correction beside the first version.
      const listed = (await cloudbase.ports.disclosure.latestVersions(C, 8)).map((v) => [v.quarter, v.version, v.reason])
      expect(listed).toEqual([['2026-Q3', 1, null], ['2026-Q2', 2, '记账费多记了 100 元'], ['2026-Q1', 1, null], ['2025-Q4', 1, null]])
      // Five publications, each sent to the demo's five owners (李建国, 黄美玲, 王秀英, 张伟, 陈静).
      expect(cloudbase.cloud.sent.filter((m) => m.templateId === 'tmpl-report-published')).toHaveLength(5 * 5)
      // Nothing published is ever rewritten: every version document is the one first added.
      const versions = [...cloudbase.cloud.collections.get(COLLECTIONS.reportVersions)!.values()]
      expect(versions.map((r) => r.doc._id).sort()).toEqual([
        ids.reportVersion(C, '2025-Q4', 1), ids.reportVersion(C, '2026-Q1', 1), ids.reportVersion(C, '2026-Q2', 1), ids.reportVersion(C, '2026-Q2', 2), ids.reportVersion(C, '2026-Q3', 1),
      ])
      expect(versions.every((r) => r.version === 1)).toBe(true)
    } finally {
      sqlite.close()
    }
  })
})

/** The bare port on a fresh simulated cloud with the demo foundation. */
async function port() {
  const p = await cloudbasePlatform()
  const d = p.ports.disclosure
  const publishAudit = (quarter: string, version: number): AuditDraft => ({ communityId: C, actorId: CHAIR, action: 'report.publish', subject: `report:${quarter}:v${version}`, data: { quarter, version } })
  const publish = (quarter: string, version: number, at = T0, reason: string | null = version > 1 ? '更正' : null) =>
    d.publish({ communityId: C, quarter, version, feeModel: 'hybrid', report: handReport('hybrid'), reason, by: CHAIR, at }, publishAudit(quarter, version))
  const everything = () => JSON.stringify([...p.cloud.collections.entries()].map(([name, docs]) => [name, [...docs.entries()]]))
  return { ...p, d, publish, everything }
}

/** Quarters from 1990-Q1 on, oldest first. */
const quartersFrom1990 = (n: number) => Array.from({ length: n }, (_, i) => `${1990 + Math.floor(i / 4)}-Q${(i % 4) + 1}`)

describe('WeChat cloud simulated: a published version is only ever added', () => {
  test.each(['E11000', 'DATABASE_DUPLICATE_WRITE'] as const)('the same number again (%s) is refused by its _id as REPORT.VERSION_TAKEN and writes nothing', async (style) => {
    const p = await port()
    p.cloud.duplicateStyle = style
    const v1 = await p.publish('2026-Q3', 1)
    await p.d.saveDraft({ communityId: C, quarter: '2026-Q3', report: handReport('lump-sum'), by: CHAIR, at: T0 + 1 })
    p.cloud.queries.length = 0
    const before = p.everything()
    await expect(p.publish('2026-Q3', 1, T0 + 2)).rejects.toMatchObject({ code: 'REPORT.VERSION_TAKEN', details: { version: 1 } })
    expect(p.everything()).toBe(before)
    // The refusal is the add itself: publishing read no versions first.
    expect(p.cloud.queries.filter((q) => q.collection === COLLECTIONS.reportVersions)).toEqual([])
    expect(await p.d.versions(C, '2026-Q3')).toEqual([v1])
  })

  test('a database error that is not a duplicate stays an error: not VERSION_TAKEN, nothing stored, no detail leaked to the caller', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined) // the host logs the error; the caller sees none of it
    const p = await port()
    await p.d.setFeeModel({ communityId: C, feeModel: 'hybrid', by: CHAIR, at: T0 }, { communityId: C, actorId: CHAIR, action: 'disclosure.fee-model', subject: `community:${C}`, data: {} })
    data(await p.call('report-draft-save', { communityId: C, quarter: '2026-Q3', report: asSent(handReport('hybrid', null)) }, CHAIR))
    const db = p.cloud.database()
    const real = db.runTransaction
    // -502001 alone is any failed request (here a timeout); only with E11000 is it a duplicate.
    db.runTransaction = () => Promise.reject(Object.assign(new Error('errCode: -502001 database request fail | network timeout'), { errCode: -502001 }))
    const r = await p.call('report-publish', { communityId: C, quarter: '2026-Q3' }, CHAIR)
    db.runTransaction = real
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(JSON.stringify(r)).not.toMatch(/502001|timeout/)
    expect(p.cloud.collections.get(COLLECTIONS.reportVersions)?.size ?? 0).toBe(0)
    expect(await p.d.draft(C, '2026-Q3')).not.toBeNull()
  })

  test('three corrections published at once: numbers 2, 3, 4 each stand once, the newest-quarter index ends at 4, and no version document was ever rewritten', async () => {
    const p = await port()
    await p.publish('2026-Q3', 1)
    await Promise.all([4, 2, 3].map((v) => p.publish('2026-Q3', v, T0 + v)))
    expect((await p.d.versions(C, '2026-Q3')).map((v) => v.version)).toEqual([1, 2, 3, 4])
    expect(p.cloud.collections.get(COLLECTIONS.reportQuarters)!.get(ids.reportQuarter(C, '2026-Q3'))!.doc).toEqual({ _id: ids.reportQuarter(C, '2026-Q3'), communityId: C, quarter: '2026-Q3', latest: 4 })
    expect((await p.d.latestVersions(C, 1)).map((v) => v.version)).toEqual([4])
    expect([...p.cloud.collections.get(COLLECTIONS.reportVersions)!.values()].every((r) => r.version === 1)).toBe(true)
    expect(verifyChain(sha256, await p.ports.audit.all(C)).valid).toBe(true)
  })

  test('a correction without a reason is refused before anything is written (the SQL tables\' CHECK)', async () => {
    const p = await port()
    await p.publish('2026-Q3', 1)
    const before = p.everything()
    await expect(p.publish('2026-Q3', 2, T0, '  ')).rejects.toThrow('must state its reason')
    await expect(p.publish('2026-Q3', 0, T0)).rejects.toThrow('not a number from 1')
    expect(p.everything()).toBe(before)
  })
})

describe('WeChat cloud simulated: the queries the adapter builds', () => {
  test('the newest 110 of 120 quarters: two pages of the per-quarter index (100 + 10), then the versions by _id in runs of 100', async () => {
    const p = await port()
    const quarters = quartersFrom1990(120)
    for (const q of quarters) await p.publish(q, 1)
    await p.publish('2000-Q1', 2) // a correction: the list shows version 2 for that quarter
    p.cloud.queries.length = 0
    const listed = await p.d.latestVersions(C, 110)
    const newestFirst = [...quarters].reverse().slice(0, 110)
    expect(listed.map((v) => v.quarter)).toEqual(newestFirst)
    expect(listed.find((v) => v.quarter === '2000-Q1')).toMatchObject({ version: 2, reason: '更正', publishedByName: '李建国' })
    expect(listed.filter((v) => v.version !== 1).map((v) => v.quarter)).toEqual(['2000-Q1'])
    const _ = p.cloud.database().command
    const wanted = newestFirst.map((q) => ids.reportVersion(C, q, q === '2000-Q1' ? 2 : 1))
    expect(p.cloud.queries).toEqual([
      { collection: COLLECTIONS.reportQuarters, where: { communityId: C }, orderBy: [['quarter', 'desc']], skip: 0, limit: 100 },
      { collection: COLLECTIONS.reportQuarters, where: { communityId: C }, orderBy: [['quarter', 'desc']], skip: 100, limit: 10 },
      { collection: COLLECTIONS.reportVersions, where: { _id: _.in(wanted.slice(0, 100)) }, orderBy: [], skip: 0, limit: 100 },
      { collection: COLLECTIONS.reportVersions, where: { _id: _.in(wanted.slice(100)) }, orderBy: [], skip: 0, limit: 100 },
      // The publisher's name, once.
      { collection: COLLECTIONS.people, where: { _id: _.in([CHAIR]) }, orderBy: [], skip: 0, limit: 100 },
    ])
    expect(await p.d.latestVersions(C, 200)).toHaveLength(120)
    expect(await p.d.latestVersions('c-none', 10)).toEqual([])
  })

  test('130 questions on one quarter come back whole, oldest first, read in pages of 100; answered ones leave the open list', async () => {
    const p = await port()
    await p.publish('2026-Q3', 1)
    await p.publish('2026-Q2', 1)
    // Asked in shuffled time order, some at the same moment (then by number).
    const times = Array.from({ length: 130 }, (_, i) => T0 + ((i * 37) % 65) * 1000)
    const asked = []
    for (const [i, at] of times.entries()) {
      asked.push(await p.d.ask({ communityId: C, quarter: '2026-Q3', version: 1, lineKey: 'fees/住宅物业服务费', lineLabel: '住宅物业服务费', by: i % 2 ? 'p-zhang-wei' : 'p-chen-jing', text: `问题 ${i + 1}`, at }))
    }
    expect(asked.map((q) => q.id)).toEqual(Array.from({ length: 130 }, (_, i) => i + 1))
    await p.d.ask({ communityId: C, quarter: '2026-Q2', version: 1, lineKey: 'fees/住宅物业服务费', lineLabel: '住宅物业服务费', by: 'p-zhang-wei', text: '上季度', at: T0 })
    const expected = [...asked].sort((x, y) => x.askedAt - y.askedAt || x.id - y.id)

    p.cloud.queries.length = 0
    const listed = await p.d.questions(C, '2026-Q3')
    expect(listed).toEqual(expected)
    expect(listed.slice(0, 2).map((q) => q.askerName)).toEqual(expected.slice(0, 2).map((q) => (q.askedBy === 'p-zhang-wei' ? '张伟' : '陈静')))
    expect(p.cloud.queries.filter((q) => q.collection === COLLECTIONS.reportQuestions)).toEqual([0, 100].map((skip) => (
      { collection: COLLECTIONS.reportQuestions, where: { communityId: C, quarter: '2026-Q3' }, orderBy: [['askedAt', 'asc'], ['id', 'asc']], skip, limit: 100 }
    )))

    await p.d.answer({ communityId: C, id: expected[0].id, answer: '已答复', by: CHAIR, at: T0 + DAY }, { communityId: C, actorId: CHAIR, action: 'report.answer', subject: `question:${expected[0].id}`, data: {} })
    p.cloud.queries.length = 0
    const open = await p.d.openQuestions(C)
    expect(open).toHaveLength(130)
    expect(open.map((q) => q.id)).not.toContain(expected[0].id)
    expect(p.cloud.queries.filter((q) => q.collection === COLLECTIONS.reportQuestions).map((q) => q.where)).toEqual([{ communityId: C, open: true }, { communityId: C, open: true }])
  })

  test('twenty owners asking at once get twenty different numbers; the counter ends at twenty', async () => {
    const p = await port()
    await p.publish('2026-Q3', 1)
    const asked = await Promise.all(Array.from({ length: 20 }, (_, i) => p.d.ask({ communityId: C, quarter: '2026-Q3', version: 1, lineKey: 'fees/住宅物业服务费', lineLabel: '住宅物业服务费', by: 'p-zhang-wei', text: `问题 ${i}`, at: T0 })))
    expect(asked.map((q) => q.id).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(p.cloud.collections.get(COLLECTIONS.questionCounters)!.get(C)!.doc).toMatchObject({ last: 20 })
    expect(await p.d.questions(C, '2026-Q3')).toHaveLength(20)
  })

  test('a motion\'s decision is read by _id only: the app\'s own motion by its certified count, else the paper record, else none', async () => {
    const p = await port()
    await p.recordPaperDecisions()
    await certifiedAssembly(p)
    p.cloud.queries.length = 0
    expect(await p.d.motionDecision(C, 'mx-pass')).toEqual({ motionId: 'mx-pass', communityId: C, matter: 5, passed: true, title: '使用维修资金更换5栋水泵' })
    expect(await p.d.motionDecision(C, 'mx-fail')).toMatchObject({ motionId: 'mx-fail', passed: false })
    expect(await p.d.motionDecision(C, 'm-2025-03')).toEqual({ motionId: 'm-2025-03', communityId: C, matter: 5, passed: true, title: '使用维修资金更换3栋两部电梯' })
    expect(await p.d.motionDecision(C, 'm-hj-2026-01')).toMatchObject({ communityId: 'c-huajing' })
    expect(await p.d.motionDecision(C, 'm-none')).toBeNull()
    expect(p.cloud.queries).toEqual([])
  })
})
