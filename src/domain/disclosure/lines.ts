// Every figure of a report under a stable key and a label people read, so two
// versions can be compared and an owner can ask about one line.
import { formatFen } from '../measure'
import { INCOME_LABELS, METER_UNITS, SECTION_LABELS, SPENDING_LABELS, type QuarterlyReport, type SectionKey } from './report'

export interface ReportLine {
  /** e.g. "spending/保洁外包服务" (a repeated label gets "#2"). */
  key: string
  section: SectionKey
  label: string
  value: number | string
  /** Money in fen (formatted as ¥), or a plain count/reading/text. */
  money: boolean
}

export function reportLines(r: QuarterlyReport): ReportLine[] {
  const out: ReportLine[] = []
  const seen = new Map<string, number>()
  const add = (section: SectionKey, label: string, value: number | string, money = true) => {
    const base = `${section}/${label}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    out.push({ key: n === 1 ? base : `${base}#${n}`, section, label, value, money })
  }
  for (const i of r.fees.items) {
    add('fees', `${i.label}（应收）`, i.billed)
    add('fees', `${i.label}（实收）`, i.collected)
    add('fees', `${i.label}（收费标准）`, i.rate, false)
  }
  add('fees', '应收合计', r.fees.billed)
  add('fees', '实收合计', r.fees.collected)
  add('fees', '期初欠费', r.fees.arrearsOpening)
  add('fees', '期末欠费', r.fees.arrearsClosing)
  if (r.spending) {
    for (const l of r.spending.items) add('spending', `${SPENDING_LABELS[l.category]}·${l.label}`, l.amount)
    add('spending', '支出合计', r.spending.total)
  }
  if (r.serviceFund) {
    add('serviceFund', '期初结余', r.serviceFund.opening)
    add('serviceFund', '包干部分', r.serviceFund.lumpSum)
    add('serviceFund', '期末结余', r.serviceFund.closing)
  }
  add('commonIncome', '期初余额', r.commonIncome.opening)
  for (const l of r.commonIncome.income) add('commonIncome', `${INCOME_LABELS[l.source]}收入·${l.label}`, l.amount)
  for (const l of r.commonIncome.uses) add('commonIncome', `用途·${l.label}`, l.amount)
  add('commonIncome', '期末余额', r.commonIncome.closing)
  for (const m of r.utilities.meters) {
    add('utilities', `${m.label}（读数）`, `${m.previous} → ${m.current} ${METER_UNITS[m.kind]}`, false)
    add('utilities', `${m.label}（金额）`, m.amount)
  }
  add('utilities', '公摊合计', r.utilities.total)
  add('repairFund', '期初余额', r.repairFund.opening)
  for (const l of r.repairFund.contributions) add('repairFund', `缴存·${l.label}`, l.amount)
  for (const l of r.repairFund.withdrawals) add('repairFund', `支取·${l.label}`, l.amount)
  add('repairFund', '期末余额', r.repairFund.closing)
  return out
}

export const lineText = (l: Pick<ReportLine, 'value' | 'money'>): string => (l.money && typeof l.value === 'number' ? formatFen(l.value) : String(l.value))

export interface LineChange {
  key: string
  section: SectionKey
  label: string
  before: string | null
  after: string | null
  /** after − before in fen when both are money; null otherwise. */
  delta: number | null
}

/** What changed from one version to the next: changed, added and removed lines, in report order. */
export function diffReports(before: QuarterlyReport, after: QuarterlyReport): LineChange[] {
  const a = new Map(reportLines(before).map((l) => [l.key, l]))
  const b = reportLines(after)
  const changes: LineChange[] = []
  for (const l of b) {
    const old = a.get(l.key)
    a.delete(l.key)
    if (old && old.value === l.value) continue
    const delta = old && typeof old.value === 'number' && typeof l.value === 'number' && l.money ? l.value - old.value : null
    changes.push({ key: l.key, section: l.section, label: l.label, before: old ? lineText(old) : null, after: lineText(l), delta })
  }
  for (const old of a.values()) changes.push({ key: old.key, section: old.section, label: old.label, before: lineText(old), after: null, delta: null })
  if (before.note !== after.note) changes.push({ key: 'note', section: 'fees', label: '说明', before: before.note || null, after: after.note || null, delta: null })
  return changes
}

export const sectionLabel = (s: SectionKey): string => SECTION_LABELS[s]

/** Lines grouped by section, in report order, for pages and the printed notice. */
export function linesBySection(lines: readonly ReportLine[]): Array<{ section: SectionKey; title: string; lines: ReportLine[] }> {
  const groups: Array<{ section: SectionKey; title: string; lines: ReportLine[] }> = []
  for (const l of lines) {
    const last = groups[groups.length - 1]
    if (last && last.section === l.section) last.lines.push(l)
    else groups.push({ section: l.section, title: SECTION_LABELS[l.section], lines: [l] })
  }
  return groups
}

/** Spending added up by category, largest first (for the chart). */
export function spendingByCategory(r: QuarterlyReport): Array<{ category: string; amount: number }> {
  const totals = new Map<string, number>()
  for (const l of r.spending?.items ?? []) totals.set(SPENDING_LABELS[l.category], (totals.get(SPENDING_LABELS[l.category]) ?? 0) + l.amount)
  return [...totals].map(([category, amount]) => ({ category, amount })).sort((a, b) => b.amount - a.amount)
}
