// The figures a captain reports at the monthly meeting (月会), per building,
// for one Shanghai calendar month [start, end):
//   received  items raised in the month
//   closed    items confirmed by their raiser in the month
//   due       items whose deadline fell in the month
//   overdue   of those due, the ones not completed by their deadline
//             (counted once the deadline has passed, as of `now`)
//   reopened  items reopened in the month (an item reopened twice counts once)
//   rate      of those due, the ones confirmed before the month ended
//             (closed-and-confirmed ÷ due, an exact fraction; none due: —)
//   median    days from raising to confirmation, Shanghai calendar days,
//             over the items closed in the month (a half when the count is even)
import { fraction, type Fraction } from './fraction'
import { shanghaiDay } from './time'

export interface ItemFacts {
  building: string
  raisedAt: number
  deadline: number | null
  /** The latest completion, if the item stands completed or confirmed. */
  completedAt: number | null
  confirmedAt: number | null
  reopenedAt: readonly number[]
}

export interface BuildingMonth {
  building: string
  received: number
  closed: number
  due: number
  overdue: number
  reopened: number
  confirmedDue: number
  rate: Fraction | null
  medianDaysToClose: Fraction | null
}

const within = (t: number | null, start: number, end: number): t is number => t !== null && t >= start && t < end

export function median(values: readonly number[]): Fraction | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? fraction(s[mid], 1) : fraction(s[mid - 1] + s[mid], 2)
}

function figures(building: string, items: readonly ItemFacts[], start: number, end: number, now: number): BuildingMonth {
  let received = 0, closed = 0, due = 0, overdue = 0, reopened = 0, confirmedDue = 0
  const days: number[] = []
  for (const it of items) {
    if (within(it.raisedAt, start, end)) received++
    if (within(it.confirmedAt, start, end)) {
      closed++
      days.push(shanghaiDay(it.confirmedAt) - shanghaiDay(it.raisedAt))
    }
    if (it.reopenedAt.some((t) => t >= start && t < end)) reopened++
    if (within(it.deadline, start, end)) {
      due++
      if (it.confirmedAt !== null && it.confirmedAt < end) confirmedDue++
      const late = it.deadline < now && (it.completedAt === null || it.completedAt > it.deadline)
      if (late) overdue++
    }
  }
  return { building, received, closed, due, overdue, reopened, confirmedDue, rate: fraction(confirmedDue, due), medianDaysToClose: median(days) }
}

/** One row per building (sorted by building), plus the whole community's row. */
export function monthFigures(items: readonly ItemFacts[], range: { start: number; end: number }, now: number): { buildings: BuildingMonth[]; total: BuildingMonth } {
  const byBuilding = new Map<string, ItemFacts[]>()
  for (const it of items) byBuilding.set(it.building, [...(byBuilding.get(it.building) ?? []), it])
  const names = [...byBuilding.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))
  return {
    buildings: names.map((b) => figures(b, byBuilding.get(b)!, range.start, range.end, now)),
    total: figures('全小区', items, range.start, range.end, now),
  }
}
