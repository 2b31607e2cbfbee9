// Display of UTC milliseconds in Asia/Shanghai. China has kept UTC+8 without
// daylight saving since 1991, so a fixed offset is exact and needs no library.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/** 2026-11-28 10:00 (Asia/Shanghai). */
export function formatDateTime(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** The UTC milliseconds of a wall-clock time in Asia/Shanghai. */
export const shanghaiTime = (year: number, month: number, day: number, hour = 0, minute = 0): number => Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS
