// Requests and answers of the repair functions (报修).
import { z } from 'zod'
import { REPAIR_CATEGORIES, URGENCIES, type Commitment, type DueState, type RepairCategory, type Urgency } from '../domain/repairs/commitments'
import type { RepairCommandKind, RepairLocation, RepairStatus } from '../domain/repairs/request'
import type { MonthlyRepairStats } from '../domain/repairs/stats'
import { communityInput, id } from './identity'

const requestRef = communityInput.extend({ id: id('报修单编号') })
const words = (label: string, max: number) => z.string({ required_error: `缺少${label}`, invalid_type_error: `${label}须为文字` }).max(max, `${label}不能超过 ${max} 个字`)
// Photo counts are checked by the domain (REPAIR.TOO_MANY_PHOTOS); this bound only stops absurd payloads.
const photoIds = z.array(id('照片编号')).max(50, '照片太多')

export const repairSettingsInput = communityInput
export interface RepairSettingsOutput {
  commitments: Commitment[]
  commonAreas: string[]
  /** The caller's own units in this community (owner or resident), the places they may report from. */
  myUnits: Array<{ building: string; unitNo: string; relation: 'owner' | 'resident' }>
}

export const repairLocationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), building: id('楼栋'), unitNo: id('房号') }).strict(),
  z.object({ kind: z.literal('common'), area: id('公共区域') }).strict(),
], { errorMap: () => ({ message: '请选择报修位置：自家房屋或公共区域' }) })

export const repairReportInput = communityInput.extend({
  location: repairLocationInput,
  category: z.enum(REPAIR_CATEGORIES, { errorMap: () => ({ message: '请选择报修类别' }) }),
  urgency: z.enum(URGENCIES, { errorMap: () => ({ message: '请选择紧急或一般' }) }),
  description: words('问题描述', 500),
  photos: photoIds.default([]),
  preferredTime: words('方便上门的时间', 40).nullable().default(null),
}).strict()

export interface RepairSummary {
  id: string
  no: number
  status: RepairStatus
  category: RepairCategory
  urgency: Urgency
  location: RepairLocation
  where: string
  description: string
  reporterName: string
  reportedAt: number
  /** What staff owe now (null once completed) and whether it is already late. */
  due: DueState | null
  mine: boolean
  rating: number | null
  escalated: boolean
}

export const repairListInput = communityInput.extend({
  scope: z.enum(['mine', 'common'], { errorMap: () => ({ message: '列表只能是我的报修或公共区域报修' }) }),
}).strict()

export interface RepairTimelineEntry {
  seq: number
  at: number
  kind: string
  label: string
  actorName: string | null
  data: Record<string, unknown>
}

export interface RepairDetail extends RepairSummary {
  photos: string[]
  preferredTime: string | null
  worker: string | null
  completionNote: string | null
  completionPhotos: string[]
  comment: string | null
  reopenCount: number
  autoConfirmAt: number | null
  /** The reference of the repair-fund withdrawal that paid for it, e.g. "2026-Q2#1". */
  fundWithdrawalId: string | null
  /** That withdrawal as the newest published report of its quarter states it; null when unlinked or no longer in the report. */
  fundWithdrawal: { ref: string; quarter: string; label: string; amount: number } | null
  /** What this viewer may do now (the buttons to show). */
  actions: RepairCommandKind[]
  timeline: RepairTimelineEntry[]
}

export const repairDetailInput = requestRef

export const repairQueueInput = communityInput.extend({
  after: z.object({ dueAt: z.number().int(), no: z.number().int() }).strict().nullable().default(null),
  limit: z.number().int().min(1).max(50).default(20),
}).strict()
export interface RepairQueueOutput {
  items: RepairSummary[]
  next: { dueAt: number; no: number } | null
}

export const repairHandleInput = requestRef.extend({
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('accept') }).strict(),
    z.object({ kind: z.literal('assign'), worker: words('维修人员', 40) }).strict(),
    z.object({ kind: z.literal('start') }).strict(),
    z.object({ kind: z.literal('complete'), note: words('完工说明', 500), photos: photoIds.default([]) }).strict(),
  ], { errorMap: () => ({ message: '处理动作只能是接单、派工、开始维修或完工' }) }),
}).strict()

export const repairConfirmInput = requestRef.extend({
  // The range (1–5 whole stars) is the domain's rule, refused with REPAIR.RATING_RANGE.
  rating: z.number({ required_error: '请打分', invalid_type_error: '评分须为数字' }),
  comment: words('评价', 200).default(''),
}).strict()

export const repairReopenInput = requestRef.extend({ reason: words('重开原因', 200) }).strict()
export const repairUrgeInput = requestRef

export const repairJobsInput = communityInput
export interface RepairJobsOutput {
  autoConfirmed: number
  escalated: number
}

export const repairStatsInput = communityInput.extend({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11'),
}).strict()
export type RepairStatsOutput = MonthlyRepairStats

export const repairCommitmentsSetInput = communityInput.extend({
  commitments: z.array(z.object({
    category: z.enum(REPAIR_CATEGORIES, { errorMap: () => ({ message: '类别不正确' }) }),
    urgency: z.enum(URGENCIES, { errorMap: () => ({ message: '紧急程度不正确' }) }),
    // Whole minutes; whether they make sense together is the domain's check (REPAIR.COMMITMENTS_INVALID).
    responseMinutes: z.number({ invalid_type_error: '时限须为分钟数' }).int('时限须为整数分钟'),
    completionMinutes: z.number({ invalid_type_error: '时限须为分钟数' }).int('时限须为整数分钟'),
  }).strict()).max(REPAIR_CATEGORIES.length * URGENCIES.length, '时限条目过多'),
}).strict()

/** `withdrawalId` is a withdrawal's reference as repair-fund-withdrawals lists it, e.g. "2026-Q2#1". */
export const repairAreasSetInput = communityInput.extend({
  // How many, how long and whether repeated is the domain's check (REPAIR.AREAS_INVALID); these bounds only stop absurd payloads.
  areas: z.array(z.string({ invalid_type_error: '公共区域名称须为文字' }).max(200, '公共区域名称过长'), { required_error: '缺少公共区域列表' }).max(1000, '公共区域太多'),
}).strict()

export const repairLinkFundInput = requestRef.extend({ withdrawalId: id('维修资金支出') }).strict()

export const repairFundWithdrawalsInput = communityInput
/** One repair-fund withdrawal of a published quarterly report, for the committee to link repairs to. */
export interface FundWithdrawalView {
  ref: string
  quarter: string
  position: number
  label: string
  /** Fen. */
  amount: number
  /** The assembly motion that authorised it; null when none did (未经表决). */
  motion: { id: string; title: string } | null
  /** Numbers of the repairs already linked to it. */
  linkedRepairs: number[]
}

/** Every repair function answers a change with the request as the caller now sees it. */
export type RepairChangeOutput = RepairDetail
