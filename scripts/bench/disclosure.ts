// How long validating a large quarterly report takes: 500 line items spread
// over spending, common income, contributions, withdrawals and meters, with
// last quarter to compare openings against. Target ≤ 20 ms.
// Prints `bench report_validate_500_items <median ms> ms`.
import { sum, type QuarterlyReport } from '../../src/domain/disclosure/report'
import { validateReport } from '../../src/domain/disclosure/validate'

function report500(): QuarterlyReport {
  const spending = Array.from({ length: 200 }, (_, i) => ({ category: 'repairs' as const, label: `维修项目${i}`, amount: 10_000 + i * 37 }))
  spending.push({ category: 'repairs', label: '物业公司酬金', amount: 6_000_000 })
  const income = Array.from({ length: 100 }, (_, i) => ({ source: 'parking' as const, label: `车位${i}`, amount: 45_000 + i }))
  const uses = Array.from({ length: 50 }, (_, i) => ({ label: `用途${i}`, amount: 1_000 + i }))
  const contributions = Array.from({ length: 50 }, (_, i) => ({ label: `缴存${i}`, amount: 20_000 + i }))
  const withdrawals = Array.from({ length: 49 }, (_, i) => ({ label: `支取${i}`, amount: 5_000 + i, motionId: 'm-1' }))
  const meters = Array.from({ length: 50 }, (_, i) => ({ label: `电表${i}`, kind: 'electricity' as const, previous: 1_000 * i, current: 1_000 * i + 300, unitPrice: 68, amount: 300 * 68 }))
  const items = spending.map((l, i) => (i === 200 ? { ...l, category: 'management' as const } : l))
  const collected = 80_000_000
  const spent = sum(items)
  return {
    fees: { items: [{ label: '住宅物业服务费', rate: '2.80 元/m²·月', billed: 86_000_000, collected }], billed: 86_000_000, collected, arrearsOpening: 2_000_000, arrearsClosing: 8_000_000 },
    spending: { items, total: spent },
    serviceFund: { opening: 10_000_000, lumpSum: 0, closing: 10_000_000 + collected - spent },
    commonIncome: { opening: 30_000_000, income, uses, closing: 30_000_000 + sum(income) - sum(uses) },
    utilities: { meters, total: sum(meters), basis: 'unit', divisor: 798 },
    repairFund: { opening: 1_200_000_000, contributions, withdrawals, closing: 1_200_000_000 + sum(contributions) - sum(withdrawals) },
    attachments: [],
    note: '',
  }
}

const r = report500()
const items = r.fees.items.length + r.spending!.items.length + r.commonIncome.income.length + r.commonIncome.uses.length + r.repairFund.contributions.length + r.repairFund.withdrawals.length + r.utilities.meters.length
if (items !== 501) throw new Error(`expected 501 line items, got ${items}`)
const previous: QuarterlyReport = { ...r, fees: { ...r.fees, arrearsClosing: r.fees.arrearsOpening }, serviceFund: { ...r.serviceFund!, closing: r.serviceFund!.opening }, commonIncome: { ...r.commonIncome, closing: r.commonIncome.opening }, repairFund: { ...r.repairFund, closing: r.repairFund.opening } }

// The first (cold, unoptimised) run counts too: a cloud function validates once per call.
const cold = performance.now()
const check = validateReport(r, 'commission', previous)
const coldMs = performance.now() - cold
if (!check.balanced) throw new Error(`the benchmark report should balance: ${check.problems.map((p) => p.message).join('; ')}`)
const times: number[] = []
for (let i = 0; i < 200; i++) {
  const t0 = performance.now()
  validateReport(r, 'commission', previous)
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
const median = times[times.length >> 1]
console.log(`bench report_validate_500_items ${median.toFixed(3)} ms`)
console.log(`bench report_validate_500_items_cold ${coldMs.toFixed(3)} ms`)
if (Math.max(median, coldMs) > 20) process.exitCode = 1
