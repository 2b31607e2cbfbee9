// Shared by the captains' functions: who the caller is in the captains' rules
// (roles, captain buildings, units), what they may see of an item or a day,
// the photo checks, and the two jobs the host runs periodically (or anyone
// may trigger with `now`): day-before reminders and deadline escalation.
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../domain/captains/actor'
import { CLAIM_STATUS_LABELS, type ClaimTask } from '../../domain/captains/claims'
import { reminderKey, reminderWindow, slotCount, type ReceptionDay } from '../../domain/captains/reception'
import { applyCommand, checkActor, maskUnitNo, visibilityOf, TRANSITIONS, type Command, type RectificationItem } from '../../domain/captains/rectification'
import { AppError } from '../../domain/errors'
import { maskName } from '../../domain/mask'
import type { ClaimView, ItemView, ReceptionDayView } from '../../contracts/captains'
import type { Booking } from './captains-port'
import type { Caller } from './handler'
import type { Ports } from './ports'

export const newId = (prefix: string): string => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`

/** The caller as the captains' rules see them, in the community of the call. */
export async function actorOf(caller: Caller, ports: Ports): Promise<Actor> {
  const c = caller.community!
  const units = (await ports.identity.unitsOf(caller.person.id)).filter((u) => u.communityId === c.communityId)
  return { personId: caller.person.id, roles: c.roles, captainOf: c.buildings, units: units.map((u) => ({ building: u.building, unitNo: u.unitNo })) }
}

export async function requireItem(ports: Ports, communityId: string, itemId: string): Promise<RectificationItem> {
  const item = await ports.captains.item(itemId)
  if (!item || item.communityId !== communityId) throw new AppError('RECT.NOT_FOUND', '找不到这个事项')
  return item
}

export async function requireDay(ports: Ports, communityId: string, dayId: string): Promise<ReceptionDay> {
  const day = await ports.captains.day(dayId)
  if (!day || day.communityId !== communityId) throw new AppError('RECEPTION.NOT_FOUND', '找不到这个接待日')
  return day
}

/** Photos must be files uploaded to this community as photos. */
export async function checkPhotoIds(ports: Ports, communityId: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const f = await ports.files.meta(id)
    if (!f || f.communityId !== communityId || f.purpose !== 'photo') throw new AppError('RECT.BAD_PHOTO', '照片无效，请重新上传', { fileId: id })
  }
}

const ACTIONS = ['assign', 'progress', 'complete', 'confirm', 'reopen'] as const

/** The commands this actor could give now (the page shows only these buttons). */
export function possibleActions(item: RectificationItem, actor: Actor): ItemView['canAct'] {
  return ACTIONS.filter((k) => {
    if (!TRANSITIONS[item.status][k]) return false
    try {
      checkActor(item, { kind: k } as Command, actor)
      return true
    } catch {
      return false
    }
  })
}

/** The item as this viewer may see it, or null when they may not see it at all. */
export function viewItem(item: RectificationItem, actor: Actor): ItemView | null {
  const vis = visibilityOf(item, actor)
  if (vis === 'none') return null
  return {
    id: item.id, building: item.building, unitNo: vis === 'masked' ? maskUnitNo(item.unitNo) : item.unitNo, masked: vis === 'masked',
    category: item.category, description: item.description, photos: item.photos, raisedVia: item.raisedVia, raisedAt: item.raisedAt,
    status: item.status, assignee: item.assignee, deadline: item.deadline, escalation: item.escalation, completedAt: item.completedAt,
    confirmedAt: item.confirmedAt, reopenCount: item.reopenCount, canAct: vis === 'masked' ? [] : possibleActions(item, actor),
  }
}

export function viewDay(day: ReceptionDay, bookings: Booking[], personId: string, asCaptain: boolean): ReceptionDayView {
  const mine = bookings.filter((b) => b.dayId === day.id)
  return {
    id: day.id, building: day.building, seriesId: day.seriesId, startsAt: day.startsAt, endsAt: day.endsAt, place: day.place, note: day.note,
    slotMinutes: day.slotMinutes, slots: slotCount(day), booked: mine.map((b) => b.slot), status: day.status, changeReason: day.changeReason,
    movedFrom: day.movedFrom, mySlot: mine.find((b) => b.personId === personId)?.slot ?? null,
    ...(asCaptain ? { bookings: mine.map((b) => ({ slot: b.slot, building: b.building, unitNo: b.unitNo, note: b.note })) } : {}),
  }
}

export function viewClaim(t: ClaimTask, names: Map<string, string>, viewerId: string, fullNames: boolean): ClaimView {
  const name = t.takerId ? names.get(t.takerId) ?? '（已离开本小区）' : null
  return {
    id: t.id, title: t.title, detail: t.detail, status: t.status, publishedBy: names.get(t.publishedBy) ?? '业委会', publishedAt: t.publishedAt,
    takerName: name && !fullNames && t.takerId !== viewerId ? maskName(name) : name, takenHow: t.takenHow, takenAt: t.takenAt,
    doneNote: t.doneNote, doneAt: t.doneAt, mine: t.takerId === viewerId,
  }
}
export { CLAIM_STATUS_LABELS }

const shanghaiTime = (ms: number): string => {
  const d = new Date(ms + 8 * 3_600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}
export const ITEM_PAGE = (id: string) => `/packages/captain/pages/item/index?id=${id}`
export const DAYS_PAGE = '/packages/captain/pages/days/index'

/** Reminds every household of a building (and its captains) of tomorrow's reception days. Idempotent by dedupe key. */
export async function sendReceptionReminders(ports: Ports, now: number, communityId?: string): Promise<{ days: number; notices: number }> {
  const { from, to } = reminderWindow(now)
  const days = (await ports.captains.daysStarting(from, to)).filter((d) => !communityId || d.communityId === communityId)
  let notices = 0
  for (const d of days) {
    const people = await ports.identity.communityPeople(d.communityId)
    const captains = people.filter((p) => p.roles.includes('captain') && p.buildings.includes(d.building)).map((p) => p.person.id)
    const recipients = [...new Set([...(await ports.captains.householdsOf(d.communityId, d.building)), ...captains])]
    notices += await ports.notifications.send({
      communityId: d.communityId, recipientIds: recipients, kind: 'reception.reminder',
      title: `明天${d.building}楼长接待日`, body: `${shanghaiTime(d.startsAt)}，${d.place}。有问题可当面反映，也可提前在小程序里提交。`,
      page: DAYS_PAGE, dedupeKey: reminderKey(d), at: now,
    })
  }
  return { days: days.length, notices }
}

/** Escalates every open item past its deadline one level (committee, then a week later supervisors), each in the audit chain. */
export async function escalateOverdue(ports: Ports, now: number, communityId?: string): Promise<{ escalated: number; toCommittee: number; toSupervisors: number }> {
  let toCommittee = 0
  let toSupervisors = 0
  const system: Actor = { personId: 'system', roles: [], captainOf: [], units: [] }
  for (const item of await ports.captains.escalationCandidates(now, 1000)) {
    if (communityId && item.communityId !== communityId) continue
    let next
    try {
      next = applyCommand(item, { kind: 'escalate' }, system, now)
    } catch {
      continue // not due yet (committee level, less than a week)
    }
    try {
      await ports.captains.saveStep(next.item, item.version, next.step, { communityId: item.communityId, actorId: null, action: 'rect.escalate', subject: `rect:${item.id}`, data: { escalation: next.item.escalation, deadline: item.deadline } })
    } catch (e) {
      if (e instanceof AppError && e.code === 'CONFLICT') continue // someone acted on it meanwhile; the next run will see
      throw e
    }
    const level = next.item.escalation
    if (level === 1) toCommittee++
    else toSupervisors++
    const people = await ports.identity.communityPeople(item.communityId)
    const role = level === 1 ? 'committee' : 'supervisor'
    await ports.notifications.send({
      communityId: item.communityId, recipientIds: people.filter((p) => p.roles.includes(role)).map((p) => p.person.id), kind: 'rect.escalated',
      title: level === 1 ? '整改事项逾期，已上报业委会' : '整改事项逾期超过一周，已上报监督',
      body: `${item.building}：${item.description.slice(0, 40)}`, page: ITEM_PAGE(item.id), dedupeKey: `rect-escalated:${item.id}:${level}:${item.deadline}`, at: now,
    })
  }
  return { escalated: toCommittee + toSupervisors, toCommittee, toSupervisors }
}
