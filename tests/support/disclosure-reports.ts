// Small hand-computed reports, one per fee model, that balance; tests change
// one figure at a time and check what the committee would be told.
import type { FeeModel, QuarterlyReport } from '../../src/domain/disclosure/report'

/**
 * Fees: arrears 5,000.00 + billed 100,000.00 − collected 92,000.00 = 13,000.00.
 * Common income: 20,000.00 + 6,000.00 + 1,500.00 − 500.00 = 27,000.00.
 * Utilities: (1,500 − 1,000) kWh × ¥0.68 = ¥340.00, shared by 100 households.
 * Repair fund: 500,000.00 + 2,000.00 − 30,000.00 = 472,000.00.
 * 酬金制 spending 73,000.00; fund 10,000.00 + 92,000.00 − 0 − 73,000.00 = 29,000.00.
 * 综合制 lump sum 10,000.00; fund 10,000.00 + 92,000.00 − 10,000.00 − 73,000.00 = 19,000.00.
 */
export function handReport(model: FeeModel, motionId: string | null = 'm-2026-02'): QuarterlyReport {
  return {
    fees: { items: [{ label: '住宅物业服务费', rate: '2.80 元/m²·月', billed: 10_000_000, collected: 9_200_000 }], billed: 10_000_000, collected: 9_200_000, arrearsOpening: 500_000, arrearsClosing: 1_300_000 },
    spending: model === 'lump-sum' ? null : {
      items: [{ category: 'staff', label: '人员工资', amount: 5_000_000 }, { category: 'cleaning', label: '保洁外包', amount: 1_500_000 }, { category: 'management', label: '物业公司酬金', amount: 800_000 }],
      total: 7_300_000,
    },
    serviceFund: model === 'lump-sum' ? null : model === 'commission' ? { opening: 1_000_000, lumpSum: 0, closing: 2_900_000 } : { opening: 1_000_000, lumpSum: 1_000_000, closing: 1_900_000 },
    commonIncome: { opening: 2_000_000, income: [{ source: 'parking', label: '临时停车', amount: 600_000 }, { source: 'advertising', label: '电梯广告', amount: 150_000 }], uses: [{ label: '记账费', amount: 50_000 }], closing: 2_700_000 },
    utilities: { meters: [{ label: '公共照明电表', kind: 'electricity', previous: 1_000, current: 1_500, unitPrice: 68, amount: 34_000 }], total: 34_000, basis: 'unit', divisor: 100 },
    repairFund: { opening: 50_000_000, contributions: [{ label: '首期缴存', amount: 200_000 }], withdrawals: [{ label: '电梯维修', amount: 3_000_000, motionId }], closing: 47_200_000 },
    attachments: [],
    note: '',
  }
}

/** What the phone sends: the report without the divisor, which the server fills in from the roll. */
export const asSent = (r: QuarterlyReport) => ({ ...r, utilities: { meters: r.utilities.meters, total: r.utilities.total, basis: r.utilities.basis } })
