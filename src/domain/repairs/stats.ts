// Monthly service numbers (Asia/Shanghai calendar months): what owners and
// the committee read about the property company's repair work. Shares and
// averages stay exact fractions; rounding happens only on display.
import { MINUTE } from './commitments'
import type { RepairRequest } from './request'

/** China has had no daylight saving since 1991: the offset is fixed. */
const SHANGHAI_OFFSET = 8 * 60 * MINUTE


export function monthOf(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/** The month's first instant and the next month's first instant, UTC ms. */
export function monthRange(month: string): { from: number; to: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) throw new RangeError(`not a month: ${month}`)
  const y = Number(m[1])
  const mo = Number(m[2]) - 1
  return { from: Date.UTC(y, mo, 1) - SHANGHAI_OFFSET, to: Date.UTC(y, mo + 1, 1) - SHANGHAI_OFFSET }
}

export interface Fraction {
  num: number
  den: number
}

export interface MonthlyRepairStats {
  month: string
  requests: number
  /** Report to first acceptance, ms; a half-ms when an even count falls between two values. */
  medianResponseMs: number | null
  /** Report to first completion, ms. */
  medianCompletionMs: number | null
  /** Requests whose first cycle is decided (completed, or its completion deadline passed) and of those, the ones that kept both promises. */
  withinCommitment: Fraction
  /** Sum of stars over requests rated by their reporter (automatic confirmations carry no rating). */
  rating: { sum: number; count: number }
  /** Requests reopened at least once, over requests completed at least once. */
  reopenRate: Fraction
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

type StatsInput = Pick<RepairRequest, 'reportedAt' | 'responseMinutes' | 'completionMinutes' | 'firstAcceptedAt' | 'firstCompletedAt' | 'rating' | 'reopenCount'>

/** The numbers of one month, over the requests reported in it, as they stand at `now`. */
export function monthlyStats(month: string, requests: readonly StatsInput[], now: number): MonthlyRepairStats {
  const { from, to } = monthRange(month)
  const inMonth = requests.filter((r) => r.reportedAt >= from && r.reportedAt < to)
  const responses: number[] = []
  const completions: number[] = []
  const within: Fraction = { num: 0, den: 0 }
  const rating = { sum: 0, count: 0 }
  const reopenRate: Fraction = { num: 0, den: 0 }
  for (const r of inMonth) {
    const responseDue = r.reportedAt + r.responseMinutes * MINUTE
    const completionDue = r.reportedAt + r.completionMinutes * MINUTE
    if (r.firstAcceptedAt !== null) responses.push(r.firstAcceptedAt - r.reportedAt)
    if (r.firstCompletedAt !== null) {
      completions.push(r.firstCompletedAt - r.reportedAt)
      reopenRate.den++
      if (r.reopenCount > 0) reopenRate.num++
    }
    if (r.firstCompletedAt !== null || now > completionDue) {
      within.den++
      const kept = r.firstAcceptedAt !== null && r.firstAcceptedAt <= responseDue && r.firstCompletedAt !== null && r.firstCompletedAt <= completionDue
      if (kept) within.num++
    }
    if (r.rating !== null) {
      rating.sum += r.rating
      rating.count++
    }
  }
  return { month, requests: inMonth.length, medianResponseMs: median(responses), medianCompletionMs: median(completions), withinCommitment: within, rating, reopenRate }
}

/** "83.3%" (rounded half up to tenths of a percent), or "—" with nothing to count. */
export function formatShare(f: Fraction): string {
  if (f.den === 0) return '—'
  const tenths = Math.floor((f.num * 2000 + f.den) / (2 * f.den))
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`
}

/** "4.5" stars (rounded half up to one decimal), or "—". */
export function formatAverage(sum: number, count: number): string {
  if (count === 0) return '—'
  const tenths = Math.floor((sum * 20 + count) / (2 * count))
  return `${Math.floor(tenths / 10)}.${tenths % 10}`
}

/** "1 小时 30 分" for a duration in ms (display only, rounded to the minute). */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—'
  const minutes = Math.round(ms / MINUTE)
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  return [d ? `${d} 天` : '', h ? `${h} 小时` : '', m || (!d && !h) ? `${m} 分` : ''].filter(Boolean).join(' ')
}
