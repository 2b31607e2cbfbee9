// The monthly figures for the captains' meeting, against a month worked out by
// hand (November 2026, Shanghai time). sh(m, d, h) is a Shanghai wall-clock time.
import { monthFigures, median, type ItemFacts } from '../../src/domain/captains/numbers'
import { formatFraction, formatPercent, fraction } from '../../src/domain/captains/fraction'
import { monthOf, monthRange } from '../../src/domain/captains/time'

const sh = (m: number, d: number, h = 12, min = 0) => Date.UTC(2026, m - 1, d, h - 8, min)
const NOV = monthRange('2026-11')!
const f = (building: string, raisedAt: number, deadline: number | null, completedAt: number | null, confirmedAt: number | null, reopenedAt: number[] = []): ItemFacts =>
  ({ building, raisedAt, deadline, completedAt, confirmedAt, reopenedAt })

const ITEMS: ItemFacts[] = [
  // 1栋
  f('1栋', sh(11, 2, 10), sh(11, 9, 18), sh(11, 5), sh(11, 6, 9)), //              A: on time, confirmed after 4 days
  f('1栋', sh(10, 20), sh(11, 10), sh(11, 12), sh(11, 13)), //                    B: raised in October, completed late, 24 days
  f('1栋', sh(11, 15), sh(11, 25), null, null), //                                C: deadline passed, never completed
  f('1栋', sh(11, 20), sh(12, 5), null, null), //                                 D: due in December
  f('1栋', sh(10, 25), sh(11, 28), sh(12, 2), sh(12, 2, 18), [sh(11, 29)]), //   E: done 27th, reopened 29th, redone after the deadline
  // 2栋
  f('2栋', sh(11, 3, 9), sh(11, 6), sh(11, 4), sh(11, 4, 20)), //                  F: next day
  f('2栋', sh(11, 30, 23, 30), null, null, null), //                             G: the last half hour of November
  f('2栋', sh(12, 1, 0), null, null, null), //                                   H: first minute of December
  f('2栋', sh(10, 31, 23, 59), null, null, null), //                             I: last minute of October
  // 3栋
  f('3栋', sh(11, 10), sh(12, 1, 0), null, null), //                             J: deadline at midnight, i.e. December
  f('3栋', sh(11, 28), sh(11, 30, 23, 59), sh(11, 30, 20), sh(11, 30, 23)), //    K: due in the last minute, confirmed in time
]
const NOW = sh(12, 3)

test('the month is Shanghai time: 1 Nov 00:00 +08 is 31 Oct 16:00 UTC', () => {
  expect(NOV).toEqual({ start: Date.UTC(2026, 9, 31, 16), end: Date.UTC(2026, 10, 30, 16) })
  expect(monthOf(sh(11, 30, 23, 30))).toBe('2026-11')
  expect(monthOf(sh(12, 1, 0))).toBe('2026-12')
  expect(monthRange('2026-13')).toBeNull()
})

test('1栋: received 3 (A C D), closed 2 (A B), due 4 (A B C E), overdue 3 (B C E), reopened 1 (E), rate 2/4, median (4+24)/2 = 14 days', () => {
  const b1 = monthFigures(ITEMS, NOV, NOW).buildings[0]
  expect(b1).toEqual({
    building: '1栋', received: 3, closed: 2, due: 4, overdue: 3, reopened: 1, confirmedDue: 2,
    rate: { num: 1, den: 2 }, medianDaysToClose: { num: 14, den: 1 },
  })
  expect(formatPercent(b1.rate)).toBe('50%')
})

test('2栋: the boundary minutes decide the month; 1 of 1 due is 100 %', () => {
  const b2 = monthFigures(ITEMS, NOV, NOW).buildings[1]
  expect(b2).toMatchObject({ building: '2栋', received: 2, closed: 1, due: 1, overdue: 0, rate: { num: 1, den: 1 }, medianDaysToClose: { num: 1, den: 1 } })
  expect(formatPercent(b2.rate)).toBe('100%')
})

test('3栋: a deadline at midnight belongs to December; one a minute earlier is due and met', () => {
  const b3 = monthFigures(ITEMS, NOV, NOW).buildings[2]
  expect(b3).toMatchObject({ received: 2, closed: 1, due: 1, confirmedDue: 1, overdue: 0, medianDaysToClose: { num: 2, den: 1 } })
})

test('the whole community: 4 of 6 due confirmed is 2/3 (66.7 %), median of 1, 2, 4, 24 days is 3', () => {
  const { total } = monthFigures(ITEMS, NOV, NOW)
  expect(total).toMatchObject({ received: 7, closed: 4, due: 6, confirmedDue: 4, overdue: 3, reopened: 1 })
  expect(total.rate).toEqual({ num: 2, den: 3 })
  expect(formatPercent(total.rate)).toBe('66.7%')
  expect(formatFraction(total.medianDaysToClose)).toBe('3')
})

test('overdue is counted once a deadline has passed, as of now', () => {
  const c = [f('1栋', sh(11, 15), sh(11, 25), null, null)]
  expect(monthFigures(c, NOV, sh(11, 25) - 1).total.overdue).toBe(0)
  expect(monthFigures(c, NOV, sh(11, 25) + 1).total.overdue).toBe(1)
})

test('nothing due: the rate is shown as a dash, not 0 % or 100 %', () => {
  const { total } = monthFigures([f('1栋', sh(11, 3), null, null, null)], NOV, NOW)
  expect(total.rate).toBeNull()
  expect(formatPercent(total.rate)).toBe('—')
  expect(total.medianDaysToClose).toBeNull()
})

test('medians and percentages are exact: halves stay halves, thirds round half up at the edge only', () => {
  expect(median([3, 1, 2])).toEqual({ num: 2, den: 1 })
  expect(median([1, 2])).toEqual({ num: 3, den: 2 })
  expect(formatFraction(median([1, 2]))).toBe('1.5')
  expect(formatPercent(fraction(1, 3))).toBe('33.3%')
  expect(formatPercent(fraction(1, 8))).toBe('12.5%')
  expect(formatPercent(fraction(1, 16))).toBe('6.3%') // 6.25 rounds half up
  expect(formatPercent(fraction(0, 5))).toBe('0%')
})
