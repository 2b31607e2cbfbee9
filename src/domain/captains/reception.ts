// Reception days (接待日): a captain plans one-off or weekly days for a
// building they serve, cancels or moves a single day with a reason; owners
// book a slot; everyone in the building is reminded the day before.
import { AppError } from '../errors'
import { captains, type Actor } from './actor'
import { DAY, WEEK, dayStart, shanghaiDay } from './time'

export type DayStatus = 'scheduled' | 'cancelled'

export interface ReceptionDay {
  id: string
  communityId: string
  building: string
  /** Days planned together as one weekly series share this id. */
  seriesId: string
  startsAt: number
  endsAt: number
  place: string
  note: string
  slotMinutes: number
  status: DayStatus
  /** Why it was cancelled or moved (empty when never changed). */
  changeReason: string
  movedFrom: number | null
  createdBy: string
  version: number
}

export interface Plan {
  building: string
  startsAt: number
  durationMinutes: number
  /** 1 for a one-off day; n for the same time on n consecutive weeks. */
  weeks: number
  place: string
  note: string
  slotMinutes: number
}

export const MAX_WEEKS = 26
export const MIN_MINUTES = 30
export const MAX_MINUTES = 8 * 60
const MINUTE = 60_000

export function checkCaptainOf(actor: Actor, building: string): void {
  if (!captains(actor, building)) throw new AppError('CAPTAIN.NOT_MY_BUILDING', `您不是${building}的楼长，不能安排这栋楼的接待日`, { building })
}

function checkTimes(startsAt: number, durationMinutes: number, slotMinutes: number, now: number): void {
  if (startsAt <= now) throw new AppError('RECEPTION.IN_PAST', '接待时间不能早于现在', { field: 'startsAt' })
  if (durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES) throw new AppError('RECEPTION.BAD_DURATION', `接待时长须在 ${MIN_MINUTES} 分钟到 ${MAX_MINUTES / 60} 小时之间`, { field: 'durationMinutes' })
  if (durationMinutes % slotMinutes !== 0) throw new AppError('RECEPTION.BAD_SLOTS', '接待时长须是每个预约时段的整数倍', { field: 'slotMinutes' })
}

/** The days a plan makes: one, or the same time on consecutive weeks (UTC+8 has no DST, so +7 days is always the same clock time). */
export function planDays(plan: Plan, ids: { series: string; day: (i: number) => string }, communityId: string, actor: Actor, now: number): ReceptionDay[] {
  checkCaptainOf(actor, plan.building)
  checkTimes(plan.startsAt, plan.durationMinutes, plan.slotMinutes, now)
  if (!Number.isInteger(plan.weeks) || plan.weeks < 1 || plan.weeks > MAX_WEEKS) throw new AppError('RECEPTION.BAD_WEEKS', `每周重复的次数须在 1 到 ${MAX_WEEKS} 之间`, { field: 'weeks' })
  const place = plan.place.trim()
  if (!place) throw new AppError('RECEPTION.PLACE_REQUIRED', '请填写接待地点', { field: 'place' })
  return Array.from({ length: plan.weeks }, (_, i) => ({
    id: ids.day(i), communityId, building: plan.building, seriesId: ids.series,
    startsAt: plan.startsAt + i * WEEK, endsAt: plan.startsAt + i * WEEK + plan.durationMinutes * MINUTE,
    place, note: plan.note.trim(), slotMinutes: plan.slotMinutes, status: 'scheduled' as const,
    changeReason: '', movedFrom: null, createdBy: actor.personId, version: 1,
  }))
}

function checkChangeable(day: ReceptionDay, actor: Actor, reason: string, now: number): string {
  checkCaptainOf(actor, day.building)
  if (day.status === 'cancelled') throw new AppError('RECEPTION.CANCELLED', '这个接待日已经取消')
  if (day.startsAt <= now) throw new AppError('RECEPTION.STARTED', '接待日已经开始或已过，不能再更改')
  const r = reason.trim()
  if (!r) throw new AppError('RECEPTION.REASON_REQUIRED', '取消或调整接待日须说明原因', { field: 'reason' })
  return r
}

export function cancelDay(day: ReceptionDay, actor: Actor, reason: string, now: number): ReceptionDay {
  const r = checkChangeable(day, actor, reason, now)
  return { ...day, status: 'cancelled', changeReason: r, version: day.version + 1 }
}

/** Moves one day to a new start (same length); its bookings keep their slot numbers. */
export function moveDay(day: ReceptionDay, actor: Actor, startsAt: number, reason: string, now: number): ReceptionDay {
  const r = checkChangeable(day, actor, reason, now)
  checkTimes(startsAt, (day.endsAt - day.startsAt) / MINUTE, day.slotMinutes, now)
  return { ...day, startsAt, endsAt: startsAt + (day.endsAt - day.startsAt), changeReason: r, movedFrom: day.startsAt, version: day.version + 1 }
}

export const slotCount = (day: Pick<ReceptionDay, 'startsAt' | 'endsAt' | 'slotMinutes'>): number => (day.endsAt - day.startsAt) / (day.slotMinutes * MINUTE)
export const slotStart = (day: Pick<ReceptionDay, 'startsAt' | 'slotMinutes'>, slot: number): number => day.startsAt + slot * day.slotMinutes * MINUTE

/** A booking is for a scheduled day that has not started, in a slot that exists. Uniqueness of the slot is the database's job. */
export function checkBooking(day: ReceptionDay, slot: number, now: number): void {
  if (day.status === 'cancelled') throw new AppError('RECEPTION.CANCELLED', '这个接待日已经取消')
  if (day.startsAt <= now) throw new AppError('RECEPTION.STARTED', '接待日已经开始或已过，不能再预约')
  if (!Number.isInteger(slot) || slot < 0 || slot >= slotCount(day)) throw new AppError('RECEPTION.NO_SUCH_SLOT', '没有这个预约时段', { field: 'slot' })
}

/** The window of start times whose reminder goes out at `now`: every day starting tomorrow (Shanghai calendar). */
export function reminderWindow(now: number): { from: number; to: number } {
  const tomorrow = shanghaiDay(now) + 1
  return { from: dayStart(tomorrow), to: dayStart(tomorrow) + DAY }
}

/** Reminder key: one per day and start time, so a moved day is announced again. */
export const reminderKey = (day: Pick<ReceptionDay, 'id' | 'startsAt'>): string => `reception-reminder:${day.id}:${day.startsAt}`
