// Requests and answers of the building captains' functions: reception days,
// rectification items, monthly figures and the claim board.
import { z } from 'zod'
import { CATEGORIES, type Category } from '../domain/captains/categories'
import type { ClaimStatus } from '../domain/captains/claims'
import type { BuildingMonth } from '../domain/captains/numbers'
import { STATUSES, type Assignee, type Escalation, type ItemStatus, type StepAction } from '../domain/captains/rectification'
import { communityInput, id } from './identity'

const ms = (label: string) => z.number({ required_error: `缺少${label}`, invalid_type_error: `${label}须是时间` }).int(`${label}须是时间`).min(0, `${label}须是时间`)
const text = (label: string, max: number) => z.string({ required_error: `缺少${label}`, invalid_type_error: `${label}须是文字` }).max(max, `${label}最多 ${max} 个字`)
const building = z.string({ required_error: '缺少楼栋' }).trim().min(1, '缺少楼栋').max(20, '楼栋名称过长')
const unitNo = z.string({ required_error: '缺少房号' }).trim().min(1, '缺少房号').max(20, '房号过长')
const photos = z.array(id('照片编号'), { invalid_type_error: '照片须是列表' }).max(9, '照片最多 9 张').default([])
const limit = z.number().int().min(1).max(100).default(20)
const cursor = z.string().max(100).nullable().default(null)

// ---- reception days ----
export const receptionScheduleInput = communityInput.extend({
  building,
  startsAt: ms('开始时间'),
  durationMinutes: z.number({ required_error: '缺少接待时长' }).int('接待时长须是整数分钟'),
  weeks: z.number().int('重复周数须是整数').default(1),
  place: text('地点', 60),
  note: text('备注', 200).default(''),
  slotMinutes: z.union([z.literal(10), z.literal(15), z.literal(20), z.literal(30)], { errorMap: () => ({ message: '每个预约时段只能是 10、15、20 或 30 分钟' }) }).default(15),
}).strict()
export const receptionCancelInput = communityInput.extend({ dayId: id('接待日编号'), reason: text('原因', 200) }).strict()
export const receptionMoveInput = communityInput.extend({ dayId: id('接待日编号'), startsAt: ms('新的开始时间'), reason: text('原因', 200) }).strict()
export const receptionUpcomingInput = communityInput.extend({ building: building.optional(), limit: z.number().int().min(1).max(50).default(20) }).strict()
export const receptionBookInput = communityInput.extend({
  dayId: id('接待日编号'),
  slot: z.number({ required_error: '请选择时段' }).int('时段须是整数'),
  note: text('想反映的事', 200).default(''),
}).strict()
export const receptionRemindersInput = communityInput

export interface ReceptionDayView {
  id: string
  building: string
  seriesId: string
  startsAt: number
  endsAt: number
  place: string
  note: string
  slotMinutes: number
  slots: number
  booked: number[]
  status: 'scheduled' | 'cancelled'
  changeReason: string
  movedFrom: number | null
  /** The caller's own booking on this day, if any. */
  mySlot: number | null
  /** The captain sees who booked (unit and note); others see only which slots are taken. */
  bookings?: Array<{ slot: number; building: string; unitNo: string; note: string }>
}
export interface ScheduleOutput { days: ReceptionDayView[] }
export interface BookingOutput { dayId: string; slot: number; startsAt: number }
export interface RemindersOutput { days: number; notices: number }

// ---- rectification items ----
export const rectRaiseInput = communityInput.extend({
  building,
  unitNo,
  category: z.enum(CATEGORIES as unknown as [Category, ...Category[]], { errorMap: () => ({ message: '请选择问题类别' }) }),
  description: text('问题描述', 500),
  photos,
  receptionDayId: id('接待日编号').nullable().default(null),
}).strict()

const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), assignee: z.enum(['property', 'committee'], { errorMap: () => ({ message: '只能分派给物业或业委会' }) }), deadline: ms('整改期限'), note: text('说明', 500).default('') }).strict(),
  z.object({ kind: z.literal('progress'), note: text('进展说明', 500), photos }).strict(),
  z.object({ kind: z.literal('complete'), note: text('完成说明', 500).default(''), photos }).strict(),
  z.object({ kind: z.literal('confirm'), note: text('说明', 500).default('') }).strict(),
  z.object({ kind: z.literal('reopen'), reason: text('原因', 500).default(''), photos }).strict(),
], { errorMap: () => ({ message: '不认识的操作' }) })

export const rectActInput = communityInput.extend({ itemId: id('事项编号'), command: commandSchema }).strict()
export const rectItemInput = communityInput.extend({ itemId: id('事项编号') }).strict()
export const rectBoardInput = communityInput.extend({
  /** mine: my household's items; building: one building's; assigned: my organisation's open tasks; all: the whole community. */
  scope: z.enum(['mine', 'building', 'assigned', 'all'], { errorMap: () => ({ message: '范围只能是我的、楼栋、待我处理或全部' }) }),
  building: building.optional(),
  status: z.enum(STATUSES as unknown as [ItemStatus, ...ItemStatus[]]).optional(),
  overdueOnly: z.boolean().default(false),
  cursor,
  limit,
}).strict()
export const rectEscalateInput = communityInput

export interface ItemView {
  id: string
  building: string
  /** '****' for owners of the building who did not raise it. */
  unitNo: string
  masked: boolean
  category: Category
  description: string
  photos: string[]
  raisedVia: 'captain' | 'owner'
  raisedAt: number
  status: ItemStatus
  assignee: Assignee | null
  deadline: number | null
  escalation: Escalation
  completedAt: number | null
  confirmedAt: number | null
  reopenCount: number
  /** What the caller may do next (the server decides; the page only shows the buttons). */
  canAct: Array<'assign' | 'progress' | 'complete' | 'confirm' | 'reopen'>
}
export interface StepView {
  action: StepAction
  at: number
  actorName: string
  note: string
  photos: string[]
  data: Record<string, unknown>
}
export interface ItemDetail { item: ItemView; steps: StepView[] }
export interface BoardOutput {
  items: ItemView[]
  nextCursor: string | null
  counts: Record<ItemStatus, number>
}
export interface EscalateOutput { escalated: number; toCommittee: number; toSupervisors: number }

// ---- numbers ----
export const captainMonthInput = communityInput.extend({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11') }).strict()
/** One building's month, as the domain computes it. */
export type MonthRow = BuildingMonth
export interface MonthOutput { month: string; communityName: string; buildings: MonthRow[]; total: MonthRow; generatedAt: number }

// ---- claim board ----
export const claimPublishInput = communityInput.extend({ title: text('标题', 60), detail: text('说明', 500).default('') }).strict()
export const claimActInput = communityInput.extend({
  taskId: id('需求编号'),
  command: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('claim') }).strict(),
    z.object({ kind: z.literal('dispatch'), to: id('接单人') }).strict(),
    z.object({ kind: z.literal('done'), note: text('完成情况', 500).default('') }).strict(),
    z.object({ kind: z.literal('withdraw') }).strict(),
  ], { errorMap: () => ({ message: '不认识的操作' }) }),
}).strict()
export const claimListInput = communityInput.extend({ cursor, limit }).strict()
export interface ClaimView {
  id: string
  title: string
  detail: string
  status: ClaimStatus
  publishedBy: string
  publishedAt: number
  /** Public list: the name of who took it (masked for owners), how, and when. */
  takerName: string | null
  takenHow: 'claimed' | 'dispatched' | null
  takenAt: number | null
  doneNote: string
  doneAt: number | null
  mine: boolean
}
export interface ClaimListOutput { tasks: ClaimView[]; nextCursor: string | null }
