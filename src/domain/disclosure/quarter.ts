// Quarters as the committee names them ("2026-Q3"), in Asia/Shanghai time
// (UTC+8, no daylight saving), so a report for Q3 covers July–September there.
import { AppError } from '../errors'

export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`

const QUARTER = /^(\d{4})-Q([1-4])$/
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000

export const isQuarter = (s: string): s is Quarter => QUARTER.test(s)

export function parseQuarter(s: string): { year: number; q: 1 | 2 | 3 | 4 } {
  const m = QUARTER.exec(s)
  if (!m) throw new AppError('REPORT.BAD_QUARTER', `季度「${s}」格式不正确，应为如 2026-Q3`, { quarter: s })
  return { year: Number(m[1]), q: Number(m[2]) as 1 | 2 | 3 | 4 }
}

export const quarterOf = (ms: number): Quarter => {
  const d = new Date(ms + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-Q${(Math.floor(d.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`
}

export function previousQuarter(s: string): Quarter {
  const { year, q } = parseQuarter(s)
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${(q - 1) as 1 | 2 | 3}`
}

/** The first moment of the quarter, UTC ms. */
export function quarterStart(s: string): number {
  const { year, q } = parseQuarter(s)
  return Date.UTC(year, (q - 1) * 3, 1) - SHANGHAI_OFFSET_MS
}

/** "2026-Q3" -> "2026年第三季度". */
export function quarterLabel(s: string): string {
  const { year, q } = parseQuarter(s)
  return `${year}年第${'一二三四'[q - 1]}季度`
}

/** "2026-Q3" -> "26Q3", for chart axes. */
export const quarterShort = (s: string): string => `${s.slice(2, 4)}Q${s.slice(-1)}`

/** Drafts may be for the current quarter or earlier ones, never for a quarter that has not begun. */
export function assertNotFuture(quarter: string, now: number): void {
  if (quarterStart(quarter) > now) throw new AppError('REPORT.FUTURE_QUARTER', `${quarterLabel(quarter)}还没有开始，不能编制报告`, { quarter })
}

export function nextQuarter(s: string): Quarter {
  const { year, q } = parseQuarter(s)
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${(q + 1) as 2 | 3 | 4}`
}
