import { diffReports, reportLines } from '../../src/domain/disclosure/lines'
import { importReport, reportTemplateCsv } from '../../src/domain/disclosure/import'
import { carryForward, collectionRate, roundFraction, utilityShare, type QuarterlyReport } from '../../src/domain/disclosure/report'
import { nextQuarter, previousQuarter, quarterLabel, quarterOf, quarterStart } from '../../src/domain/disclosure/quarter'
import { checkAuthorisingMotion, withdrawalStatuses, type MotionDecision } from '../../src/domain/disclosure/trace'
import { validateReport } from '../../src/domain/disclosure/validate'
import { isOverdue, questionAgeDays } from '../../src/domain/disclosure/questions'
import { parseWithdrawalRef, withdrawalNamed, withdrawalRef, withdrawalsOf } from '../../src/domain/disclosure/withdrawal-ref'
import { parseCsv } from '../../src/domain/csv'
import { handReport } from '../support/disclosure-reports'

const clone = (r: QuarterlyReport): QuarterlyReport => JSON.parse(JSON.stringify(r))

describe('balancing, for each fee model', () => {
  test.each(['lump-sum', 'commission', 'hybrid'] as const)('the hand-computed %s report balances', (model) => {
    expect(validateReport(handReport(model), model, null)).toEqual({ balanced: true, problems: [] })
  })

  test('every difference is listed with its amount, not just the first', () => {
    const r = clone(handReport('commission'))
    r.repairFund.closing += 1 // one fen too many
    r.commonIncome.closing -= 10_000 // ¥100 short
    r.spending!.total = 7_400_000 // items add to 73,000.00
    const { balanced, problems } = validateReport(r, 'commission', null)
    expect(balanced).toBe(false)
    expect(problems.map((p) => [p.section, p.code, p.difference])).toEqual([
      ['spending', 'TOTAL_MISMATCH', 100_000],
      // The fund uses the typed total, so it is ¥1,000 short of what the typed closing says.
      ['serviceFund', 'BALANCE_MISMATCH', 100_000],
      ['commonIncome', 'BALANCE_MISMATCH', -10_000],
      ['repairFund', 'BALANCE_MISMATCH', 1],
    ])
    expect(problems[3].message).toBe('维修资金：期末余额填的是 ¥472,000.01，期初余额 + 缴存 − 支取 = ¥472,000.00，多了 ¥0.01')
    expect(problems[2].message).toContain('少了 ¥100.00')
  })

  test('包干制 has no owners\' service fund; 酬金制 and 综合制 must publish spending and the fund', () => {
    const lump = clone(handReport('lump-sum'))
    lump.serviceFund = { opening: 0, lumpSum: 0, closing: 0 }
    expect(validateReport(lump, 'lump-sum', null).problems.map((p) => p.code)).toEqual(['SECTION_NOT_ALLOWED'])

    const commission = clone(handReport('commission'))
    commission.spending = null
    // Without spending the fund would keep all 92,000.00: 10,000 + 92,000 = 102,000.00, not 29,000.00.
    expect(validateReport(commission, 'commission', null).problems.map((p) => [p.code, p.difference ?? null])).toEqual([
      ['SECTION_MISSING', null],
      ['BALANCE_MISMATCH', 2_900_000 - 10_200_000],
    ])
  })

  test('酬金制 has no lump sum and must show the commission; 综合制 must have a lump sum', () => {
    const c = clone(handReport('hybrid'))
    expect(validateReport(c, 'commission', null).problems.map((p) => p.code)).toEqual(['LUMP_SUM'])
    const noCommission = clone(handReport('commission'))
    noCommission.spending!.items = noCommission.spending!.items.map((l) => (l.category === 'management' ? { ...l, category: 'other' } : l))
    expect(validateReport(noCommission, 'commission', null).problems.map((p) => p.code)).toEqual(['COMMISSION_MISSING'])
    const h = clone(handReport('hybrid'))
    h.serviceFund = { opening: 1_000_000, lumpSum: 0, closing: 2_900_000 }
    expect(validateReport(h, 'hybrid', null).problems.map((p) => p.code)).toEqual(['LUMP_SUM'])
  })

  test('each opening must equal last quarter\'s published closing', () => {
    const prev = handReport('hybrid')
    const next = carryForward(prev)
    expect(next.repairFund.opening).toBe(47_200_000)
    expect(next.serviceFund).toEqual({ opening: 1_900_000, lumpSum: 1_000_000, closing: 1_900_000 })
    // Nothing billed, collected or spent yet; the lump sum is still due: 19,000.00 − 10,000.00.
    next.serviceFund!.closing = 900_000
    expect(validateReport(next, 'hybrid', prev).balanced).toBe(true)
    next.commonIncome.opening -= 500
    next.commonIncome.closing -= 500
    const problems = validateReport(next, 'hybrid', prev).problems
    expect(problems.map((p) => [p.code, p.section, p.expected, p.actual])).toEqual([['OPENING_MISMATCH', 'commonIncome', 2_700_000, 2_699_500]])
  })

  test('meters: readings never go backwards; amount = usage × unit price', () => {
    const r = clone(handReport('lump-sum'))
    r.utilities.meters.push({ label: '水表', kind: 'water', previous: 300, current: 280, unitPrice: 430, amount: 0 })
    r.utilities.meters[0].amount = 34_001
    r.utilities.total = 34_001
    expect(validateReport(r, 'lump-sum', null).problems.map((p) => [p.code, p.difference ?? null])).toEqual([['METER_AMOUNT', 1], ['METER_BACKWARDS', null]])
  })

  test('collection rate and utility share are exact fractions, rounded only for display', () => {
    const r = handReport('lump-sum')
    expect(collectionRate(r)).toEqual({ numerator: 9_200_000, denominator: 10_000_000 })
    expect(utilityShare(r.utilities)).toEqual({ numerator: 34_000, denominator: 100 })
    // ¥340.00 among 798 households: 42.6 fen each, shown as 43 fen.
    expect(roundFraction({ numerator: 34_000, denominator: 798 })).toBe(43)
    // By area: ¥340.00 over 80,948.48 m² is 0.42 fen per m².
    expect(roundFraction(utilityShare({ ...r.utilities, basis: 'area', divisor: 8_094_848 }))).toBe(0)
  })

  test('500 line items validate well within 20 ms', () => {
    const r = clone(handReport('commission'))
    r.spending!.items = Array.from({ length: 500 }, (_, i) => ({ category: 'repairs' as const, label: `维修${i}`, amount: 100 + i }))
    r.spending!.total = r.spending!.items.reduce((s, l) => s + l.amount, 0)
    const t0 = performance.now()
    validateReport(r, 'commission', null)
    expect(performance.now() - t0).toBeLessThan(20)
  })
})

describe('versions', () => {
  test('the difference between two versions names each changed, added and removed line with its amount', () => {
    const v1 = handReport('hybrid')
    const v2 = clone(v1)
    v2.spending!.items[1].amount = 1_450_000 // 保洁 ¥15,000 → ¥14,500
    v2.spending!.total = 7_250_000
    v2.serviceFund!.closing = 1_950_000
    v2.commonIncome.uses.push({ label: '门禁维修', amount: 20_000 })
    v2.commonIncome.closing = 2_680_000
    const changes = diffReports(v1, v2)
    expect(changes.map((c) => [c.label, c.before, c.after, c.delta])).toEqual([
      ['保洁·保洁外包', '¥15,000.00', '¥14,500.00', -50_000],
      ['支出合计', '¥73,000.00', '¥72,500.00', -50_000],
      ['期末结余', '¥19,000.00', '¥19,500.00', 50_000],
      ['用途·门禁维修', null, '¥200.00', null],
      ['期末余额', '¥27,000.00', '¥26,800.00', -20_000],
    ])
    expect(diffReports(v1, clone(v1))).toEqual([])
  })

  test('every line has a stable key; a repeated label gets its own', () => {
    const r = clone(handReport('lump-sum'))
    r.repairFund.contributions.push({ label: '首期缴存', amount: 1 })
    const keys = reportLines(r).map((l) => l.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain('repairFund/缴存·首期缴存#2')
  })
})

describe('traceability of repair-fund withdrawals', () => {
  const passed: MotionDecision = { communityId: 'c1', motionId: 'm1', matter: 5, passed: true, title: '更换电梯' }
  test('a passed matter-5 or matter-6 motion of this community authorises it', () => {
    expect(() => checkAuthorisingMotion('c1', 'm1', passed, '电梯')).not.toThrow()
    expect(() => checkAuthorisingMotion('c1', 'm1', { ...passed, matter: 6 }, '电梯')).not.toThrow()
  })
  test.each([
    ['REPORT.MOTION_UNKNOWN', null],
    ['REPORT.MOTION_OTHER_COMMUNITY', { ...passed, communityId: 'c2' }],
    ['REPORT.MOTION_NOT_PASSED', { ...passed, passed: false }],
    ['REPORT.MOTION_WRONG_MATTER', { ...passed, matter: 8 }],
  ])('%s is refused', (code, decision) => {
    expect(() => checkAuthorisingMotion('c1', 'm1', decision as MotionDecision | null, '电梯')).toThrow(expect.objectContaining({ code }))
  })
  test('a withdrawal naming no motion is 未经表决', () => {
    const r = handReport('lump-sum', null)
    expect(withdrawalStatuses(r, new Map())).toEqual([{ state: 'unvoted' }])
    const ok = handReport('lump-sum', 'm1')
    expect(withdrawalStatuses(ok, new Map([['m1', passed]]))).toEqual([{ state: 'authorised', motionId: 'm1', matter: 5, title: '更换电梯' }])
  })
})

describe('spreadsheet import', () => {
  const rowsOf = (csv: string) => parseCsv(csv).map((r) => r.fields)
  test('the template reads into a report that balances under 酬金制', () => {
    const parsed = importReport(rowsOf(reportTemplateCsv()), { basis: 'unit', divisor: 798 })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    expect(parsed.rows).toBe(20)
    expect(parsed.report.utilities.meters[0]).toEqual({ label: '公共照明电表', kind: 'electricity', previous: 120_000, current: 128_000, unitPrice: 68, amount: 544_000 })
    expect(parsed.report.repairFund.withdrawals).toEqual([{ label: '3栋电梯更换', amount: 18_000_000, motionId: 'm-2026-05' }])
    expect(validateReport(parsed.report, 'commission', null)).toEqual({ balanced: true, problems: [] })
  })
  test('each bad row is named with its row number and why, and nothing is taken', () => {
    const csv = [
      '部分,项目,分类,金额（元）',
      '物业费,住宅物业服务费,应收,100.005',
      '支出,保洁,洗车,10',
      '维修资金,期初余额,,-5',
      '杂项,什么,,1',
      '',
      '公共收益,停车,停车,12.5',
    ].join('\n')
    const parsed = importReport(rowsOf(csv), { basis: 'unit', divisor: 1 })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems.map((p) => p.row)).toEqual([2, 3, 4, 5])
    expect(parsed.problems[0].message).toBe('「住宅物业服务费」的金额 100.005 有不足一分的部分；金额最多两位小数')
    expect(parsed.problems[1].message).toContain('支出「保洁」的分类「洗车」不认识')
    expect(parsed.problems[2].message).toBe('「期初余额」的金额 -5 是负数；请填正数')
    expect(parsed.problems[3].message).toContain('「部分」列的「杂项」不认识')
  })
})

describe('quarters and question ages', () => {
  test('quarters follow Shanghai time', () => {
    expect(quarterOf(Date.UTC(2026, 8, 30, 16, 30))).toBe('2026-Q4') // 00:30 on 1 October in Shanghai
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4')
    expect(nextQuarter('2025-Q4')).toBe('2026-Q1')
    expect(quarterStart('2026-Q3')).toBe(Date.UTC(2026, 5, 30, 16))
    expect(quarterLabel('2026-Q3')).toBe('2026年第三季度')
  })
  test('a question waits whole days; after more than seven unanswered it is overdue', () => {
    const asked = Date.UTC(2026, 10, 1)
    expect(questionAgeDays(asked, null, asked + 7 * 86_400_000)).toBe(7)
    expect(isOverdue(asked, null, asked + 7 * 86_400_000)).toBe(false)
    expect(isOverdue(asked, null, asked + 7 * 86_400_000 + 1)).toBe(true)
    expect(isOverdue(asked, asked + 1, asked + 30 * 86_400_000)).toBe(false)
  })
})

describe('withdrawal references', () => {
  test('quarter and position from 1 in the report\'s own order; only the exact form is a reference', () => {
    const r = clone(handReport('commission'))
    r.repairFund.withdrawals.push({ label: '水泵更换', amount: 1_000_000, motionId: null })
    expect(withdrawalsOf('2026-Q2', r).map((w) => [w.ref, w.label, w.amount])).toEqual([['2026-Q2#1', '电梯维修', 3_000_000], ['2026-Q2#2', '水泵更换', 1_000_000]])
    expect(parseWithdrawalRef(withdrawalRef('2026-Q2', 2))).toEqual({ quarter: '2026-Q2', position: 2 })
    for (const bad of ['2026-Q2', '2026-Q5#1', '2026-Q2#0', '2026-Q2#01', '2026-Q2#-1', 'w-1', '2026-q2#1']) expect(parseWithdrawalRef(bad)).toBeNull()
    expect(withdrawalNamed('2026-Q2#2', '2026-Q2', r)?.label).toBe('水泵更换')
    // Past the last withdrawal, or a reference to another quarter's report.
    expect(withdrawalNamed('2026-Q2#3', '2026-Q2', r)).toBeNull()
    expect(withdrawalNamed('2026-Q1#1', '2026-Q2', r)).toBeNull()
  })
})
