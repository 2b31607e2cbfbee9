// The rectification item (整改事项): raised by an owner or logged by a captain,
// assigned to the property company or the committee with a deadline, worked
// on, completed with a note, then confirmed by the raiser or reopened with a
// reason. Past its deadline it escalates to the committee, a week later to
// the supervisors. Every transition is listed in TRANSITIONS; anything not
// listed is refused with RECT.ILLEGAL_TRANSITION.
import { AppError } from '../errors'
import { captains, holds, livesIn, type Actor, type UnitRef } from './actor'
import type { Category } from './categories'
import { WEEK } from './time'

export const STATUSES = ['raised', 'assigned', 'in_progress', 'completed', 'confirmed', 'reopened'] as const
export type ItemStatus = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<ItemStatus, string> = {
  raised: '待分派', assigned: '已分派', in_progress: '整改中', completed: '待确认', confirmed: '已确认完成', reopened: '已重新打开',
}

export type Assignee = 'property' | 'committee'
export const ASSIGNEE_LABELS: Record<Assignee, string> = { property: '物业', committee: '业委会' }

/** 0: on time; 1: escalated to the committee; 2: escalated to the supervisors. */
export type Escalation = 0 | 1 | 2
export const ESCALATION_LABELS: Record<Escalation, string> = { 0: '', 1: '已逾期，上报业委会', 2: '逾期超过一周，上报监督' }

export const MAX_PHOTOS = 9
export const MAX_NOTE = 500

export interface RectificationItem extends UnitRef {
  id: string
  communityId: string
  category: Category
  description: string
  photos: string[]
  raisedBy: string
  raisedVia: 'captain' | 'owner'
  receptionDayId: string | null
  raisedAt: number
  status: ItemStatus
  assignee: Assignee | null
  deadline: number | null
  escalation: Escalation
  escalatedAt: number | null
  completedAt: number | null
  confirmedAt: number | null
  reopenCount: number
  /** Bumped by every step: a write succeeds only against the version it read. */
  version: number
  updatedAt: number
}

export type StepAction = 'raise' | 'assign' | 'progress' | 'complete' | 'confirm' | 'reopen' | 'escalate'
export const STEP_LABELS: Record<StepAction, string> = {
  raise: '登记', assign: '分派', progress: '进展', complete: '完成整改', confirm: '确认完成', reopen: '重新打开', escalate: '逾期上报',
}

export interface ItemStep {
  action: StepAction
  at: number
  actorId: string
  note: string
  photos: string[]
  /** What changed, e.g. the assignee and deadline, or the escalation level. */
  data: Record<string, unknown>
}

export type Command =
  | { kind: 'assign'; assignee: Assignee; deadline: number; note?: string }
  | { kind: 'progress'; note: string; photos?: string[] }
  | { kind: 'complete'; note: string; photos?: string[] }
  | { kind: 'confirm'; note?: string }
  | { kind: 'reopen'; reason: string; photos?: string[] }
  | { kind: 'escalate' }

type CommandKind = Command['kind']

/** The whole state machine: from each status, the commands it accepts and where they lead. */
export const TRANSITIONS: Record<ItemStatus, Partial<Record<CommandKind, ItemStatus>>> = {
  raised: { assign: 'assigned' },
  assigned: { assign: 'assigned', progress: 'in_progress', complete: 'completed', escalate: 'assigned' },
  in_progress: { progress: 'in_progress', complete: 'completed', escalate: 'in_progress' },
  completed: { confirm: 'confirmed', reopen: 'reopened' },
  confirmed: {},
  reopened: { assign: 'assigned', progress: 'in_progress', complete: 'completed', escalate: 'reopened' },
}

const COMMAND_LABELS: Record<CommandKind, string> = { assign: '分派', progress: '更新进展', complete: '完成整改', confirm: '确认完成', reopen: '重新打开', escalate: '逾期上报' }

/** Still waiting for the assignee's work (these are the ones that can be overdue). */
export const isOpenWork = (s: ItemStatus): boolean => s === 'assigned' || s === 'in_progress' || s === 'reopened'

/** Who may take which step: the committee or the building's captain assigns; the assignee works; the raiser's household confirms. */
export function checkActor(item: RectificationItem, cmd: Command, actor: Actor): void {
  switch (cmd.kind) {
    case 'assign':
      if (holds(actor, 'committee') || captains(actor, item.building)) return
      if (holds(actor, 'captain')) throw new AppError('CAPTAIN.NOT_MY_BUILDING', `您不是${item.building}的楼长，不能处理这栋楼的事项`)
      throw new AppError('RECT.NOT_ALLOWED', '只有业委会或本楼楼长可以分派整改')
    case 'progress':
    case 'complete':
      if (item.assignee && holds(actor, item.assignee)) return
      throw new AppError('RECT.NOT_ASSIGNEE', item.assignee ? `此事项由${ASSIGNEE_LABELS[item.assignee]}整改，您不能提交进展` : '此事项还没有分派')
    case 'confirm':
    case 'reopen':
      if (actor.personId === item.raisedBy || livesIn(actor, item)) return
      throw new AppError('RECT.NOT_RAISER', '只有反映问题的住户本人可以确认或重新打开')
    case 'escalate':
      return
  }
}

const trimmed = (s: string | undefined): string => (s ?? '').trim()

function checkPhotos(photos: readonly string[] | undefined): string[] {
  const list = [...(photos ?? [])]
  if (list.length > MAX_PHOTOS) throw new AppError('RECT.TOO_MANY_PHOTOS', `照片最多 ${MAX_PHOTOS} 张`)
  return list
}

function checkNote(note: string, code: string, missing: string): string {
  if (!note) throw new AppError(code as `${Uppercase<string>}.${Uppercase<string>}`, missing, { field: code === 'RECT.REASON_REQUIRED' ? 'reason' : 'note' })
  if (note.length > MAX_NOTE) throw new AppError('RECT.NOTE_TOO_LONG', `说明不能超过 ${MAX_NOTE} 字`)
  return note
}

/** The escalation level an open item should have at `now` (never lowers one). */
export function escalationDue(item: Pick<RectificationItem, 'status' | 'deadline' | 'escalation' | 'escalatedAt'>, now: number): Escalation {
  if (!isOpenWork(item.status) || item.deadline === null || now < item.deadline) return item.escalation
  if (item.escalation === 0) return 1
  // A week after it went to the committee, the supervisors are told.
  if (item.escalation === 1 && item.escalatedAt !== null && now >= item.escalatedAt + WEEK) return 2
  return item.escalation
}

/**
 * Applies one command at `now`: checks the transition, the actor and the
 * input, and returns the next item and the step to record. Throws AppError.
 */
export function applyCommand(item: RectificationItem, cmd: Command, actor: Actor, now: number): { item: RectificationItem; step: ItemStep } {
  const next = TRANSITIONS[item.status][cmd.kind]
  if (!next) {
    throw new AppError('RECT.ILLEGAL_TRANSITION', `此事项${STATUS_LABELS[item.status]}，不能${COMMAND_LABELS[cmd.kind]}`, { status: item.status, command: cmd.kind })
  }
  checkActor(item, cmd, actor)
  const base = { ...item, status: next, version: item.version + 1, updatedAt: now }
  const step = (action: StepAction, note: string, photos: string[], data: Record<string, unknown>): ItemStep => ({ action, at: now, actorId: actor.personId, note, photos, data })
  switch (cmd.kind) {
    case 'assign': {
      if (!Number.isSafeInteger(cmd.deadline) || cmd.deadline <= now) throw new AppError('RECT.DEADLINE_PAST', '整改期限不能早于现在', { field: 'deadline' })
      // A new deadline starts the escalation clock again.
      return { item: { ...base, assignee: cmd.assignee, deadline: cmd.deadline, escalation: 0, escalatedAt: null }, step: step('assign', trimmed(cmd.note), [], { assignee: cmd.assignee, deadline: cmd.deadline }) }
    }
    case 'progress': {
      const note = checkNote(trimmed(cmd.note), 'RECT.NOTE_REQUIRED', '请写明整改进展')
      return { item: base, step: step('progress', note, checkPhotos(cmd.photos), {}) }
    }
    case 'complete': {
      const note = checkNote(trimmed(cmd.note), 'RECT.NOTE_REQUIRED', '完成整改时须写明做了什么')
      return { item: { ...base, completedAt: now }, step: step('complete', note, checkPhotos(cmd.photos), {}) }
    }
    case 'confirm':
      return { item: { ...base, confirmedAt: now }, step: step('confirm', trimmed(cmd.note), [], {}) }
    case 'reopen': {
      const reason = checkNote(trimmed(cmd.reason), 'RECT.REASON_REQUIRED', '重新打开时须说明原因')
      return { item: { ...base, completedAt: null, reopenCount: item.reopenCount + 1 }, step: step('reopen', reason, checkPhotos(cmd.photos), {}) }
    }
    case 'escalate': {
      const level = escalationDue(item, now)
      if (level === item.escalation) throw new AppError('RECT.NOT_DUE', '此事项还不到上报的时候', { escalation: item.escalation })
      return { item: { ...base, escalation: level, escalatedAt: now }, step: step('escalate', ESCALATION_LABELS[level], [], { escalation: level, deadline: item.deadline }) }
    }
  }
}

export interface RaiseInput extends UnitRef {
  id: string
  communityId: string
  category: Category
  description: string
  photos?: string[]
  receptionDayId?: string | null
}

/** A new item: a captain logs it for a unit in their building, or an owner/resident raises it for their own unit. */
export function raiseItem(input: RaiseInput, actor: Actor, now: number): { item: RectificationItem; step: ItemStep } {
  let via: RectificationItem['raisedVia']
  if (captains(actor, input.building)) via = 'captain'
  else if (livesIn(actor, input)) via = 'owner'
  else if (holds(actor, 'captain')) throw new AppError('CAPTAIN.NOT_MY_BUILDING', `您不是${input.building}的楼长，不能登记这栋楼的事项`)
  else throw new AppError('RECT.NOT_YOUR_UNIT', '只能为自己的房屋反映问题')
  const description = checkNote(trimmed(input.description), 'RECT.DESCRIPTION_REQUIRED', '请描述问题')
  const photos = checkPhotos(input.photos)
  const item: RectificationItem = {
    id: input.id, communityId: input.communityId, building: input.building, unitNo: input.unitNo, category: input.category, description, photos,
    raisedBy: actor.personId, raisedVia: via, receptionDayId: input.receptionDayId ?? null, raisedAt: now,
    status: 'raised', assignee: null, deadline: null, escalation: 0, escalatedAt: null, completedAt: null, confirmedAt: null, reopenCount: 0, version: 1, updatedAt: now,
  }
  return { item, step: { action: 'raise', at: now, actorId: actor.personId, note: description, photos, data: { via, building: input.building, unitNo: input.unitNo, category: input.category } } }
}

/** What a viewer may see of an item: everything, the item with the unit masked (same building), or nothing. */
export function visibilityOf(item: Pick<RectificationItem, 'building' | 'unitNo' | 'raisedBy'>, viewer: Actor): 'full' | 'masked' | 'none' {
  if (holds(viewer, 'committee', 'property', 'supervisor') || captains(viewer, item.building)) return 'full'
  if (viewer.personId === item.raisedBy || livesIn(viewer, item)) return 'full'
  if (viewer.units.some((u) => u.building === item.building)) return 'masked'
  return 'none'
}

/** '0302' -> '****': owners of the building see that an item exists, not whose door it came from. */
export const maskUnitNo = (unitNo: string): string => '*'.repeat(Math.max(unitNo.length, 4))
