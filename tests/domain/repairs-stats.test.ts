import { HOUR, MINUTE } from '../../src/domain/repairs/commitments'
import { formatAverage, formatDuration, formatShare, median, monthOf, monthRange, monthlyStats } from '../../src/domain/repairs/stats'

// Shanghai wall-clock time → UTC ms (UTC+8, no daylight saving).
const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi)
const URGENT = { responseMinutes: 30, completionMinutes: 240 }
const NORMAL = { responseMinutes: 120, completionMinutes: 2880 }
const req = (reportedAt: number, c: typeof URGENT, acceptedAfterMin: number | null, completedAfterMin: number | null, rating: number | null = null, reopenCount = 0) => ({
  reportedAt,
  ...c,
  firstAcceptedAt: acceptedAfterMin === null ? null : reportedAt + acceptedAfterMin * MINUTE,
  firstCompletedAt: completedAfterMin === null ? null : reportedAt + completedAfterMin * MINUTE,
  rating,
  reopenCount,
})

test('November 2026, computed by hand', () => {
  const requests = [
    req(sh(2026, 11, 2, 9), URGENT, 20, 180, 5), // A: both promises kept, 5 stars
    req(sh(2026, 11, 10, 9), NORMAL, 90, 3000, 3, 1), // B: completed 2 hours late, reopened once, 3 stars
    req(sh(2026, 11, 15, 9), URGENT, 40, 120), // C: answered 10 minutes late, confirmed automatically (no rating)
    req(sh(2026, 11, 30, 23, 30), NORMAL, 60, null), // D: still within its 48 hours at `now`: not yet decided
    req(sh(2026, 11, 20, 9), URGENT, null, null), // G: never answered, long past: decided, missed
    req(sh(2026, 10, 31, 23, 59), URGENT, 1, 2, 1), // October in Shanghai: not counted
    req(sh(2026, 12, 1, 0, 0), URGENT, 1, 2, 1), // December in Shanghai: not counted
  ]
  const s = monthlyStats('2026-11', requests, sh(2026, 12, 1, 12))
  expect(s).toEqual({
    month: '2026-11',
    requests: 5,
    // responses 20, 40, 60, 90 minutes → (40 + 60) / 2
    medianResponseMs: 50 * MINUTE,
    // completions 120, 180, 3000 minutes
    medianCompletionMs: 180 * MINUTE,
    // decided A, B, C, G; only A kept both promises
    withinCommitment: { num: 1, den: 4 },
    rating: { sum: 8, count: 2 },
    // completed A, B, C; B reopened
    reopenRate: { num: 1, den: 3 },
  })
  expect([formatShare(s.withinCommitment), formatShare(s.reopenRate), formatAverage(s.rating.sum, s.rating.count)]).toEqual(['25.0%', '33.3%', '4.0'])
  expect([formatDuration(s.medianResponseMs), formatDuration(s.medianCompletionMs)]).toEqual(['50 分', '3 小时'])
})

test('a month with nothing reported reads as dashes, not as 0 % or NaN', () => {
  const s = monthlyStats('2026-02', [], sh(2026, 3, 1))
  expect(s).toMatchObject({ requests: 0, medianResponseMs: null, withinCommitment: { num: 0, den: 0 }, rating: { sum: 0, count: 0 } })
  expect([formatShare(s.withinCommitment), formatAverage(0, 0), formatDuration(null)]).toEqual(['—', '—', '—'])
})

test('months follow the Shanghai calendar and shares round half up only on display', () => {
  expect(monthOf(sh(2026, 12, 1, 0, 0))).toBe('2026-12')
  expect(monthOf(sh(2026, 12, 1, 0, 0) - 1)).toBe('2026-11')
  expect(monthRange('2026-12')).toEqual({ from: sh(2026, 12, 1), to: sh(2027, 1, 1) })
  expect([formatShare({ num: 2, den: 3 }), formatShare({ num: 1, den: 8 }), formatAverage(14, 3), formatAverage(9, 2)]).toEqual(['66.7%', '12.5%', '4.7', '4.5'])
  expect(median([3, 1, 2])).toBe(2)
  expect(formatDuration(26 * HOUR + 5 * MINUTE)).toBe('1 天 2 小时 5 分')
})
