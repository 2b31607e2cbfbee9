// The quarterly report (季度公开报告) as the committee publishes it: every
// amount in integer fen, every section able to show that it balances. The fee
// model (物业服务收费管理办法, 2003) decides which sections must be present.

/** 包干制 lump sum, 酬金制 commission, 综合制 a base lump sum plus owner-held funds. */
export type FeeModel = 'lump-sum' | 'commission' | 'hybrid'
export const FEE_MODELS: readonly FeeModel[] = ['lump-sum', 'commission', 'hybrid']
export const FEE_MODEL_LABELS: Record<FeeModel, string> = { 'lump-sum': '包干制', commission: '酬金制', hybrid: '综合制' }
export const FEE_MODEL_HINTS: Record<FeeModel, string> = {
  'lump-sum': '业主按约定交费，盈亏由物业公司承担；公开收费项目、标准和服务内容。',
  commission: '预收的物业服务资金归业主所有，物业公司按约定提取酬金；须公开全部支出和资金结余。',
  hybrid: '包干部分归物业公司，其余资金归业主所有，按酬金制公开支出和结余。',
}

export const SPENDING_CATEGORIES = ['staff', 'cleaning', 'security', 'greening', 'repairs', 'utilities', 'management', 'other'] as const
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number]
export const SPENDING_LABELS: Record<SpendingCategory, string> = {
  staff: '人员', cleaning: '保洁', security: '秩序维护', greening: '绿化', repairs: '维修养护', utilities: '公共水电', management: '管理费或酬金', other: '其他',
}

export const INCOME_SOURCES = ['parking', 'advertising', 'venue', 'other'] as const
export type IncomeSource = (typeof INCOME_SOURCES)[number]
export const INCOME_LABELS: Record<IncomeSource, string> = { parking: '停车', advertising: '广告', venue: '场地租赁', other: '其他' }

export type ShareBasis = 'unit' | 'area'
export type MeterKind = 'water' | 'electricity'
export const METER_UNITS: Record<MeterKind, string> = { water: 'm³', electricity: 'kWh' }

export interface Line { label: string; amount: number }
export interface FeeItem { label: string; /** As the contract states it, e.g. "2.80 元/m²·月". */ rate: string; billed: number; collected: number }
export interface SpendingLine extends Line { category: SpendingCategory }
export interface IncomeLine extends Line { source: IncomeSource }
export interface Withdrawal extends Line { /** The assembly motion that authorised it (matter 5 or 6, passed); null: none named. */ motionId: string | null }
/** A shared meter: readings in whole kWh or m³, unit price in fen; amount = (current − previous) × unitPrice. */
export interface Meter { label: string; kind: MeterKind; previous: number; current: number; unitPrice: number; amount: number }
export interface Attachment { fileId: string; name: string; kind: string }

export interface QuarterlyReport {
  fees: { items: FeeItem[]; billed: number; collected: number; arrearsOpening: number; arrearsClosing: number }
  /** Required under 酬金制 and 综合制; optional under 包干制 (the company's own money). */
  spending: { items: SpendingLine[]; total: number } | null
  /** The owners' prepaid service fund (酬金制/综合制): opening + collected − lumpSum − spending = closing. */
  serviceFund: { opening: number; lumpSum: number; closing: number } | null
  commonIncome: { opening: number; income: IncomeLine[]; uses: Line[]; closing: number }
  /** divisor: households (basis unit) or total area in hundredths of m² (basis area), taken from the roll. */
  utilities: { meters: Meter[]; total: number; basis: ShareBasis; divisor: number }
  repairFund: { opening: number; contributions: Line[]; withdrawals: Withdrawal[]; closing: number }
  attachments: Attachment[]
  note: string
}

export type SectionKey = 'fees' | 'spending' | 'serviceFund' | 'commonIncome' | 'utilities' | 'repairFund'
export const SECTION_LABELS: Record<SectionKey, string> = {
  fees: '物业服务费', spending: '支出明细', serviceFund: '物业服务资金', commonIncome: '公共收益', utilities: '水电公摊', repairFund: '维修资金',
}

/** What each fee model requires beyond the sections every report has. */
export const REQUIRED_BY_MODEL: Record<FeeModel, { spending: boolean; serviceFund: boolean; lumpSum: 'zero' | 'positive' | 'none' }> = {
  'lump-sum': { spending: false, serviceFund: false, lumpSum: 'none' },
  commission: { spending: true, serviceFund: true, lumpSum: 'zero' },
  hybrid: { spending: true, serviceFund: true, lumpSum: 'positive' },
}

export const sum = (lines: ReadonlyArray<{ amount: number }>): number => {
  let s = 0
  for (const l of lines) s += l.amount
  return s
}

/** An exact ratio, computed and never typed; display rounding happens at the edge. */
export interface Fraction { numerator: number; denominator: number }
export const collectionRate = (r: Pick<QuarterlyReport, 'fees'>): Fraction => ({ numerator: r.fees.collected, denominator: r.fees.billed })

/** The per-household (fen) or per-m² (fen) utility share as an exact fraction. */
export function utilityShare(u: QuarterlyReport['utilities']): Fraction {
  return u.basis === 'unit' ? { numerator: u.total, denominator: u.divisor } : { numerator: u.total * 100, denominator: u.divisor }
}

/** Round half up to a whole number, for display of a fraction of fen. */
export const roundFraction = (f: Fraction): number => (f.denominator === 0 ? 0 : Math.floor((2 * f.numerator + f.denominator) / (2 * f.denominator)))

export function emptyReport(basis: ShareBasis = 'unit', divisor = 0): QuarterlyReport {
  return {
    fees: { items: [], billed: 0, collected: 0, arrearsOpening: 0, arrearsClosing: 0 },
    spending: { items: [], total: 0 },
    serviceFund: null,
    commonIncome: { opening: 0, income: [], uses: [], closing: 0 },
    utilities: { meters: [], total: 0, basis, divisor },
    repairFund: { opening: 0, contributions: [], withdrawals: [], closing: 0 },
    attachments: [],
    note: '',
  }
}

/**
 * The next quarter's starting point: every opening balance is this report's
 * closing balance, the item lists are empty (labels kept, amounts zero, so the
 * property staff fill in the same rows as last time).
 */
export function carryForward(prev: QuarterlyReport): QuarterlyReport {
  const zero = <T extends { amount: number }>(xs: T[]): T[] => xs.map((x) => ({ ...x, amount: 0 }))
  return {
    fees: { items: prev.fees.items.map((i) => ({ ...i, billed: 0, collected: 0 })), billed: 0, collected: 0, arrearsOpening: prev.fees.arrearsClosing, arrearsClosing: prev.fees.arrearsClosing },
    spending: prev.spending ? { items: zero(prev.spending.items), total: 0 } : null,
    serviceFund: prev.serviceFund ? { opening: prev.serviceFund.closing, lumpSum: prev.serviceFund.lumpSum, closing: prev.serviceFund.closing } : null,
    commonIncome: { opening: prev.commonIncome.closing, income: zero(prev.commonIncome.income), uses: zero(prev.commonIncome.uses), closing: prev.commonIncome.closing },
    utilities: { meters: prev.utilities.meters.map((m) => ({ ...m, previous: m.current, amount: 0 })), total: 0, basis: prev.utilities.basis, divisor: prev.utilities.divisor },
    repairFund: { opening: prev.repairFund.closing, contributions: zero(prev.repairFund.contributions), withdrawals: [], closing: prev.repairFund.closing },
    attachments: [],
    note: '',
  }
}

/** Money in and out of the quarter, for the "income against spending" chart. */
export function quarterFlows(r: QuarterlyReport): { income: number; spending: number } {
  return {
    income: r.fees.collected + sum(r.commonIncome.income) + sum(r.repairFund.contributions),
    spending: (r.spending?.total ?? 0) + sum(r.commonIncome.uses) + sum(r.repairFund.withdrawals),
  }
}

/** "93.1%": a fraction rounded half up to a tenth of a percent, for display only. */
export function percentText(f: Fraction): string {
  if (f.denominator === 0) return '—'
  const tenths = roundFraction({ numerator: f.numerator * 1000, denominator: f.denominator })
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`
}
