// The name a repair-fund withdrawal is known by outside its report, e.g.
// "2026-Q2#1": its quarter and its position (from 1) among the withdrawals of
// the newest published version of that quarter. A published version never
// changes, so the name is stable until a correction of that quarter reorders
// or drops withdrawals; repairs linked to it record the label they were linked
// under, so such a change stays visible.
import type { QuarterlyReport, Withdrawal } from './report'

export interface PublishedWithdrawal extends Withdrawal {
  ref: string
  quarter: string
  /** From 1, in the report's own order. */
  position: number
}

const REF = /^(\d{4}-Q[1-4])#([1-9]\d{0,3})$/

export const withdrawalRef = (quarter: string, position: number): string => `${quarter}#${position}`

/** The quarter and position a reference names, or null when it is not one. */
export function parseWithdrawalRef(ref: string): { quarter: string; position: number } | null {
  const m = REF.exec(ref.trim())
  return m ? { quarter: m[1], position: Number(m[2]) } : null
}

/** The withdrawals of one report under their references. */
export const withdrawalsOf = (quarter: string, report: QuarterlyReport): PublishedWithdrawal[] =>
  report.repairFund.withdrawals.map((w, i) => ({ ...w, ref: withdrawalRef(quarter, i + 1), quarter, position: i + 1 }))

/** The withdrawal a reference names in `report` (the newest version of the reference's quarter), or null. */
export function withdrawalNamed(ref: string, quarter: string, report: QuarterlyReport): PublishedWithdrawal | null {
  const parsed = parseWithdrawalRef(ref)
  if (!parsed || parsed.quarter !== quarter) return null
  return withdrawalsOf(quarter, report)[parsed.position - 1] ?? null
}
