// The disclosure functions against a real SQLite file with the demo community:
// 长城二花园 (综合制), 2025-Q4…2026-Q3 published, and the property company's
// draft of 2026-Q4 whose repair-fund closing is ¥1,000.00 too high.
import iconv from 'iconv-lite'
import { createHarness, expectOk, type Harness } from '../support/harness'
import { handReport } from '../support/disclosure-reports'
import { reportTemplateCsv } from '../../src/domain/disclosure/import'
import { writeXlsx } from '../../src/cloud/kit/xlsx/write'
import type { QuarterlyReport } from '../../src/domain/disclosure/report'

const C = 'c-changcheng2'
const Q = '2026-Q4'
let h: Harness
beforeEach(() => { h = createHarness() })
afterEach(() => h.close())

const draftOf = async (as = 'p-li-jianguo') => expectOk(await h.call('report-draft', { communityId: C, quarter: Q }, as))
const save = (report: unknown, as = 'p-zhao-lei', quarter = Q) => h.call('report-draft-save', { communityId: C, quarter, report }, as)
const fixed = (r: QuarterlyReport): QuarterlyReport => ({ ...r, repairFund: { ...r.repairFund, closing: r.repairFund.closing - 100_000 } })
const upload = async (name: string, bytes: Uint8Array, purpose: 'spreadsheet' | 'document', as = 'p-zhao-lei') =>
  expectOk(await h.call('file-upload', { communityId: C, purpose, name, bytes }, as)).fileId

describe('publishing', () => {
  test('an unbalanced draft is refused with each difference and its amount, and nothing is written', async () => {
    const before = h.snapshot()
    const r = await h.call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo')
    expect(r).toMatchObject({ ok: false, code: 'REPORT.UNBALANCED' })
    if (r.ok) return
    const problems = r.details!.problems as Array<{ section: string; difference: number; message: string }>
    expect(problems.map((p) => [p.section, p.difference])).toEqual([['repairFund', 100_000]])
    expect(r.message).toContain('多了 ¥1,000.00')
    expect(h.snapshot()).toBe(before)
  })

  test('the committee fixes the draft and publishes: audited with the figures\' hash, owners notified, newest quarter first', async () => {
    const view = await draftOf()
    expect(view.source).toBe('draft')
    expect(view.updatedByName).toBe('赵磊')
    const saved = expectOk(await save(fixed(view.report), 'p-li-jianguo'))
    expect(saved.check).toEqual({ balanced: true, problems: [] })
    const published = expectOk(await h.call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo'))
    // Owners in the demo: 李建国, 黄美玲, 王秀英, 张伟, 陈静.
    expect(published).toMatchObject({ quarter: Q, version: 1, notified: 5 })
    const audit = h.ports.db.prepare('SELECT action, actor_id, subject, data FROM audit_log WHERE community_id = ? AND seq = ?').get(C, published.auditSeq) as { action: string; actor_id: string; subject: string; data: string }
    expect(audit).toMatchObject({ action: 'report.publish', actor_id: 'p-li-jianguo', subject: 'report:2026-Q4:v1' })
    expect(JSON.parse(audit.data).sha256).toMatch(/^[0-9a-f]{64}$/)
    const outbox = h.ports.db.prepare("SELECT recipient_id, title FROM outbox WHERE kind = 'report.published' ORDER BY recipient_id").all() as Array<{ recipient_id: string; title: string }>
    expect(outbox.map((o) => o.recipient_id)).toEqual(['p-chen-jing', 'p-huang-meiling', 'p-li-jianguo', 'p-wang-xiuying', 'p-zhang-wei'])
    expect(outbox[0].title).toBe('2026年第四季度财务公开报告已发布')
    expect(expectOk(await h.call('report-draft', { communityId: C, quarter: Q }, 'p-li-jianguo')).source).toBe('correction')

    const quarters = expectOk(await h.call('report-quarters', { communityId: C }, 'p-liu-yang'))
    expect(quarters.map((q) => q.quarter)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4'])
  })

  test('a published quarter never changes: a correction needs a reason, becomes version 2 and shows what changed', async () => {
    const view = await draftOf()
    expectOk(await save(fixed(view.report), 'p-li-jianguo'))
    expectOk(await h.call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo'))

    const corrected = fixed(view.report)
    const cleaning = corrected.spending!.items.findIndex((l) => l.category === 'cleaning')
    corrected.spending!.items[cleaning].amount -= 50_000
    corrected.spending!.total -= 50_000
    corrected.serviceFund!.closing += 50_000
    expectOk(await save(corrected, 'p-li-jianguo'))

    const before = h.snapshot()
    const noReason = await h.call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo')
    expect(noReason).toMatchObject({ ok: false, code: 'REPORT.CORRECTION_REASON_REQUIRED' })
    expect(h.snapshot()).toBe(before)

    const v2 = expectOk(await h.call('report-publish', { communityId: C, quarter: Q, reason: '保洁费重复计入一张 500 元发票' }, 'p-li-jianguo'))
    expect(v2.version).toBe(2)
    const detail = expectOk(await h.call('report-detail', { communityId: C, quarter: Q }, 'p-zhang-wei'))
    expect(detail.versions.map((v) => [v.version, v.reason])).toEqual([[2, '保洁费重复计入一张 500 元发票'], [1, null]])
    expect(detail.changes!.map((c) => [c.label, c.delta])).toEqual([['保洁·保洁外包服务', -50_000], ['支出合计', -50_000], ['期末结余', 50_000]])
    const v1 = expectOk(await h.call('report-detail', { communityId: C, quarter: Q, version: 1 }, 'p-zhang-wei'))
    expect(v1.report.spending!.items[cleaning].amount).toBe(corrected.spending!.items[cleaning].amount + 50_000)

    // Nothing to correct: refused.
    expectOk(await save(corrected, 'p-li-jianguo'))
    expect(await h.call('report-publish', { communityId: C, quarter: Q, reason: '再发一次' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'REPORT.NO_CHANGES' })
  })

  test('the database itself refuses to change or delete a published version', () => {
    expect(() => h.ports.db.prepare("UPDATE report_versions SET body = '{}' WHERE quarter = '2026-Q3'").run()).toThrow('immutable')
    expect(() => h.ports.db.prepare("DELETE FROM report_versions WHERE quarter = '2026-Q3'").run()).toThrow('immutable')
    expect(() => h.ports.db.prepare("INSERT INTO report_versions (community_id, quarter, version, fee_model, body, reason, published_by, published_at, audit_seq) VALUES ('c-changcheng2', '2026-Q3', 2, 'hybrid', '{}', NULL, 'x', 0, 0)").run()).toThrow(/CHECK/)
  })

  test('the openings must continue last quarter\'s published closings', async () => {
    const r = fixed((await draftOf()).report)
    r.commonIncome.opening += 1_000
    r.commonIncome.closing += 1_000
    expectOk(await save(r))
    const refused = await h.call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo')
    expect(refused.ok || (refused.details!.problems as Array<{ code: string; difference: number }>)).toEqual([{ code: 'OPENING_MISMATCH', section: 'commonIncome', expected: expect.any(Number), actual: expect.any(Number), difference: 1_000, message: expect.stringContaining('上季度公布的期末余额') }])
  })

  test('only the committee publishes and sets the fee model', async () => {
    const before = h.snapshot()
    expect(await h.call('report-publish', { communityId: C, quarter: Q }, 'p-zhao-lei')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await h.call('disclosure-settings-set', { communityId: C, feeModel: 'lump-sum' }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await save(handReport('hybrid'), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(h.snapshot()).toBe(before)
    const set = expectOk(await h.call('disclosure-settings-set', { communityId: C, feeModel: 'commission' }, 'p-huang-meiling'))
    expect(set.feeModel).toBe('commission')
    expect(expectOk(await h.call('disclosure-settings', { communityId: C }, 'p-liu-yang')).feeModel).toBe('commission')
    // Under 酬金制 the demo's 综合制 lump sum is no longer allowed.
    const r = fixed((await draftOf()).report)
    expectOk(await save(r))
    const refused = await h.call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo')
    expect(refused.ok ? [] : (refused.details!.problems as Array<{ code: string }>).map((p) => p.code)).toContain('LUMP_SUM')
  })
})

describe('bad input writes nothing', () => {
  test.each([
    ['a fraction of a fen', (r: QuarterlyReport) => { r.fees.billed = 10_000_000.5 }, 'INVALID_INPUT', '不足一分'],
    ['a negative amount', (r: QuarterlyReport) => { r.repairFund.withdrawals[0].amount = -3_000_000 }, 'INVALID_INPUT', '不能是负数'],
    ['a motion that failed', (r: QuarterlyReport) => { r.repairFund.withdrawals[0].motionId = 'm-2026-04' }, 'REPORT.MOTION_NOT_PASSED', '未获业主大会通过'],
    ['another community\'s motion', (r: QuarterlyReport) => { r.repairFund.withdrawals[0].motionId = 'm-hj-2026-01' }, 'REPORT.MOTION_OTHER_COMMUNITY', '属于其他小区'],
    ['a motion about something else', (r: QuarterlyReport) => { r.repairFund.withdrawals[0].motionId = 'm-2026-05' }, 'REPORT.MOTION_WRONG_MATTER', '不是使用或筹集维修资金'],
    ['a motion that does not exist', (r: QuarterlyReport) => { r.repairFund.withdrawals[0].motionId = 'm-nope' }, 'REPORT.MOTION_UNKNOWN', '不存在'],
  ])('%s is refused', async (_what, spoil, code, words) => {
    const r = handReport('hybrid')
    spoil(r)
    const before = h.snapshot()
    const res = await save(r)
    expect(res).toMatchObject({ ok: false, code })
    if (!res.ok) expect(res.message).toContain(words)
    expect(h.snapshot()).toBe(before)
  })

  test('a withdrawal may name a motion of an assembly held in the app: passed only once its count is certified', async () => {
    // Assembly rows as the voting functions leave them (written directly: reaching a 2/3 quorum of 777 owners through the functions is the voting tests' job).
    const db = h.ports.db
    db.prepare("INSERT INTO assemblies (id, community_id, title, notice, notice_at, opens_at, closes_at, created_by, created_at) VALUES ('asm-x', ?, '维修资金表决', '', 1, 2, 3, 'p-li-jianguo', 1)").run(C)
    const motion = db.prepare("INSERT INTO motions (id, assembly_id, position, matter, title) VALUES (?, 'asm-x', ?, 5, ?)")
    motion.run('mx-pass', 1, '更换 5 栋水泵')
    motion.run('mx-fail', 2, '更换 6 栋门禁')
    const outcome = (id: string, passed: boolean) => ({ motionId: id, kind: 'motion', matter: 5, result: { published: { passed } } })
    const withdrawing = (motionId: string) => { const r = handReport('hybrid'); r.repairFund.withdrawals[0].motionId = motionId; return r }

    // Counted but not yet certified: not an authorisation.
    db.prepare("INSERT INTO results (assembly_id, stage, result, published_at, published_by, objection_until, audit_seq) VALUES ('asm-x', 'preliminary', ?, 4, 'p-li-jianguo', 5, 1)")
      .run(JSON.stringify({ motions: [outcome('mx-pass', true), outcome('mx-fail', false)] }))
    expect(await save(withdrawing('mx-pass'))).toMatchObject({ ok: false, code: 'REPORT.MOTION_NOT_PASSED' })

    db.prepare("INSERT INTO results (assembly_id, stage, result, published_at, published_by, objection_until, audit_seq) VALUES ('asm-x', 'certified', ?, 6, 'p-li-jianguo', NULL, 2)")
      .run(JSON.stringify({ motions: [outcome('mx-pass', true), outcome('mx-fail', false)] }))
    expectOk(await save(withdrawing('mx-pass')))
    expect(await save(withdrawing('mx-fail'))).toMatchObject({ ok: false, code: 'REPORT.MOTION_NOT_PASSED' })
  })

  test('a quarter that has not begun is refused', async () => {
    expect(await save(handReport('hybrid'), 'p-zhao-lei', '2027-Q1')).toMatchObject({ ok: false, code: 'REPORT.FUTURE_QUARTER' })
  })

  test('the share divisor comes from the roll, never from the payload', async () => {
    const r = { ...handReport('hybrid', 'm-2026-02'), utilities: { ...handReport('hybrid').utilities, divisor: 3 } }
    expect(expectOk(await save(r)).report.utilities.divisor).toBe(798)
  })
})

describe('spreadsheet import and attachments', () => {
  test('a GBK CSV (Excel\'s plain「CSV」) of the template becomes the draft', async () => {
    const csv = reportTemplateCsv().replace('m-2026-05', 'm-2026-02')
    const fileId = await upload('四季度.csv', new Uint8Array(iconv.encode(csv, 'gbk')), 'spreadsheet')
    const out = expectOk(await h.call('report-import', { communityId: C, quarter: Q, fileId }, 'p-zhao-lei'))
    expect(out.rows).toBe(20)
    expect(out.report.commonIncome.income.map((l) => [l.label, l.amount])).toEqual([['地面停车费', 9_000_000], ['电梯广告', 1_200_000]])
    expect(out.report.utilities.divisor).toBe(798)
    // The template's openings are not 长城二花园's Q3 closings: all listed.
    expect(out.check.problems.filter((p) => p.code === 'OPENING_MISMATCH').map((p) => p.section)).toEqual(['fees', 'serviceFund', 'commonIncome', 'repairFund'])
  })

  test('an XLSX with bad rows is refused row by row, and the draft stays as it was', async () => {
    const sheet = writeXlsx({ name: '报告', header: true, rows: [['部分', '项目', '分类', '金额（元）'], ['公共收益', '停车', '停车', 12.345], ['维修资金', '期末余额', '', -1]] })
    const fileId = await upload('报告.xlsx', sheet, 'spreadsheet')
    const before = h.snapshot()
    const r = await h.call('report-import', { communityId: C, quarter: Q, fileId }, 'p-zhao-lei')
    expect(r).toMatchObject({ ok: false, code: 'REPORT.IMPORT_ROWS' })
    if (!r.ok) expect(r.details!.problems).toEqual([
      { row: 2, message: '「停车」的金额 12.345 有不足一分的部分；金额最多两位小数' },
      { row: 3, message: '「期末余额」的金额 -1 是负数；请填正数' },
    ])
    expect(h.snapshot()).toBe(before)
  })

  test('a PDF statement attaches to the draft and is published with it; a spreadsheet is not an attachment', async () => {
    const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n% 银行对账单\n'))
    const fileId = await upload('对账单.pdf', pdf, 'document')
    const out = expectOk(await h.call('report-attach', { communityId: C, quarter: Q, fileId }, 'p-zhao-lei'))
    expect(out.report.attachments).toEqual([{ fileId, name: '对账单.pdf', kind: 'pdf' }])
    const sheet = await upload('a.csv', new Uint8Array(Buffer.from('a,b\n1,2\n')), 'spreadsheet')
    expect(await h.call('report-attach', { communityId: C, quarter: Q, fileId: sheet }, 'p-zhao-lei')).toMatchObject({ ok: false, code: 'REPORT.ATTACHMENT_KIND' })
  })

  test('the template is offered to property staff', async () => {
    const t = expectOk(await h.call('report-template', { communityId: C }, 'p-zhao-lei'))
    expect(t.fileName).toBe('季度公开报告模板.csv')
    expect(t.csv.startsWith('\ufeff部分,项目,分类')).toBe(true)
  })
})

describe('questions and traceability', () => {
  test('an owner asks about a line; residents cannot; the committee answers once; everyone sees it', async () => {
    const lineKey = 'commonIncome/停车收入·地面临时停车费'
    const asked = expectOk(await h.call('report-ask', { communityId: C, quarter: '2026-Q3', lineKey, text: '停车收入比上季度多，是涨价了吗？' }, 'p-zhang-wei'))
    expect(asked).toMatchObject({ lineLabel: '停车收入·地面临时停车费', askerName: '张*', answer: null, ageDays: 0 })
    expect(await h.call('report-ask', { communityId: C, quarter: '2026-Q3', lineKey, text: '我也想问' }, 'p-liu-yang')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await h.call('report-ask', { communityId: C, quarter: '2026-Q3', lineKey: 'nope', text: '这是什么' }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'REPORT.NO_SUCH_LINE' })
    expect(await h.call('report-answer', { communityId: C, questionId: asked.id, answer: '没有涨价' }, 'p-zhao-lei')).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    h.setNow(h.ports.now() + 2 * 86_400_000)
    const answered = expectOk(await h.call('report-answer', { communityId: C, questionId: asked.id, answer: '没有涨价，是临时停车次数增加。' }, 'p-huang-meiling'))
    expect(answered).toMatchObject({ answererName: '黄美玲', ageDays: 2 })
    const before = h.snapshot()
    expect(await h.call('report-answer', { communityId: C, questionId: asked.id, answer: '改一下答复' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'REPORT.ALREADY_ANSWERED' })
    expect(h.snapshot()).toBe(before)
    const detail = expectOk(await h.call('report-detail', { communityId: C, quarter: '2026-Q3' }, 'p-liu-yang'))
    expect(detail.questions.map((q) => [q.lineLabel, q.answer])).toEqual([
      ['维修养护·公共设施日常维修', null],
      ['停车收入·地面临时停车费', '没有涨价，是临时停车次数增加。'],
    ])
  })

  test('supervisors see overdue questions (with their age) and withdrawals no assembly authorised', async () => {
    const watch = expectOk(await h.call('disclosure-watch', { communityId: C }, 'p-sun-li'))
    expect(watch.overdue.map((q) => [q.quarter, q.lineLabel, q.ageDays])).toEqual([['2026-Q3', '维修养护·公共设施日常维修', 12]])
    expect(watch.unvoted).toEqual([{ quarter: '2026-Q2', version: 1, label: '消防水泵应急维修', amount: 2_650_000 }])
    expect(await h.call('disclosure-watch', { communityId: C }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const q2 = expectOk(await h.call('report-detail', { communityId: C, quarter: '2026-Q2' }, 'p-zhang-wei'))
    expect(q2.withdrawals).toEqual([{ state: 'unvoted' }])
    const q1 = expectOk(await h.call('report-detail', { communityId: C, quarter: '2026-Q1' }, 'p-zhang-wei'))
    expect(q1.withdrawals).toEqual([{ state: 'authorised', motionId: 'm-2025-03', matter: 5, title: '使用维修资金更换3栋两部电梯' }])
  })

  test('the demo quarters chain: each opening is the previous closing', async () => {
    const quarters = expectOk(await h.call('report-quarters', { communityId: C }, 'p-zhang-wei')).reverse()
    for (let i = 1; i < quarters.length; i++) {
      const [prev, cur] = await Promise.all([quarters[i - 1], quarters[i]].map(async (q) => expectOk(await h.call('report-detail', { communityId: C, quarter: q.quarter }, 'p-zhang-wei')).report))
      expect(cur.repairFund.opening).toBe(prev.repairFund.closing)
      expect(cur.commonIncome.opening).toBe(prev.commonIncome.closing)
      expect(cur.fees.arrearsOpening).toBe(prev.fees.arrearsClosing)
    }
  })
})
