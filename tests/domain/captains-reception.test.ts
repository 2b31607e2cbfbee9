// Reception days: planning one-off and weekly days for one's own buildings,
// cancelling and moving with a reason, booking slots, and the reminder window.
import { AppError } from '../../src/domain/errors'
import type { Actor } from '../../src/domain/captains/actor'
import { cancelDay, checkBooking, moveDay, planDays, reminderKey, reminderWindow, slotCount, slotStart, type Plan } from '../../src/domain/captains/reception'

const sh = (m: number, d: number, h = 12, min = 0) => Date.UTC(2026, m - 1, d, h - 8, min)
const NOW = sh(11, 28, 10)
const captain: Actor = { personId: 'cap', roles: ['owner', 'captain'], captainOf: ['1栋', '2栋', '3栋'], units: [] }
const owner: Actor = { personId: 'own', roles: ['owner'], captainOf: [], units: [{ building: '1栋', unitNo: '0202' }] }
const ids = { series: 's1', day: (i: number) => `d${i}` }
// Saturdays 9:00–11:00 at the 1栋 lobby, 15-minute slots.
const plan: Plan = { building: '1栋', startsAt: sh(12, 5, 9), durationMinutes: 120, weeks: 4, place: ' 1栋大堂 ', note: '带上照片更好', slotMinutes: 15 }

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e.code
    throw e
  }
  return undefined
}

test('a weekly plan makes the same Saturday morning four weeks running', () => {
  const days = planDays(plan, ids, 'c', captain, NOW)
  expect(days.map((d) => [d.id, d.startsAt, d.endsAt])).toEqual([
    ['d0', sh(12, 5, 9), sh(12, 5, 11)],
    ['d1', sh(12, 12, 9), sh(12, 12, 11)],
    ['d2', sh(12, 19, 9), sh(12, 19, 11)],
    ['d3', sh(12, 26, 9), sh(12, 26, 11)],
  ])
  expect(days[0]).toMatchObject({ place: '1栋大堂', seriesId: 's1', status: 'scheduled', createdBy: 'cap' })
  expect(slotCount(days[0])).toBe(8) // 120 / 15
  expect(slotStart(days[0], 7)).toBe(sh(12, 5, 10, 45))
})

test('refusals: another building, an owner, the past, odd lengths, no place, too many weeks', () => {
  expect(codeOf(() => planDays({ ...plan, building: '4栋' }, ids, 'c', captain, NOW))).toBe('CAPTAIN.NOT_MY_BUILDING')
  expect(codeOf(() => planDays(plan, ids, 'c', owner, NOW))).toBe('CAPTAIN.NOT_MY_BUILDING')
  expect(codeOf(() => planDays({ ...plan, startsAt: NOW }, ids, 'c', captain, NOW))).toBe('RECEPTION.IN_PAST')
  expect(codeOf(() => planDays({ ...plan, durationMinutes: 20 }, ids, 'c', captain, NOW))).toBe('RECEPTION.BAD_DURATION')
  expect(codeOf(() => planDays({ ...plan, durationMinutes: 100 }, ids, 'c', captain, NOW))).toBe('RECEPTION.BAD_SLOTS')
  expect(codeOf(() => planDays({ ...plan, place: '  ' }, ids, 'c', captain, NOW))).toBe('RECEPTION.PLACE_REQUIRED')
  expect(codeOf(() => planDays({ ...plan, weeks: 27 }, ids, 'c', captain, NOW))).toBe('RECEPTION.BAD_WEEKS')
  expect(planDays({ ...plan, weeks: 1 }, ids, 'c', captain, NOW)).toHaveLength(1)
})

test('cancel and move need a reason, a future day, and the building\'s captain', () => {
  const [day] = planDays(plan, ids, 'c', captain, NOW)
  expect(codeOf(() => cancelDay(day, captain, ' ', NOW))).toBe('RECEPTION.REASON_REQUIRED')
  expect(codeOf(() => cancelDay(day, owner, '下雨', NOW))).toBe('CAPTAIN.NOT_MY_BUILDING')
  expect(codeOf(() => cancelDay(day, captain, '下雨', day.startsAt))).toBe('RECEPTION.STARTED')
  const cancelled = cancelDay(day, captain, '楼长出差', NOW)
  expect(cancelled).toMatchObject({ status: 'cancelled', changeReason: '楼长出差', version: 2 })
  expect(codeOf(() => moveDay(cancelled, captain, sh(12, 6, 9), '改期', NOW))).toBe('RECEPTION.CANCELLED')

  const moved = moveDay(day, captain, sh(12, 6, 14), '周六停电', NOW)
  expect(moved).toMatchObject({ startsAt: sh(12, 6, 14), endsAt: sh(12, 6, 16), movedFrom: sh(12, 5, 9), changeReason: '周六停电' })
  expect(codeOf(() => moveDay(day, captain, NOW - 1, '改期', NOW))).toBe('RECEPTION.IN_PAST')
  // Moving announces the day again: the reminder key follows the start time.
  expect(reminderKey(moved)).not.toBe(reminderKey(day))
})

test('bookings: only a slot that exists, on a day that has not started or been cancelled', () => {
  const [day] = planDays(plan, ids, 'c', captain, NOW)
  expect(codeOf(() => checkBooking(day, 0, NOW))).toBeUndefined()
  expect(codeOf(() => checkBooking(day, 7, NOW))).toBeUndefined()
  expect(codeOf(() => checkBooking(day, 8, NOW))).toBe('RECEPTION.NO_SUCH_SLOT')
  expect(codeOf(() => checkBooking(day, -1, NOW))).toBe('RECEPTION.NO_SUCH_SLOT')
  expect(codeOf(() => checkBooking(day, 0, day.startsAt))).toBe('RECEPTION.STARTED')
  expect(codeOf(() => checkBooking(cancelDay(day, captain, '出差', NOW), 0, NOW))).toBe('RECEPTION.CANCELLED')
})

test('the day-before reminder covers all of tomorrow, Shanghai calendar', () => {
  // At 10:00 on the 28th (or at 23:59), the days starting on the 29th are reminded.
  expect(reminderWindow(NOW)).toEqual({ from: sh(11, 29, 0), to: sh(11, 30, 0) })
  expect(reminderWindow(sh(11, 28, 23, 59))).toEqual({ from: sh(11, 29, 0), to: sh(11, 30, 0) })
  // At 00:30 on the 29th (16:30 UTC on the 28th) it is already the 30th's turn.
  expect(reminderWindow(sh(11, 29, 0, 30))).toEqual({ from: sh(11, 30, 0), to: sh(12, 1, 0) })
})
