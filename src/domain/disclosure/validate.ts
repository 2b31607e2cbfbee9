// Does a report balance? Every section: opening + in − out = closing; items
// add up to their totals; each opening equals last quarter's published
// closing. The answer lists EVERY difference with its amount, so the
// committee can fix them all at once; a report with any problem cannot be
// published.
import { formatFen } from '../measure'
import { METER_UNITS, REQUIRED_BY_MODEL, SECTION_LABELS, sum, type FeeModel, type QuarterlyReport, type SectionKey } from './report'

export type ProblemCode =
  | 'SECTION_MISSING' // required by the fee model
  | 'SECTION_NOT_ALLOWED' // e.g. an owners' service fund under 包干制
  | 'TOTAL_MISMATCH' // items do not add up to the total
  | 'BALANCE_MISMATCH' // opening + in − out ≠ closing
  | 'OPENING_MISMATCH' // opening ≠ last quarter's published closing
  | 'METER_BACKWARDS' // current reading below the previous one
  | 'METER_AMOUNT' // (current − previous) × unit price ≠ amount
  | 'COMMISSION_MISSING' // 酬金制/综合制 without the commission line
  | 'LUMP_SUM' // lump sum present where the model has none, or missing
  | 'NO_DIVISOR' // shared utilities with nobody to share them

export interface Problem {
  code: ProblemCode
  section: SectionKey
  message: string
  /** What the figures say it should be, what was entered, and entered − expected (fen). */
  expected?: number
  actual?: number
  difference?: number
}

export interface ReportCheck { balanced: boolean; problems: Problem[] }

const diffText = (d: number): string => (d > 0 ? `多了 ${formatFen(d)}` : `少了 ${formatFen(-d)}`)

export function validateReport(r: QuarterlyReport, model: FeeModel, previous: QuarterlyReport | null): ReportCheck {
  const problems: Problem[] = []
  const mismatch = (code: ProblemCode, section: SectionKey, what: string, expected: number, actual: number, how: string) => {
    if (expected === actual) return
    problems.push({ code, section, expected, actual, difference: actual - expected, message: `${SECTION_LABELS[section]}：${what}填的是 ${formatFen(actual)}，${how} ${formatFen(expected)}，${diffText(actual - expected)}` })
  }
  const need = REQUIRED_BY_MODEL[model]

  // 1. Fees: items add up; arrears roll forward.
  const f = r.fees
  if (f.items.length > 0) {
    mismatch('TOTAL_MISMATCH', 'fees', '应收合计', sum(f.items.map((i) => ({ amount: i.billed }))), f.billed, '各收费项目应收相加为')
    mismatch('TOTAL_MISMATCH', 'fees', '实收合计', sum(f.items.map((i) => ({ amount: i.collected }))), f.collected, '各收费项目实收相加为')
  }
  mismatch('BALANCE_MISMATCH', 'fees', '期末欠费', f.arrearsOpening + f.billed - f.collected, f.arrearsClosing, '期初欠费 + 应收 − 实收 =')
  if (previous) mismatch('OPENING_MISMATCH', 'fees', '期初欠费', previous.fees.arrearsClosing, f.arrearsOpening, '上季度公布的期末欠费是')

  // 2. Spending.
  if (r.spending) {
    mismatch('TOTAL_MISMATCH', 'spending', '支出合计', sum(r.spending.items), r.spending.total, '各项支出相加为')
    if (model !== 'lump-sum' && !r.spending.items.some((l) => l.category === 'management')) {
      problems.push({ code: 'COMMISSION_MISSING', section: 'spending', message: '支出明细：酬金制和综合制须列出物业公司提取的酬金（分类「管理费或酬金」）' })
    }
  } else if (need.spending) {
    problems.push({ code: 'SECTION_MISSING', section: 'spending', message: '支出明细：酬金制和综合制的报告必须公开全部支出' })
  }

  // 3. The owners' service fund.
  if (r.serviceFund) {
    const s = r.serviceFund
    if (!need.serviceFund) problems.push({ code: 'SECTION_NOT_ALLOWED', section: 'serviceFund', message: '物业服务资金：包干制下物业费归物业公司，没有业主所有的服务资金结余' })
    else {
      if (need.lumpSum === 'zero' && s.lumpSum !== 0) problems.push({ code: 'LUMP_SUM', section: 'serviceFund', actual: s.lumpSum, message: `物业服务资金：酬金制没有包干部分，却填了 ${formatFen(s.lumpSum)}` })
      if (need.lumpSum === 'positive' && s.lumpSum === 0) problems.push({ code: 'LUMP_SUM', section: 'serviceFund', message: '物业服务资金：综合制须填写归物业公司的包干部分' })
      mismatch('BALANCE_MISMATCH', 'serviceFund', '期末结余', s.opening + f.collected - s.lumpSum - (r.spending?.total ?? 0), s.closing, '期初结余 + 实收物业费 − 包干部分 − 支出合计 =')
      if (previous?.serviceFund) mismatch('OPENING_MISMATCH', 'serviceFund', '期初结余', previous.serviceFund.closing, s.opening, '上季度公布的期末结余是')
    }
  } else if (need.serviceFund) {
    problems.push({ code: 'SECTION_MISSING', section: 'serviceFund', message: '物业服务资金：酬金制和综合制须公开业主所有的服务资金结余' })
  }

  // 4. Common-part income and the owners' account.
  const c = r.commonIncome
  mismatch('BALANCE_MISMATCH', 'commonIncome', '期末余额', c.opening + sum(c.income) - sum(c.uses), c.closing, '期初余额 + 收入 − 使用 =')
  if (previous) mismatch('OPENING_MISMATCH', 'commonIncome', '期初余额', previous.commonIncome.closing, c.opening, '上季度公布的期末余额是')

  // 5. Shared utilities.
  const u = r.utilities
  for (const m of u.meters) {
    if (m.current < m.previous) {
      problems.push({ code: 'METER_BACKWARDS', section: 'utilities', message: `水电公摊：${m.label}本期读数 ${m.current} 小于上期读数 ${m.previous} ${METER_UNITS[m.kind]}` })
      continue
    }
    mismatch('METER_AMOUNT', 'utilities', `${m.label}金额`, (m.current - m.previous) * m.unitPrice, m.amount, `用量 ${m.current - m.previous} ${METER_UNITS[m.kind]} × 单价 ${formatFen(m.unitPrice)} =`)
  }
  mismatch('TOTAL_MISMATCH', 'utilities', '公摊合计', sum(u.meters), u.total, '各表金额相加为')
  if (u.total > 0 && u.divisor <= 0) problems.push({ code: 'NO_DIVISOR', section: 'utilities', message: '水电公摊：没有可分摊的户数或面积（请先导入业主名册）' })

  // 6. Repair fund.
  const rf = r.repairFund
  mismatch('BALANCE_MISMATCH', 'repairFund', '期末余额', rf.opening + sum(rf.contributions) - sum(rf.withdrawals), rf.closing, '期初余额 + 缴存 − 支取 =')
  if (previous) mismatch('OPENING_MISMATCH', 'repairFund', '期初余额', previous.repairFund.closing, rf.opening, '上季度公布的期末余额是')

  return { balanced: problems.length === 0, problems }
}
