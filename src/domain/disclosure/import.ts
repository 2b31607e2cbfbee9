// The committee's spreadsheet of a quarter's figures: one row per figure,
// amounts in yuan with at most two decimals. Every row that cannot be read is
// named with its row number and why, and nothing is taken until all are right.
import { parseYuanToFen } from '../measure'
import {
  INCOME_LABELS, SPENDING_LABELS, emptyReport,
  type IncomeSource, type MeterKind, type QuarterlyReport, type ShareBasis, type SpendingCategory,
} from './report'

export const REPORT_COLUMNS = ['部分', '项目', '分类', '金额（元）', '表决编号', '上期读数', '本期读数', '单价（元）', '说明'] as const

export interface ImportProblem { row: number; message: string }
export type ReportImport = { ok: true; report: QuarterlyReport; rows: number } | { ok: false; problems: ImportProblem[] }

const byLabel = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]))
const CATEGORY = byLabel<SpendingCategory>(SPENDING_LABELS)
const SOURCE = byLabel<IncomeSource>(INCOME_LABELS)
const norm = (s: string | undefined): string => (s ?? '').normalize('NFKC').trim()

/** Template: the sections in the order of the report, with example figures that balance. */
export function reportTemplateCsv(): string {
  const rows: string[][] = [
    [...REPORT_COLUMNS],
    ['物业费', '住宅物业服务费', '应收', '600000.00', '', '', '', '', '2.80 元/m²·月'],
    ['物业费', '住宅物业服务费', '实收', '570000.00', '', '', '', '', ''],
    ['物业费', '期初欠费', '', '80000.00', '', '', '', '', ''],
    ['物业费', '期末欠费', '', '110000.00', '', '', '', '', '期初欠费 + 应收 − 实收'],
    ['支出', '保安人员工资', '秩序维护', '200000.00', '', '', '', '', ''],
    ['支出', '物业公司酬金', '管理费或酬金', '57000.00', '', '', '', '', '酬金制/综合制必填'],
    ['服务资金', '期初结余', '', '100000.00', '', '', '', '', '包干制删除这三行'],
    ['服务资金', '包干部分', '', '0', '', '', '', '', '酬金制填 0'],
    ['服务资金', '期末结余', '', '413000.00', '', '', '', '', '期初 + 实收 − 包干 − 支出'],
    ['公共收益', '期初余额', '', '300000.00', '', '', '', '', ''],
    ['公共收益', '地面停车费', '停车', '90000.00', '', '', '', '', ''],
    ['公共收益', '电梯广告', '广告', '12000.00', '', '', '', '', ''],
    ['公共收益', '收益记账服务费', '用途', '2000.00', '', '', '', '', '使用写分类「用途」'],
    ['公共收益', '期末余额', '', '400000.00', '', '', '', '', ''],
    ['水电公摊', '公共照明电表', '电', '', '', '120000', '128000', '0.68', '金额 = 用量 × 单价，可不填'],
    ['水电公摊', '分摊方式', '按户', '', '', '', '', '', '按户 或 按面积；户数和面积取自业主名册'],
    ['维修资金', '期初余额', '', '5000000.00', '', '', '', '', ''],
    ['维修资金', '本季缴存', '缴存', '30000.00', '', '', '', '', ''],
    ['维修资金', '3栋电梯更换', '支取', '180000.00', 'm-2026-05', '', '', '', '表决编号：业主大会通过的事项'],
    ['维修资金', '期末余额', '', '4850000.00', '', '', '', '', ''],
  ]
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n'
}

/** Rows as read from the sheet (rows[0] is the header, row numbers 1-based as in Excel). */
export function importReport(rows: readonly string[][], basis: { basis: ShareBasis; divisor: number }): ReportImport {
  const problems: ImportProblem[] = []
  const header = (rows[0] ?? []).map(norm)
  const col = (name: string): number => header.findIndex((h) => h.replace(/[（(].*$/, '') === name.replace(/[（(].*$/, ''))
  const idx = { section: col('部分'), label: col('项目'), kind: col('分类'), amount: col('金额'), motion: col('表决编号'), prev: col('上期读数'), cur: col('本期读数'), price: col('单价'), note: col('说明') }
  const missing = (['section', 'label', 'amount'] as const).filter((k) => idx[k] < 0)
  if (missing.length) return { ok: false, problems: [{ row: 1, message: `表头缺少「${missing.map((k) => ({ section: '部分', label: '项目', amount: '金额（元）' })[k]).join('」「')}」列；请使用模板` }] }

  const r = emptyReport(basis.basis, basis.divisor)
  r.spending = null
  const feeItems = new Map<string, { label: string; rate: string; billed: number | null; collected: number | null }>()
  let billedTotal: number | null = null
  let collectedTotal: number | null = null
  let spendingTotal: number | null = null
  let utilitiesTotal: number | null = null
  const fund: { opening?: number; lumpSum?: number; closing?: number } = {}
  let count = 0

  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]
    if (!cells || cells.every((c) => norm(c) === '')) continue
    count++
    const row = i + 1
    const at = (k: keyof typeof idx) => (idx[k] >= 0 ? norm(cells[idx[k]]) : '')
    const bad = (message: string) => problems.push({ row, message })
    const section = at('section')
    const label = at('label')
    const kind = at('kind')
    const amountText = at('amount').replace(/,/g, '')
    const money = (text: string, what: string, optional = false): number | null => {
      if (text === '') {
        if (!optional) bad(`「${label}」缺少${what}`)
        return null
      }
      if (text.startsWith('-')) return bad(`「${label}」的${what} ${text} 是负数；请填正数`), null
      const fen = parseYuanToFen(text)
      if (fen === null) bad(/^\d+\.\d{3,}$/.test(text) ? `「${label}」的${what} ${text} 有不足一分的部分；金额最多两位小数` : `「${label}」的${what}「${text}」不是金额`)
      return fen
    }
    if (!label) { bad('缺少「项目」'); continue }
    switch (section) {
      case '物业费': {
        if (label === '期初欠费' || label === '期末欠费') {
          const v = money(amountText, '金额')
          if (v !== null) r.fees[label === '期初欠费' ? 'arrearsOpening' : 'arrearsClosing'] = v
          break
        }
        if (kind !== '应收' && kind !== '实收') { bad(`物业费「${label}」的分类须是「应收」或「实收」`); break }
        const v = money(amountText, '金额')
        if (v === null) break
        if (label === '合计') { if (kind === '应收') billedTotal = v; else collectedTotal = v; break }
        const item = feeItems.get(label) ?? { label, rate: '', billed: null, collected: null }
        if (kind === '应收') item.billed = v; else item.collected = v
        if (at('note')) item.rate = at('note')
        feeItems.set(label, item)
        break
      }
      case '支出': {
        const v = money(amountText, '金额')
        if (label === '合计') { spendingTotal = v; break }
        const category = CATEGORY.get(kind)
        if (!category) { bad(`支出「${label}」的分类「${kind}」不认识；可选：${Object.values(SPENDING_LABELS).join('、')}`); break }
        if (v !== null) (r.spending ??= { items: [], total: 0 }).items.push({ category, label, amount: v })
        break
      }
      case '服务资金': {
        const key = ({ 期初结余: 'opening', 包干部分: 'lumpSum', 期末结余: 'closing' } as const)[label as '期初结余']
        if (!key) { bad(`服务资金的项目只能是 期初结余、包干部分、期末结余`); break }
        const v = money(amountText, '金额')
        if (v !== null) fund[key] = v
        break
      }
      case '公共收益': {
        const v = money(amountText, '金额')
        if (v === null) break
        if (label === '期初余额') r.commonIncome.opening = v
        else if (label === '期末余额') r.commonIncome.closing = v
        else if (kind === '用途') r.commonIncome.uses.push({ label, amount: v })
        else {
          const source = SOURCE.get(kind)
          if (!source) bad(`公共收益「${label}」的分类「${kind}」不认识；可选：${Object.values(INCOME_LABELS).join('、')}、用途`)
          else r.commonIncome.income.push({ source, label, amount: v })
        }
        break
      }
      case '水电公摊': {
        if (label === '分摊方式') {
          if (kind !== '按户' && kind !== '按面积') bad('分摊方式只能是「按户」或「按面积」')
          else r.utilities.basis = kind === '按户' ? 'unit' : 'area'
          break
        }
        if (label === '合计') { utilitiesTotal = money(amountText, '金额'); break }
        const meterKind: MeterKind | null = kind === '水' ? 'water' : kind === '电' ? 'electricity' : null
        if (!meterKind) { bad(`水电公摊「${label}」的分类须是「水」或「电」`); break }
        const reading = (text: string, what: string): number | null => {
          if (!/^\d{1,12}$/.test(text)) return bad(`「${label}」的${what}「${text}」须是不带小数的非负整数`), null
          return Number(text)
        }
        const previous = reading(at('prev'), '上期读数')
        const current = reading(at('cur'), '本期读数')
        const unitPrice = money(at('price'), '单价')
        const amount = money(amountText, '金额', true)
        if (previous === null || current === null || unitPrice === null) break
        r.utilities.meters.push({ label, kind: meterKind, previous, current, unitPrice, amount: amount ?? Math.max(0, current - previous) * unitPrice })
        break
      }
      case '维修资金': {
        const v = money(amountText, '金额')
        if (v === null) break
        if (label === '期初余额') r.repairFund.opening = v
        else if (label === '期末余额') r.repairFund.closing = v
        else if (kind === '缴存') r.repairFund.contributions.push({ label, amount: v })
        else if (kind === '支取') r.repairFund.withdrawals.push({ label, amount: v, motionId: at('motion') || null })
        else bad(`维修资金「${label}」的分类须是「缴存」或「支取」`)
        break
      }
      default:
        bad(section ? `「部分」列的「${section}」不认识；可选：物业费、支出、服务资金、公共收益、水电公摊、维修资金` : '缺少「部分」')
    }
  }
  for (const item of feeItems.values()) {
    if (item.billed === null || item.collected === null) problems.push({ row: 1, message: `物业费「${item.label}」须有「应收」和「实收」两行` })
    else r.fees.items.push({ label: item.label, rate: item.rate, billed: item.billed, collected: item.collected })
  }
  if (count === 0) problems.push({ row: 2, message: '表格里没有数据' })
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) }

  // Totals not given are the sums; totals given are kept, so validation can show a mismatch.
  r.fees.billed = billedTotal ?? r.fees.items.reduce((s, i) => s + i.billed, 0)
  r.fees.collected = collectedTotal ?? r.fees.items.reduce((s, i) => s + i.collected, 0)
  if (r.spending) r.spending.total = spendingTotal ?? r.spending.items.reduce((s, l) => s + l.amount, 0)
  r.utilities.total = utilitiesTotal ?? r.utilities.meters.reduce((s, m) => s + m.amount, 0)
  if (fund.opening !== undefined || fund.closing !== undefined || fund.lumpSum !== undefined) r.serviceFund = { opening: fund.opening ?? 0, lumpSum: fund.lumpSum ?? 0, closing: fund.closing ?? 0 }
  return { ok: true, report: r, rows: count }
}
