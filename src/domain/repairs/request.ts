// The repair request (报修单) and its state machine. Every status × command
// pair is listed in TRANSITIONS; anything not listed is refused with
// REPAIR.ILLEGAL_TRANSITION. Guards (a note to complete, a rating of 1–5, a
// missed commitment before urging) refuse with their own codes.
import { AppError } from '../errors'
import { DAY, dueState, type Commitment, type DuePhase, type RepairCategory, type Urgency } from './commitments'

export const REPAIR_STATUSES = ['reported', 'accepted', 'assigned', 'in_progress', 'completed', 'confirmed', 'reopened'] as const
export type RepairStatus = (typeof REPAIR_STATUSES)[number]

export const STATUS_LABELS: Record<RepairStatus, string> = {
  reported: '待接单',
  accepted: '已接单',
  assigned: '已派工',
  in_progress: '维修中',
  completed: '待确认',
  confirmed: '已完成',
  reopened: '已重开',
}

/** Statuses in which staff still owe something (the queue). */
export const OPEN_STATUSES: readonly RepairStatus[] = ['reported', 'reopened', 'accepted', 'assigned', 'in_progress']

export const MAX_PHOTOS = 9
export const AUTO_CONFIRM_AFTER = 7 * DAY

export type RepairLocation = { kind: 'unit'; building: string; unitNo: string } | { kind: 'common'; area: string }

export interface RepairRequest {
  id: string
  communityId: string
  /** Number shown to people, 1, 2, 3… per community. */
  no: number
  reporterId: string
  location: RepairLocation
  category: RepairCategory
  urgency: Urgency
  description: string
  photos: string[]
  preferredTime: string | null
  status: RepairStatus
  reportedAt: number
  /** Start of the current commitment clock: the report, or the latest reopening. */
  cycleStartedAt: number
  /** The commitment as it stood at the report, so later changes to the table do not move deadlines. */
  responseMinutes: number
  completionMinutes: number
  firstAcceptedAt: number | null
  firstCompletedAt: number | null
  completedAt: number | null
  confirmedAt: number | null
  autoConfirmed: boolean
  worker: string | null
  completionNote: string | null
  completionPhotos: string[]
  rating: number | null
  comment: string | null
  reopenCount: number
  /** Deadlines of the current cycle the reporter has already urged / the system has escalated. */
  urged: DuePhase[]
  escalated: DuePhase[]
  /** Reference of the repair-fund withdrawal this repair was paid from, e.g. "2026-Q2#1" (disclosure/withdrawal-ref.ts). */
  fundWithdrawalId: string | null
  /** Bumped on every change; a write against a stale version is refused. */
  version: number
}

export type RepairCommand =
  | { kind: 'accept' }
  | { kind: 'assign'; worker: string }
  | { kind: 'start' }
  | { kind: 'complete'; note: string; photos: string[] }
  | { kind: 'confirm'; rating: number; comment: string }
  | { kind: 'reopen'; reason: string }
  | { kind: 'urge' }
  | { kind: 'auto_confirm' }
  | { kind: 'escalate' }

export type RepairCommandKind = RepairCommand['kind']

export const COMMAND_LABELS: Record<RepairCommandKind, string> = {
  accept: '接单',
  assign: '派工',
  start: '开始维修',
  complete: '完工',
  confirm: '确认并评价',
  reopen: '重新打开',
  urge: '催单',
  auto_confirm: '超时自动确认',
  escalate: '逾期上报业委会',
}

/** Who may issue each command: property staff, the reporter, or the scheduled jobs. */
export const COMMAND_ACTOR: Record<RepairCommandKind, 'staff' | 'reporter' | 'system'> = {
  accept: 'staff',
  assign: 'staff',
  start: 'staff',
  complete: 'staff',
  confirm: 'reporter',
  reopen: 'reporter',
  urge: 'reporter',
  auto_confirm: 'system',
  escalate: 'system',
}

/** The whole state machine: from each status, the commands allowed and where they lead. */
export const TRANSITIONS: Record<RepairStatus, Partial<Record<RepairCommandKind, RepairStatus>>> = {
  reported: { accept: 'accepted', urge: 'reported', escalate: 'reported' },
  reopened: { accept: 'accepted', urge: 'reopened', escalate: 'reopened' },
  accepted: { assign: 'assigned', urge: 'accepted', escalate: 'accepted' },
  // Reassigning to another worker is allowed until work starts.
  assigned: { assign: 'assigned', start: 'in_progress', urge: 'assigned', escalate: 'assigned' },
  in_progress: { complete: 'completed', urge: 'in_progress', escalate: 'in_progress' },
  completed: { confirm: 'confirmed', reopen: 'reopened', auto_confirm: 'confirmed' },
  confirmed: {},
}

export const canApply = (status: RepairStatus, kind: RepairCommandKind): boolean => TRANSITIONS[status][kind] !== undefined

const text = (s: string) => s.trim()

export function checkPhotoCount(photos: readonly string[]): void {
  if (photos.length > MAX_PHOTOS) throw new AppError('REPAIR.TOO_MANY_PHOTOS', `最多上传 ${MAX_PHOTOS} 张照片`, { max: MAX_PHOTOS, count: photos.length })
}

export interface NewRepair {
  id: string
  communityId: string
  reporterId: string
  location: RepairLocation
  category: RepairCategory
  urgency: Urgency
  description: string
  photos: string[]
  preferredTime: string | null
}

/** A freshly reported request (its `no` is given by the store). */
export function reportRepair(input: NewRepair, commitment: Commitment | null, now: number): Omit<RepairRequest, 'no'> {
  if (!commitment) throw new AppError('REPAIR.NO_COMMITMENT', '本小区尚未设定此类报修的服务时限，请联系物业')
  if (!text(input.description)) throw new AppError('REPAIR.DESCRIPTION_REQUIRED', '请说明哪里坏了')
  checkPhotoCount(input.photos)
  if (new Set(input.photos).size !== input.photos.length) throw new AppError('REPAIR.DUPLICATE_PHOTO', '同一张照片上传了两次')
  return {
    ...input,
    description: text(input.description),
    status: 'reported',
    reportedAt: now,
    cycleStartedAt: now,
    responseMinutes: commitment.responseMinutes,
    completionMinutes: commitment.completionMinutes,
    firstAcceptedAt: null,
    firstCompletedAt: null,
    completedAt: null,
    confirmedAt: null,
    autoConfirmed: false,
    worker: null,
    completionNote: null,
    completionPhotos: [],
    rating: null,
    comment: null,
    reopenCount: 0,
    urged: [],
    escalated: [],
    fundWithdrawalId: null,
    version: 1,
  }
}

/** What staff owe on this request now, if anything. */
export const dueOf = (r: RepairRequest, now: number) => dueState(r, r, now)

/** When the request confirms itself, if the reporter says nothing. */
export const autoConfirmAt = (r: RepairRequest): number | null => (r.status === 'completed' && r.completedAt !== null ? r.completedAt + AUTO_CONFIRM_AFTER : null)

/** What the timeline records for a command (besides who and when). */
export type TimelineData = Record<string, unknown>

export interface Applied {
  next: RepairRequest
  data: TimelineData
}

/** Applies one command at `now`, or throws the AppError that says why not. */
export function applyRepair(r: RepairRequest, cmd: RepairCommand, now: number): Applied {
  const to = TRANSITIONS[r.status][cmd.kind]
  if (to === undefined) {
    throw new AppError('REPAIR.ILLEGAL_TRANSITION', `报修单${STATUS_LABELS[r.status]}，不能${COMMAND_LABELS[cmd.kind]}`, { status: r.status, command: cmd.kind })
  }
  const base = { ...r, status: to, version: r.version + 1 }
  switch (cmd.kind) {
    case 'accept':
      return { next: { ...base, firstAcceptedAt: r.firstAcceptedAt ?? now }, data: {} }
    case 'assign': {
      const worker = text(cmd.worker)
      if (!worker) throw new AppError('REPAIR.WORKER_REQUIRED', '请填写维修人员')
      return { next: { ...base, worker }, data: { worker } }
    }
    case 'start':
      return { next: base, data: {} }
    case 'complete': {
      const note = text(cmd.note)
      if (!note) throw new AppError('REPAIR.NOTE_REQUIRED', '完工时请写明修了什么')
      checkPhotoCount(cmd.photos)
      return { next: { ...base, completedAt: now, firstCompletedAt: r.firstCompletedAt ?? now, completionNote: note, completionPhotos: cmd.photos }, data: { note, photos: cmd.photos } }
    }
    case 'confirm': {
      if (!Number.isInteger(cmd.rating) || cmd.rating < 1 || cmd.rating > 5) throw new AppError('REPAIR.RATING_RANGE', '评分须为 1 到 5 颗星', { rating: cmd.rating })
      const comment = text(cmd.comment)
      return { next: { ...base, confirmedAt: now, rating: cmd.rating, comment: comment || null }, data: { rating: cmd.rating, comment } }
    }
    case 'reopen': {
      const reason = text(cmd.reason)
      if (!reason) throw new AppError('REPAIR.REASON_REQUIRED', '请写明为什么没修好')
      // A new cycle: the commitment clock restarts, and urging/escalation may happen again.
      return { next: { ...base, reopenCount: r.reopenCount + 1, cycleStartedAt: now, completedAt: null, completionNote: null, completionPhotos: [], urged: [], escalated: [] }, data: { reason } }
    }
    case 'urge': {
      const due = dueOf(r, now)
      if (!due?.overdue) throw new AppError('REPAIR.NOT_OVERDUE', '还没有超过承诺时间，暂时不能催单', due ? { dueAt: due.dueAt } : undefined)
      if (r.urged.includes(due.phase)) throw new AppError('REPAIR.ALREADY_URGED', '已经催过单了，物业正在处理')
      return { next: { ...base, urged: [...r.urged, due.phase] }, data: { phase: due.phase, dueAt: due.dueAt } }
    }
    case 'escalate': {
      const due = dueOf(r, now)
      if (!due?.overdue) throw new AppError('REPAIR.NOT_OVERDUE', '还没有逾期', due ? { dueAt: due.dueAt } : undefined)
      if (r.escalated.includes(due.phase)) throw new AppError('REPAIR.ALREADY_ESCALATED', '已上报业委会')
      return { next: { ...base, escalated: [...r.escalated, due.phase] }, data: { phase: due.phase, dueAt: due.dueAt } }
    }
    case 'auto_confirm': {
      const at = autoConfirmAt(r)!
      if (now < at) throw new AppError('REPAIR.NOT_YET_AUTO', '完工未满 7 天，不能自动确认', { at })
      return { next: { ...base, confirmedAt: now, autoConfirmed: true }, data: { completedAt: r.completedAt } }
    }
  }
}
