// Requests and answers of the owner-roll and owner-verification functions.
import { z } from 'zod'
import type { RollProblem, RollProblemCode, RollWarning } from '../domain/roll-import'
import type { RollSummary } from '../domain/roll'
import { communityInput, id } from './identity'

const text = (label: string, max: number) =>
  z.string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` }).trim().min(1, `请填写${label}`).max(max, `${label}过长`)

// ---- the roll ------------------------------------------------------------

export const rollFileInput = communityInput.extend({ fileId: id('文件编号') }).strict()
export const rollPreviewInput = rollFileInput
export const rollCommitInput = rollFileInput

/** At most this many problems and warnings travel to the phone; the counts stay exact. */
export const ROLL_PROBLEMS_SHOWN = 200

export interface RollPreviewOutput {
  fileId: string
  fileName: string
  format: 'csv' | 'xlsx'
  encoding: string | null
  sheetName: string | null
  headerRow: number
  columns: Array<{ title: string; header: string; column: number }>
  ignoredColumns: string[]
  rowsRead: number
  /** By the legal rule (one head per owner key; developer-unsold units one head together), over the good rows. */
  summary: RollSummary
  problems: RollProblem[]
  problemCount: number
  problemCounts: Partial<Record<RollProblemCode, number>>
  badRows: number
  warnings: RollWarning[]
  committable: boolean
  /** The roll version with exactly this content, when the newest version is one. */
  sameAsVersion: number | null
  latestVersion: number | null
}

export type RollCommitOutput =
  | { created: true; version: number; auditSeq: number; summary: RollSummary; message: string }
  | { created: false; version: number; message: string }

export const rollVersionsInput = communityInput
export interface RollVersionView {
  version: number
  createdAt: number
  /** Masked unless the viewer is on the committee or a supervisor. */
  createdByName: string | null
  units: number
  area: number
  heads: number
  buildings: RollSummary['buildings']
  source: 'import' | 'demo'
}

export const rollTemplateInput = communityInput
export interface RollTemplateOutput {
  fileName: string
  /** UTF-8 text with a BOM, so Excel in Chinese opens it correctly. */
  csv: string
  columns: Array<{ title: string; required: boolean; hint: string }>
}

// ---- owner verification ---------------------------------------------------

const unitFields = {
  building: text('楼栋', 20),
  unitNo: text('房号', 20),
}

export const bindUnitInput = communityInput.extend({
  ...unitFields,
  name: text('姓名', 40),
  phoneLast4: z.string({ required_error: '请填写手机号后 4 位', invalid_type_error: '手机号后 4 位格式不正确' }).trim().regex(/^\d{4}$/, '请填写名册上手机号的后 4 位数字'),
}).strict()

export interface BoundUnit {
  building: string
  unitNo: string
  area: number
}
export interface BindUnitOutput {
  alreadyBound: boolean
  /** Every unit of the owner the caller is now bound to (a multi-unit owner gets all of them). */
  units: BoundUnit[]
}

export const verificationSubmitInput = communityInput.extend({
  ...unitFields,
  name: text('姓名', 40),
  fileId: id('证明文件'),
  note: z.string().trim().max(200, '备注不能超过 200 字').default(''),
}).strict()

export interface VerificationView {
  id: string
  building: string
  unitNo: string
  status: 'pending' | 'approved' | 'rejected'
  reason: string | null
  createdAt: number
  decidedAt: number | null
}

/** What the committee and supervisors see: the full request. */
export interface VerificationQueueItem extends VerificationView {
  personId: string
  personName: string
  personPhone: string | null
  claimedName: string
  fileId: string
  note: string
  /** Owner names on the roll for that unit, to compare with the proof. */
  rollOwnerNames: string | null
}

export const verificationListInput = communityInput
export const verificationMineInput = communityInput

export const verificationDecideInput = communityInput.extend({
  requestId: id('申请编号'),
  decision: z.enum(['approve', 'reject'], { errorMap: () => ({ message: '处理结果只能是通过或驳回' }) }),
  reason: z.string().trim().max(200, '理由不能超过 200 字').default(''),
}).strict()

// ---- residents --------------------------------------------------------------

export const residentInviteInput = communityInput.extend(unitFields).strict()
export interface ResidentInviteOutput {
  code: string
  building: string
  unitNo: string
  expiresAt: number
}

export const residentRedeemInput = z.object({ code: text('邀请码', 20) }).strict()
export interface ResidentRedeemOutput {
  communityId: string
  building: string
  unitNo: string
}

export const residentListInput = communityInput
export interface ResidentView {
  personId: string
  /** Masked (刘*): residents are other people to the owner. */
  name: string
  phone: string | null
  building: string
  unitNo: string
  linkedAt: number
}

export const residentUnlinkInput = communityInput.extend({ ...unitFields, personId: id('住户编号') }).strict()

export interface AuditedChange {
  auditSeq: number
}

// ---- finding a community to bind in ------------------------------------------

export const communitySearchInput = z.object({ name: text('小区名称', 40).pipe(z.string().min(2, '请至少输入小区名称的 2 个字')) }).strict()
export interface CommunityFound {
  id: string
  name: string
}
