// Repair requests through the real functions and SQLite, as the demo people.
import { verifyChain } from '../../src/domain/audit-chain'
import { DAY, HOUR, MINUTE } from '../../src/domain/repairs/commitments'
import { sha256 } from '../../src/cloud/kit/sha256'
import type { RepairDetail, RepairQueueOutput } from '../../src/contracts/repairs'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { handReport } from '../support/disclosure-reports'
import { createHarness, expectOk, type Harness } from '../support/harness'

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3])
const PDF = new TextEncoder().encode('%PDF-1.7\n')
const OWNER = 'p-zhang-wei' // owns 1栋0202 and 1栋0203
const TENANT = 'p-liu-yang' // resident of 1栋0203
const STAFF = 'p-zhao-lei'

let h: Harness
let T0: number
beforeEach(() => {
  h = createHarness()
  T0 = h.ports.now()
})
afterEach(() => h.close())

const photo = async (as: string, bytes = JPEG, purpose: 'photo' | 'document' = 'photo') =>
  expectOk(await h.call('file-upload', { communityId: C, purpose, name: 'p.jpg', bytes }, as)).fileId

const leak = (extra: Record<string, unknown> = {}) => ({
  communityId: C,
  location: { kind: 'unit', building: '1栋', unitNo: '0202' },
  category: 'water',
  urgency: 'urgent',
  description: '厨房水管漏水',
  photos: [],
  preferredTime: '今天下午',
  ...extra,
})

async function report(as = OWNER, input = leak()): Promise<RepairDetail> {
  return expectOk(await h.call('repair-report', input, as))
}

/** Calls that must be refused with `code` and write nothing at all. */
async function refused(code: string, name: Parameters<Harness['call']>[0], input: unknown, as: string) {
  const before = h.snapshot()
  const r = await h.call(name, input, as)
  expect(r.ok ? 'ok' : r.code).toBe(code)
  expect(h.snapshot()).toBe(before)
}

const handle = (id: string, action: Record<string, unknown>, as = STAFF) => h.call('repair-handle', { communityId: C, id, action }, as)

test('an owner reports a leak with a photo; staff accept, assign, start, complete with a note; the owner rates it 4 stars; every step is in the audit chain', async () => {
  const fileId = await photo(OWNER)
  const r = await report(OWNER, leak({ photos: [fileId] }))
  expect(r).toMatchObject({ status: 'reported', where: '1栋 0202', reporterName: '张伟', photos: [fileId], preferredTime: '今天下午', actions: [] })
  // Urgent leak: the community promises an answer in 30 minutes.
  expect(r.due).toEqual({ phase: 'response', dueAt: T0 + 30 * MINUTE, overdue: false })

  h.setNow(T0 + 10 * MINUTE)
  expect(expectOk(await h.call('repair-detail', { communityId: C, id: r.id }, STAFF)).actions).toEqual(['accept'])
  expectOk(await handle(r.id, { kind: 'accept' }))
  expectOk(await handle(r.id, { kind: 'assign', worker: '王师傅' }))
  expectOk(await handle(r.id, { kind: 'start' }))
  h.setNow(T0 + 2 * HOUR)
  await refused('REPAIR.NOTE_REQUIRED', 'repair-handle', { communityId: C, id: r.id, action: { kind: 'complete', note: '   ', photos: [] } }, STAFF)
  const after = await photo(STAFF)
  const done = expectOk(await handle(r.id, { kind: 'complete', note: '更换了厨房三通阀', photos: [after] }))
  expect(done).toMatchObject({ status: 'completed', completionNote: '更换了厨房三通阀', completionPhotos: [after], worker: '王师傅', autoConfirmAt: T0 + 2 * HOUR + 7 * DAY, due: null })

  const mine = expectOk(await h.call('repair-detail', { communityId: C, id: r.id }, OWNER))
  expect(mine.actions).toEqual(['confirm', 'reopen'])
  await refused('REPAIR.RATING_RANGE', 'repair-confirm', { communityId: C, id: r.id, rating: 6, comment: '' }, OWNER)
  await refused('REPAIR.RATING_RANGE', 'repair-confirm', { communityId: C, id: r.id, rating: 0, comment: '' }, OWNER)
  // The committee can see the request, but it is not theirs to rate.
  await refused('REPAIR.NOT_REPORTER', 'repair-confirm', { communityId: C, id: r.id, rating: 5, comment: '' }, 'p-li-jianguo')
  const rated = expectOk(await h.call('repair-confirm', { communityId: C, id: r.id, rating: 4, comment: '及时' }, OWNER))
  expect(rated).toMatchObject({ status: 'confirmed', rating: 4, comment: '及时', actions: [] })
  expect(rated.timeline.map((e) => `${e.label}:${e.actorName}`)).toEqual(['提交报修:张伟', '接单:物业', '派工:物业', '开始维修:物业', '完工:物业', '确认并评价:张伟'])

  const chain = await h.ports.audit.all(C)
  expect(chain.filter((e) => e.subject === `repair:${r.id}`).map((e) => e.action)).toEqual(['repair.report', 'repair.accept', 'repair.assign', 'repair.start', 'repair.complete', 'repair.confirm'])
  expect(verifyChain(sha256, chain).valid).toBe(true)
  // Staff heard of the new request; the owner heard of each status change staff made.
  const outbox = h.ports.db.prepare('SELECT recipient_id, title FROM outbox ORDER BY id').all() as Array<{ recipient_id: string; title: string }>
  expect(outbox.map((o) => `${o.recipient_id}:${o.title}`)).toEqual([
    `${STAFF}:新报修 #${r.no}（紧急）`,
    `${OWNER}:您的报修 #${r.no}：已接单`,
    `${OWNER}:您的报修 #${r.no}：已派工`,
    `${OWNER}:您的报修 #${r.no}：维修中`,
    `${OWNER}:您的报修 #${r.no}：待确认`,
  ])
})

test('bad reports are refused with their code and write nothing', async () => {
  const mine = await photo(OWNER)
  const others = await photo('p-chen-jing')
  const pdf = await photo(OWNER, PDF, 'document')
  const ten = await Promise.all(Array.from({ length: 10 }, () => photo(OWNER)))
  await refused('REPAIR.TOO_MANY_PHOTOS', 'repair-report', leak({ photos: ten }), OWNER)
  await refused('REPAIR.PHOTO_WRONG_TYPE', 'repair-report', leak({ photos: [mine, pdf] }), OWNER)
  await refused('REPAIR.PHOTO_NOT_FOUND', 'repair-report', leak({ photos: [others] }), OWNER)
  await refused('REPAIR.PHOTO_NOT_FOUND', 'repair-report', leak({ photos: ['f_000000000000000000000000'] }), OWNER)
  // A PDF never becomes a photo in the first place.
  await refused('FILE.WRONG_TYPE', 'file-upload', { communityId: C, purpose: 'photo', name: 'x.jpg', bytes: PDF }, OWNER)
  // The tenant of 1栋0203 may not report for 1栋0202, next door.
  await refused('REPAIR.NOT_YOUR_UNIT', 'repair-report', leak(), TENANT)
  await refused('REPAIR.UNKNOWN_AREA', 'repair-report', leak({ location: { kind: 'common', area: '火星基地' } }), OWNER)
  await refused('REPAIR.DESCRIPTION_REQUIRED', 'repair-report', leak({ description: '  ' }), OWNER)
  await refused('INVALID_INPUT', 'repair-report', leak({ category: 'roof' }), OWNER)
  await refused('FORBIDDEN', 'repair-report', leak(), STAFF)
  // Nine photos is the limit, and allowed.
  expect((await report(OWNER, leak({ photos: ten.slice(0, 9) }))).photos).toHaveLength(9)
  // The tenant may report for the unit they live in.
  expect((await report(TENANT, leak({ location: { kind: 'unit', building: '1栋', unitNo: '0203' } }))).where).toBe('1栋 0203')
})

test('transitions the state machine forbids are refused through the functions, and only staff handle', async () => {
  const r = await report()
  await refused('REPAIR.ILLEGAL_TRANSITION', 'repair-handle', { communityId: C, id: r.id, action: { kind: 'start' } }, STAFF)
  await refused('REPAIR.ILLEGAL_TRANSITION', 'repair-handle', { communityId: C, id: r.id, action: { kind: 'complete', note: '修好了', photos: [] } }, STAFF)
  await refused('REPAIR.ILLEGAL_TRANSITION', 'repair-confirm', { communityId: C, id: r.id, rating: 5, comment: '' }, OWNER)
  await refused('REPAIR.ILLEGAL_TRANSITION', 'repair-reopen', { communityId: C, id: r.id, reason: '没修' }, OWNER)
  await refused('FORBIDDEN', 'repair-handle', { communityId: C, id: r.id, action: { kind: 'accept' } }, OWNER)
  await refused('FORBIDDEN', 'repair-handle', { communityId: C, id: r.id, action: { kind: 'accept' } }, 'p-li-jianguo')
  expectOk(await handle(r.id, { kind: 'accept' }))
  await refused('REPAIR.ILLEGAL_TRANSITION', 'repair-handle', { communityId: C, id: r.id, action: { kind: 'accept' } }, STAFF)
})

test('a reopened request restarts its clock; the reporter can urge once the promise is missed, once', async () => {
  const r = await report()
  await refused('REPAIR.NOT_OVERDUE', 'repair-urge', { communityId: C, id: r.id }, OWNER)
  h.setNow(T0 + 30 * MINUTE + 1)
  expect(expectOk(await h.call('repair-detail', { communityId: C, id: r.id }, OWNER)).actions).toEqual(['urge'])
  expect(expectOk(await h.call('repair-urge', { communityId: C, id: r.id }, OWNER)).actions).toEqual([])
  await refused('REPAIR.ALREADY_URGED', 'repair-urge', { communityId: C, id: r.id }, OWNER)
  await refused('REPAIR.NOT_REPORTER', 'repair-urge', { communityId: C, id: r.id }, 'p-sun-li')
  expect(h.ports.db.prepare("SELECT recipient_id FROM outbox WHERE kind = 'repair.urge'").pluck().all()).toEqual([STAFF])

  for (const action of [{ kind: 'accept' }, { kind: 'assign', worker: '李师傅' }, { kind: 'start' }, { kind: 'complete', note: '紧固接头', photos: [] }]) expectOk(await handle(r.id, action))
  const reopenAt = T0 + DAY
  h.setNow(reopenAt)
  await refused('INVALID_INPUT', 'repair-reopen', { communityId: C, id: r.id }, OWNER)
  const reopened = expectOk(await h.call('repair-reopen', { communityId: C, id: r.id, reason: '还在滴水' }, OWNER))
  expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, due: { phase: 'response', dueAt: reopenAt + 30 * MINUTE, overdue: false } })
})

test('visibility: a request in a unit is seen by its reporter, the unit owner and the overseers only; common-area requests by every member, the reporter masked', async () => {
  const inUnit = await report(TENANT, leak({ location: { kind: 'unit', building: '1栋', unitNo: '0203' } }))
  const common = await report(TENANT, leak({ location: { kind: 'common', area: '中心花园' }, category: 'public', urgency: 'normal', description: '喷泉水泵漏水' }))
  const sees = async (as: string, id: string) => {
    const r = await h.call('repair-detail', { communityId: C, id }, as)
    return r.ok ? r.data.reporterName : r.code
  }
  const people = [TENANT, OWNER, STAFF, 'p-li-jianguo', 'p-sun-li', 'p-chen-jing', 'p-wang-xiuying']
  expect(await Promise.all(people.map((p) => sees(p, inUnit.id)))).toEqual(['刘洋', '刘洋', '刘洋', '刘洋', '刘洋', 'REPAIR.NOT_FOUND', 'REPAIR.NOT_FOUND'])
  expect(await Promise.all(people.map((p) => sees(p, common.id)))).toEqual(['刘洋', '刘*', '刘洋', '刘洋', '刘洋', '刘*', '刘*'])
  // Someone who cannot see a request cannot act on it either, and learns nothing more than "not found".
  await refused('REPAIR.NOT_FOUND', 'repair-urge', { communityId: C, id: inUnit.id }, 'p-chen-jing')

  const ids = (list: Array<{ id: string }>) => list.map((x) => x.id)
  // The owner's 我的报修 includes the tenant's request in his unit; 陈静's does not.
  expect(ids(expectOk(await h.call('repair-list', { communityId: C, scope: 'mine' }, OWNER)))).toEqual(expect.arrayContaining([inUnit.id]))
  expect(ids(expectOk(await h.call('repair-list', { communityId: C, scope: 'mine' }, 'p-chen-jing')))).not.toContain(inUnit.id)
  const commonList = expectOk(await h.call('repair-list', { communityId: C, scope: 'common' }, 'p-chen-jing'))
  expect(commonList[0]).toMatchObject({ id: common.id, reporterName: '刘*', where: '中心花园' })
  expect(ids(commonList)).not.toContain(inUnit.id)
})

test('the staff queue lists open requests soonest deadline first, a page at a time; owners may not read it', async () => {
  const a = await report(OWNER, leak({ urgency: 'normal' })) // response due in 2 hours
  const b = await report(OWNER, leak()) // response due in 30 minutes
  const pages: string[][] = []
  let after: { dueAt: number; no: number } | null = null
  do {
    const page: RepairQueueOutput = expectOk(await h.call('repair-queue', { communityId: C, after, limit: 3 }, STAFF))
    pages.push(page.items.map((x) => `#${x.no}`))
    after = page.next
  } while (after)
  // Seed (see seed-repairs.ts), due times from now: #6 garage light is 2 hours late (10 h ago, 8 h promise); #5 leak is due
  // in 1 hour (3 h ago, 4 h promise); #3 socket reported 48 h ago, reopened 25 h after: due 48 h after reopening = 25 h ahead.
  // #1, #2 are confirmed and #4 awaits its reporter: not in the queue.
  expect(pages).toEqual([['#6', `#${b.no}`, '#5'], [`#${a.no}`, '#3']])
  const first = expectOk(await h.call('repair-queue', { communityId: C, after: null, limit: 3 }, STAFF)).items[0]
  expect(first.due).toEqual({ phase: 'response', dueAt: T0 - 2 * HOUR, overdue: true })
  await refused('FORBIDDEN', 'repair-queue', { communityId: C, after: null, limit: 3 }, OWNER)
})

test('jobs with now: overdue requests escalate to the committee once; completed ones confirm themselves after 7 days', async () => {
  // Seed #6 (garage light) is already past its 8-hour response promise.
  expect(expectOk(await h.call('repair-jobs', { communityId: C }, STAFF))).toEqual({ autoConfirmed: 0, escalated: 1 })
  expect(expectOk(await h.call('repair-jobs', { communityId: C }, STAFF))).toEqual({ autoConfirmed: 0, escalated: 0 })
  expect(h.ports.db.prepare("SELECT recipient_id FROM outbox WHERE kind = 'repair.escalate' ORDER BY recipient_id").pluck().all()).toEqual(['p-huang-meiling', 'p-li-jianguo'])
  // Seed #4 (lift button) was completed a day ago: it confirms itself 6 days from now, not a millisecond before.
  h.setNow(T0 + 6 * DAY - 1)
  expect(expectOk(await h.call('repair-jobs', { communityId: C }, 'p-li-jianguo')).autoConfirmed).toBe(0)
  h.setNow(T0 + 6 * DAY)
  const run = expectOk(await h.call('repair-jobs', { communityId: C }, 'p-li-jianguo'))
  expect(run.autoConfirmed).toBe(1)
  const four = expectOk(await h.call('repair-detail', { communityId: C, id: 'r-demo-4' }, 'p-chen-jing'))
  expect(four).toMatchObject({ status: 'confirmed', rating: null })
  expect(four.timeline.at(-1)).toMatchObject({ label: '超时自动确认', actorName: '系统' })
  await refused('FORBIDDEN', 'repair-jobs', { communityId: C }, OWNER)
})

test('monthly numbers of the demo month, computed by hand from the seed', async () => {
  // Seed (minutes after report): first acceptance #1 90, #2 200, #3 60, #4 45, #5 20 → median 60.
  // First completion #1 600, #2 3000, #3 300, #4 1440 → median (600 + 1440) / 2 = 1020.
  // Decided: #1–#4, all within (door 240/4320, electric 120/2880, lift 120/1440 exactly at the limit); #5, #6 still running.
  const s = expectOk(await h.call('repair-stats', { communityId: C, month: '2026-11' }, 'p-chen-jing'))
  expect(s).toEqual({
    month: '2026-11',
    requests: 6,
    medianResponseMs: 60 * MINUTE,
    medianCompletionMs: 1020 * MINUTE,
    withinCommitment: { num: 4, den: 4 },
    rating: { sum: 8, count: 2 },
    reopenRate: { num: 1, den: 4 },
  })
  expect(expectOk(await h.call('repair-stats', { communityId: C, month: '2026-10' }, 'p-li-jianguo')).requests).toBe(0)
  await refused('INVALID_INPUT', 'repair-stats', { communityId: C, month: '2026-13' }, 'p-li-jianguo')
})

describe('link to money: a repair paid from the repair fund names a withdrawal of a published quarterly report', () => {
  // The demo publishes 2025-Q4 … 2026-Q3 (the four quarters before 2026-11-28); three of them have one withdrawal each.
  const WALLS = { ref: '2026-Q3#1', quarter: '2026-Q3', position: 1, label: '1–4栋外墙渗漏维修', amount: 41_230_000, motion: { id: 'm-2026-02', title: '使用维修资金维修1–4栋外墙渗漏' } }
  const PUMP = { ref: '2026-Q2#1', quarter: '2026-Q2', position: 1, label: '消防水泵应急维修', amount: 2_650_000, motion: null }
  const LIFTS = { ref: '2026-Q1#1', quarter: '2026-Q1', position: 1, label: '3栋两部电梯更换', amount: 36_800_000, motion: { id: 'm-2025-03', title: '使用维修资金更换3栋两部电梯' } }
  const link = (id: string, withdrawalId: string, as = 'p-li-jianguo') => h.call('repair-link-fund', { communityId: C, id, withdrawalId }, as)

  test('the committee sees every published withdrawal, newest quarter first, with its motion; others may not list them', async () => {
    expect(expectOk(await h.call('repair-fund-withdrawals', { communityId: C }, 'p-li-jianguo'))).toEqual([
      { ...WALLS, linkedRepairs: [] },
      { ...PUMP, linkedRepairs: [] },
      { ...LIFTS, linkedRepairs: [] },
    ])
    for (const who of [OWNER, STAFF, 'p-sun-li']) await refused('FORBIDDEN', 'repair-fund-withdrawals', { communityId: C }, who)
  })

  test('linking records the reference with the label and amount as published; the list, the detail and the accounts show it; once only', async () => {
    const linked = expectOk(await link('r-demo-2', '2026-Q3#1'))
    expect(linked.fundWithdrawalId).toBe('2026-Q3#1')
    expect(linked.fundWithdrawal).toEqual({ ref: '2026-Q3#1', quarter: '2026-Q3', label: '1–4栋外墙渗漏维修', amount: 41_230_000 })
    expect(linked.timeline.at(-1)).toMatchObject({ kind: 'fund_link', label: '关联维修资金', data: { withdrawalId: '2026-Q3#1', label: '1–4栋外墙渗漏维修', amount: 41_230_000 } })
    expect(h.ports.db.prepare('SELECT withdrawal_id FROM repair_fund_links WHERE request_id = ?').pluck().get('r-demo-2')).toBe('2026-Q3#1')
    const chain = await h.ports.audit.all(C)
    expect(chain.at(-1)).toMatchObject({ action: 'repair.fund_link', actorId: 'p-li-jianguo', data: { no: 2, withdrawalId: '2026-Q3#1', label: '1–4栋外墙渗漏维修', amount: 41_230_000 } })
    expect(verifyChain(sha256, chain).valid).toBe(true)

    // One withdrawal may pay for several repairs (the wall leaks were reported more than once).
    expectOk(await link('r-demo-4', '2026-Q3#1'))
    expect(expectOk(await h.call('repair-fund-withdrawals', { communityId: C }, 'p-huang-meiling'))[0]).toEqual({ ...WALLS, linkedRepairs: [2, 4] })
    // Every member reading the quarter's report sees which repairs the money went to.
    expect(expectOk(await h.call('report-detail', { communityId: C, quarter: '2026-Q3' }, 'p-chen-jing')).withdrawalRepairs).toEqual([[2, 4]])
    expect(expectOk(await h.call('report-detail', { communityId: C, quarter: '2026-Q2' }, 'p-chen-jing')).withdrawalRepairs).toEqual([[]])

    await refused('REPAIR.ALREADY_LINKED', 'repair-link-fund', { communityId: C, id: 'r-demo-2', withdrawalId: '2026-Q2#1' }, 'p-li-jianguo')
    await refused('FORBIDDEN', 'repair-link-fund', { communityId: C, id: 'r-demo-3', withdrawalId: '2026-Q2#1' }, STAFF)
    await refused('FORBIDDEN', 'repair-link-fund', { communityId: C, id: 'r-demo-3', withdrawalId: '2026-Q2#1' }, 'p-sun-li')
  })

  test('a reference that names no published withdrawal of this community is refused with its own code and writes nothing', async () => {
    // Another community has published a Q2 report with two withdrawals; ours has one.
    h.ports.db.prepare("INSERT INTO communities (id, name, settings, created_at) VALUES ('c-other', '别的小区', '{}', 0)").run()
    const theirs = handReport('commission')
    theirs.repairFund.withdrawals.push({ label: '水泵更换', amount: 1_000_000, motionId: null })
    theirs.repairFund.closing -= 1_000_000
    await h.ports.disclosure.publish({ communityId: 'c-other', quarter: '2026-Q2', version: 1, feeModel: 'commission', report: theirs, reason: null, by: 'p-li-jianguo', at: T0 }, { communityId: 'c-other', actorId: 'p-li-jianguo', action: 'report.publish', subject: 'report:2026-Q2:v1', data: {} })
    for (const ref of ['w-2026-11-01', '2026-Q2#2', '2026-Q3#0', '2025-Q4#1', '2026-Q4#1', '2026-q3#1']) {
      // 2025-Q4 had no withdrawal; 2026-Q4 is only a draft; references are written exactly as listed.
      await refused('REPAIR.NO_SUCH_WITHDRAWAL', 'repair-link-fund', { communityId: C, id: 'r-demo-2', withdrawalId: ref }, 'p-li-jianguo')
    }
  })

  test('a reference names the newest published version of its quarter: a correction that adds a withdrawal makes it linkable', async () => {
    await refused('REPAIR.NO_SUCH_WITHDRAWAL', 'repair-link-fund', { communityId: C, id: 'r-demo-6', withdrawalId: '2026-Q2#2' }, 'p-li-jianguo')
    const [v1] = await h.ports.disclosure.versions(C, '2026-Q2')
    const corrected = JSON.parse(JSON.stringify(v1.report)) as typeof v1.report
    corrected.repairFund.withdrawals.push({ label: 'B2 车库照明更换', amount: 860_000, motionId: null })
    corrected.repairFund.closing -= 860_000
    await h.ports.disclosure.publish({ communityId: C, quarter: '2026-Q2', version: 2, feeModel: v1.feeModel, report: corrected, reason: '漏记一笔支取', by: 'p-li-jianguo', at: T0 }, { communityId: C, actorId: 'p-li-jianguo', action: 'report.publish', subject: 'report:2026-Q2:v2', data: {} })
    expect(expectOk(await link('r-demo-6', '2026-Q2#2')).fundWithdrawal).toEqual({ ref: '2026-Q2#2', quarter: '2026-Q2', label: 'B2 车库照明更换', amount: 860_000 })
    // Version 1 of the quarter did not have it: no repairs are shown against the old version's lines.
    expect(expectOk(await h.call('report-detail', { communityId: C, quarter: '2026-Q2', version: 1 }, 'p-chen-jing')).withdrawalRepairs).toEqual([[]])
    expect(expectOk(await h.call('report-detail', { communityId: C, quarter: '2026-Q2' }, 'p-chen-jing')).withdrawalRepairs).toEqual([[], [6]])
  })
})

test('the committee sets the service times: new requests follow them, reported ones keep their promise; a table with gaps is refused', async () => {
  const before = await report(OWNER, leak({ category: 'lift', location: { kind: 'common', area: '1栋电梯' }, description: '电梯困人' }))
  expect(before.due).toEqual({ phase: 'response', dueAt: T0 + 15 * MINUTE, overdue: false })
  const table = expectOk(await h.call('repair-settings', { communityId: C }, 'p-li-jianguo')).commitments
  const faster = table.map((c) => (c.category === 'lift' && c.urgency === 'urgent' ? { ...c, responseMinutes: 10, completionMinutes: 60 } : c))
  await refused('REPAIR.COMMITMENTS_INVALID', 'repair-commitments-set', { communityId: C, commitments: faster.slice(1) }, 'p-li-jianguo')
  await refused('REPAIR.COMMITMENTS_INVALID', 'repair-commitments-set', { communityId: C, commitments: [...faster.slice(1), { ...faster[1] }] }, 'p-li-jianguo')
  await refused('REPAIR.COMMITMENTS_INVALID', 'repair-commitments-set', { communityId: C, commitments: faster.map((c) => ({ ...c, responseMinutes: c.completionMinutes + 1 })) }, 'p-li-jianguo')
  await refused('FORBIDDEN', 'repair-commitments-set', { communityId: C, commitments: faster }, STAFF)
  expect(expectOk(await h.call('repair-commitments-set', { communityId: C, commitments: faster }, 'p-li-jianguo'))).toContainEqual({ category: 'lift', urgency: 'urgent', responseMinutes: 10, completionMinutes: 60 })
  const after = await report(OWNER, leak({ category: 'lift', location: { kind: 'common', area: '1栋电梯' }, description: '电梯又困人' }))
  expect(after.due!.dueAt).toBe(T0 + 10 * MINUTE)
  expect(expectOk(await h.call('repair-detail', { communityId: C, id: before.id }, OWNER)).due!.dueAt).toBe(T0 + 15 * MINUTE)
  expect((await h.ports.audit.all(C)).some((e) => e.action === 'repair.commitments' && e.actorId === 'p-li-jianguo')).toBe(true)
})

test('the committee keeps the common areas: add, rename, remove, reorder; requests already reported keep their area text; audited', async () => {
  const settings = async () => expectOk(await h.call('repair-settings', { communityId: C }, OWNER)).commonAreas
  const demo = await settings()
  expect(demo.slice(0, 3)).toEqual(['小区大门', '地下车库', '中心花园'])
  // 小区大门 renamed 南大门 and moved after 地下车库; 儿童游乐区 removed; 快递驿站 added at the end.
  const next = ['地下车库', ' 南大门 ', ...demo.slice(2).filter((a) => a !== '儿童游乐区'), '快递驿站']
  const stored = expectOk(await h.call('repair-areas-set', { communityId: C, areas: next }, 'p-li-jianguo'))
  expect(stored.slice(0, 3)).toEqual(['地下车库', '南大门', '中心花园'])
  expect(stored.at(-1)).toBe('快递驿站')
  expect(stored).toHaveLength(demo.length)
  expect(await settings()).toEqual(stored)
  expect((await h.ports.audit.all(C)).at(-1)).toMatchObject({ action: 'repair.areas', actorId: 'p-li-jianguo', data: { added: ['南大门', '快递驿站'], removed: ['小区大门', '儿童游乐区'] } })

  // Seed #2 was reported at 小区大门 and still says so; a new report must use the new name.
  expect(expectOk(await h.call('repair-detail', { communityId: C, id: 'r-demo-2' }, OWNER)).where).toBe('小区大门')
  await refused('REPAIR.UNKNOWN_AREA', 'repair-report', leak({ location: { kind: 'common', area: '小区大门' }, category: 'door', urgency: 'normal' }), OWNER)
  expect((await report(OWNER, leak({ location: { kind: 'common', area: '南大门' }, category: 'door', urgency: 'normal' }))).where).toBe('南大门')
})

test('a bad list of common areas is refused with every problem named and writes nothing; only the committee may change it', async () => {
  const r = await h.call('repair-areas-set', { communityId: C, areas: ['南大门', '', '南大门', '中'.repeat(31)] }, 'p-li-jianguo')
  expect(r).toMatchObject({ ok: false, code: 'REPAIR.AREAS_INVALID', details: { problems: ['第 2 个公共区域没有填写名称', '「南大门」重复了', `「${'中'.repeat(31)}」超过 30 个字`] } })
  await refused('REPAIR.AREAS_INVALID', 'repair-areas-set', { communityId: C, areas: ['南大门', '南大门'] }, 'p-li-jianguo')
  await refused('REPAIR.AREAS_INVALID', 'repair-areas-set', { communityId: C, areas: Array.from({ length: 101 }, (_, i) => `${i + 1}号楼下`) }, 'p-li-jianguo')
  await refused('INVALID_INPUT', 'repair-areas-set', { communityId: C, areas: '南大门' }, 'p-li-jianguo')
  for (const who of [STAFF, OWNER, 'p-sun-li']) await refused('FORBIDDEN', 'repair-areas-set', { communityId: C, areas: ['南大门'] }, who)
})

test('the local host runs both jobs for every community on its timer pass', async () => {
  const { runRepairJobs } = await import('../../src/cloud/kit/jobs')
  // Seed #6 is already late; seed #4 (completed a day ago) confirms itself in 6 days.
  expect(await runRepairJobs(h.ports)).toEqual({ autoConfirmed: 0, escalated: 1 })
  h.setNow(T0 + 6 * DAY)
  // By then #5 (urgent leak, due in 1 h) and #3 (due in 25 h) are late too.
  expect(await runRepairJobs(h.ports)).toEqual({ autoConfirmed: 1, escalated: 2 })
})
