// What the disclosure capability needs from storage: the fee model, drafts,
// published versions (append-only), questions, and the assembly decisions
// that authorise repair-fund withdrawals (owned by voting; read here).
import { AppError } from '../../domain/errors'
import type { FeeModel, QuarterlyReport } from '../../domain/disclosure/report'
import type { MotionDecision } from '../../domain/disclosure/trace'
import type { AuditDraft } from './ports'

export interface ReportDraftRecord { quarter: string; report: QuarterlyReport; updatedBy: string; updatedAt: number }

export interface PublishedVersion {
  communityId: string
  quarter: string
  version: number
  feeModel: FeeModel
  report: QuarterlyReport
  reason: string | null
  publishedBy: string
  publishedByName: string | null
  publishedAt: number
  auditSeq: number
}

export interface QuestionRecord {
  id: number
  quarter: string
  version: number
  lineKey: string
  lineLabel: string
  askedBy: string
  askerName: string | null
  text: string
  askedAt: number
  answer: string | null
  answeredBy: string | null
  answererName: string | null
  answeredAt: number | null
}

export interface DisclosurePort {
  feeModel(communityId: string): Promise<FeeModel | null>
  /** Returns the audit seq. */
  setFeeModel(input: { communityId: string; feeModel: FeeModel; by: string; at: number }, audit: AuditDraft): Promise<number>
  draft(communityId: string, quarter: string): Promise<ReportDraftRecord | null>
  saveDraft(input: { communityId: string; quarter: string; report: QuarterlyReport; by: string; at: number }): Promise<void>
  /**
   * Inserts `version` (the database refuses a second report with the same
   * number: REPORT.VERSION_TAKEN) and removes the draft, with its audit entry,
   * in one transaction.
   */
  publish(input: { communityId: string; quarter: string; version: number; feeModel: FeeModel; report: QuarterlyReport; reason: string | null; by: string; at: number }, audit: AuditDraft): Promise<PublishedVersion>
  /** Every published version of the quarter, oldest first. */
  versions(communityId: string, quarter: string): Promise<PublishedVersion[]>
  /** The newest version of each published quarter, newest quarter first. */
  latestVersions(communityId: string, limit: number): Promise<PublishedVersion[]>
  ask(input: { communityId: string; quarter: string; version: number; lineKey: string; lineLabel: string; by: string; text: string; at: number }): Promise<QuestionRecord>
  /** Null when there is no such question in the community; REPORT.ALREADY_ANSWERED when it has an answer. */
  answer(input: { communityId: string; id: number; answer: string; by: string; at: number }, audit: AuditDraft): Promise<QuestionRecord | null>
  questions(communityId: string, quarter: string): Promise<QuestionRecord[]>
  /** Unanswered questions of the community, oldest first. */
  openQuestions(communityId: string): Promise<QuestionRecord[]>
  /** The decided motion with this id (in whatever community it belongs to), or null. */
  motionDecision(communityId: string, motionId: string): Promise<MotionDecision | null>
}

// The refusals every adapter answers in the same words.

/** A second report with a number already published (two committee members publishing at once). */
export const versionTaken = (version: number): AppError =>
  new AppError('REPORT.VERSION_TAKEN', `该季度的第 ${version} 版刚刚已由他人发布；请刷新后查看，如需更正请发布新版本`, { version })

/** A second answer to a question: the first one stands, like the report. */
export const alreadyAnswered = (id: number): AppError => new AppError('REPORT.ALREADY_ANSWERED', '这个问题已经答复过了；答复公开后不能修改', { id })
