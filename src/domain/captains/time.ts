// Calendar arithmetic in Asia/Shanghai for the captains' rules. China keeps
// UTC+8 all year (no daylight saving), so a fixed offset is exact and the
// domain needs no time-zone library.
export const HOUR = 3_600_000
export const DAY = 24 * HOUR
export const WEEK = 7 * DAY
const OFFSET = 8 * HOUR

/** The Shanghai calendar day of an instant, as days since 1970-01-01. */
export const shanghaiDay = (ms: number): number => Math.floor((ms + OFFSET) / DAY)

/** Midnight (Shanghai) starting the given day number, in UTC ms. */
export const dayStart = (day: number): number => day * DAY - OFFSET

/** The month 'YYYY-MM' (Shanghai) an instant falls in. */
export function monthOf(ms: number): string {
  const d = new Date(ms + OFFSET)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/** [start, end) of a Shanghai month 'YYYY-MM', in UTC ms; null when the text is not a month. */
export function monthRange(month: string): { start: number; end: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2]) - 1
  return { start: Date.UTC(y, mo, 1) - OFFSET, end: Date.UTC(y, mo + 1, 1) - OFFSET }
}

const WEEKDAYS = '日一二三四五六'

/** '12月5日 周六 09:00', Shanghai time, for people reading a phone. */
export function formatShanghai(ms: number, withTime = true): string {
  const d = new Date(ms + OFFSET)
  const date = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`
  return withTime ? `${date} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : date
}

/** '2026-12-05' + '09:00' (Shanghai wall clock, as pickers give them) -> UTC ms; null if malformed. */
export function fromShanghai(date: string, time: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!m || !t) return null
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2])) - OFFSET
}

/** The Shanghai date 'YYYY-MM-DD' of an instant (for date pickers). */
export function shanghaiDate(ms: number): string {
  const d = new Date(ms + OFFSET)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}
