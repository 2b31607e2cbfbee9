// Requests and answers of the fee-and-accounts disclosure functions. Money is
// integer fen throughout: a fraction of a fen or a negative amount is refused
// here, at the edge, before anything runs.
import { z } from 'zod'
import { FEE_MODELS, INCOME_SOURCES, SPENDING_CATEGORIES, type Fraction, type FeeModel, type QuarterlyReport } from '../domain/disclosure/report'
import type { LineChange, ReportLine } from '../domain/disclosure/lines'
import type { Problem, ReportCheck } from '../domain/disclosure/validate'
import type { WithdrawalStatus } from '../domain/disclosure/trace'
import { communityInput, id } from './identity'

const fen = (what: string) => z.number({ required_error: `缺少${what}`, invalid_type_error: `${what}必须是数字（单位：分）` })
  .int(`${what}不能有不足一分的部分（单位：分，须为整数）`)
  .nonnegative(`${what}不能是负数`)
  .max(1e13, `${what}过大`)
const text = (what: string, max: number) => z.string({ required_error: `缺少${what}`, invalid_type_error: `${what}必须是文字` }).trim().max(max, `${what}最多 ${max} 个字`)
const label = (what: string) => text(what, 40).min(1, `${what}不能为空`)
const lines = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(500, '每一部分最多 500 行')

export const quarterInput = z.string({ required_error: '缺少季度' }).regex(/^\d{4}-Q[1-4]$/, '季度格式应为如 2026-Q3')

export const reportSchema = z.object({
  fees: z.object({
    items: lines(z.object({ label: label('收费项目'), rate: text('收费标准', 40), billed: fen('应收金额'), collected: fen('实收金额') }).strict()),
    billed: fen('应收合计'),
    collected: fen('实收合计'),
    arrearsOpening: fen('期初欠费'),
    arrearsClosing: fen('期末欠费'),
  }).strict(),
  spending: z.object({
    items: lines(z.object({ category: z.enum(SPENDING_CATEGORIES, { errorMap: () => ({ message: '支出分类不正确' }) }), label: label('支出项目'), amount: fen('支出金额') }).strict()),
    total: fen('支出合计'),
  }).strict().nullable(),
  serviceFund: z.object({ opening: fen('服务资金期初结余'), lumpSum: fen('包干部分'), closing: fen('服务资金期末结余') }).strict().nullable(),
  commonIncome: z.object({
    opening: fen('公共收益期初余额'),
    income: lines(z.object({ source: z.enum(INCOME_SOURCES, { errorMap: () => ({ message: '收入来源不正确' }) }), label: label('收入项目'), amount: fen('收入金额') }).strict()),
    uses: lines(z.object({ label: label('用途'), amount: fen('使用金额') }).strict()),
    closing: fen('公共收益期末余额'),
  }).strict(),
  utilities: z.object({
    meters: lines(z.object({
      label: label('表名'),
      kind: z.enum(['water', 'electricity'], { errorMap: () => ({ message: '表的种类只能是水或电' }) }),
      previous: z.number().int('读数须为整数').nonnegative('读数不能是负数'),
      current: z.number().int('读数须为整数').nonnegative('读数不能是负数'),
      unitPrice: fen('单价'),
      amount: fen('公摊金额'),
    }).strict()),
    total: fen('公摊合计'),
    basis: z.enum(['unit', 'area'], { errorMap: () => ({ message: '分摊方式只能是按户或按面积' }) }),
    /** Ignored on input: the function takes it from the owner roll. */
    divisor: z.number().int().nonnegative().optional(),
  }).strict(),
  repairFund: z.object({
    opening: fen('维修资金期初余额'),
    contributions: lines(z.object({ label: label('缴存项目'), amount: fen('缴存金额') }).strict()),
    withdrawals: lines(z.object({ label: label('支取项目'), amount: fen('支取金额'), motionId: z.string().trim().max(64).nullable().transform((s) => (s ? s : null)) }).strict()),
    closing: fen('维修资金期末余额'),
  }).strict(),
  attachments: z.array(z.object({ fileId: id('附件编号'), name: text('附件名', 120), kind: text('附件类型', 10) }).strict()).max(30, '附件最多 30 个').default([]),
  note: text('说明', 500).default(''),
}).strict()

export const feeModelInput = z.enum(FEE_MODELS as [FeeModel, ...FeeModel[]], { errorMap: () => ({ message: '收费方式只能是包干制、酬金制或综合制' }) })

export const disclosureSettingsInput = communityInput
export const disclosureSettingsSetInput = communityInput.extend({ feeModel: feeModelInput }).strict()
export interface DisclosureSettings { feeModel: FeeModel | null; auditSeq?: number }

export const reportDraftInput = communityInput.extend({ quarter: quarterInput }).strict()
export const reportDraftSaveInput = communityInput.extend({ quarter: quarterInput, report: reportSchema }).strict()
export const reportImportInput = communityInput.extend({ quarter: quarterInput, fileId: id('文件编号') }).strict()
export const reportAttachInput = communityInput.extend({ quarter: quarterInput, fileId: id('文件编号') }).strict()
export const reportPublishInput = communityInput.extend({
  quarter: quarterInput,
  /** Required (and only allowed) for a correction of a published quarter. */
  reason: z.string().trim().max(300, '更正原因最多 300 个字').optional(),
}).strict()
export const reportTemplateInput = communityInput

export interface ReportDraftView {
  quarter: string
  feeModel: FeeModel | null
  report: QuarterlyReport
  check: ReportCheck
  /** Where the figures come from: a saved draft, or a fresh start from the last published quarter. */
  source: 'draft' | 'correction' | 'carried-forward' | 'empty'
  /** 0 when the quarter has never been published; a publication will then be version 1. */
  publishedVersion: number
  updatedAt: number | null
  updatedByName: string | null
  withdrawals: WithdrawalStatus[]
}

export interface ReportImportOutput extends ReportDraftView { rows: number }
export interface ReportTemplate { fileName: string; csv: string }

export interface ReportPublished { quarter: string; version: number; auditSeq: number; notified: number }

export const reportQuartersInput = communityInput.extend({ limit: z.number().int().min(1).max(40).default(8) }).strict()
export interface ReportSummary {
  quarter: string
  version: number
  publishedAt: number
  feeModel: FeeModel
  income: number
  spending: number
  collectionRate: Fraction
  commonIncomeBalance: number
  repairFundBalance: number
  unvotedWithdrawals: number
  openQuestions: number
}

export const reportDetailInput = communityInput.extend({ quarter: quarterInput, version: z.number().int().min(1).optional() }).strict()

export interface QuestionView {
  id: number
  version: number
  lineKey: string
  lineLabel: string
  askerName: string
  text: string
  askedAt: number
  /** Whole days since it was asked (unanswered) or until it was answered. */
  ageDays: number
  answer: string | null
  answererName: string | null
  answeredAt: number | null
  overdue: boolean
}

export interface ReportDetail {
  quarter: string
  feeModel: FeeModel
  version: number
  latestVersion: number
  publishedAt: number
  publishedByName: string | null
  reason: string | null
  versions: Array<{ version: number; publishedAt: number; publishedByName: string | null; reason: string | null }>
  report: QuarterlyReport
  lines: ReportLine[]
  collectionRate: Fraction
  utilityShare: Fraction
  /** What changed from the version before this one (null for version 1). */
  changes: LineChange[] | null
  previousQuarter: { quarter: string; report: QuarterlyReport } | null
  withdrawals: WithdrawalStatus[]
  /** Numbers of the repairs linked to each withdrawal, in order; empty for an older version (references name the newest). */
  withdrawalRepairs: number[][]
  questions: QuestionView[]
}

export const reportAskInput = communityInput.extend({
  quarter: quarterInput,
  lineKey: z.string().min(1, '请选择要提问的项目').max(120),
  text: z.string({ required_error: '请写下您的问题' }).trim().min(2, '问题至少 2 个字').max(300, '问题最多 300 个字'),
}).strict()
export const reportAnswerInput = communityInput.extend({
  questionId: z.number({ invalid_type_error: '问题编号不正确' }).int().min(1),
  answer: z.string({ required_error: '请写下答复' }).trim().min(2, '答复至少 2 个字').max(1000, '答复最多 1000 个字'),
}).strict()

export const disclosureWatchInput = communityInput
export interface DisclosureWatch {
  overdueDays: number
  overdue: Array<QuestionView & { quarter: string }>
  unvoted: Array<{ quarter: string; version: number; label: string; amount: number }>
}

export type { Problem }
