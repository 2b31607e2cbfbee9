// Steps several disclosure functions share: filling in what the server knows
// (the roll's households and area), checking named motions, and assembling
// the views. The rules themselves live in src/domain/disclosure.
import { AppError } from '../../domain/errors'
import { maskName } from '../../domain/mask'
import { carryForward, emptyReport, type FeeModel, type QuarterlyReport } from '../../domain/disclosure/report'
import { previousQuarter } from '../../domain/disclosure/quarter'
import { isOverdue, questionAgeDays } from '../../domain/disclosure/questions'
import { checkAuthorisingMotion, withdrawalStatuses, type MotionDecision } from '../../domain/disclosure/trace'
import { validateReport } from '../../domain/disclosure/validate'
import type { QuestionView, ReportDraftView } from '../../contracts/disclosure'
import type { QuestionRecord } from './disclosure-port'
import type { Ports } from './ports'

type ReportInput = Omit<QuarterlyReport, 'utilities'> & { utilities: Omit<QuarterlyReport['utilities'], 'divisor'> & { divisor?: number } }

/** The households or total area to share utilities by, from the newest roll (never typed). */
export async function shareDivisor(ports: Ports, communityId: string, basis: 'unit' | 'area'): Promise<number> {
  const roll = await ports.roll.latest(communityId)
  return roll ? (basis === 'unit' ? roll.units : roll.area) : 0
}

export async function withServerFigures(ports: Ports, communityId: string, r: ReportInput): Promise<QuarterlyReport> {
  return { ...r, utilities: { ...r.utilities, divisor: await shareDivisor(ports, communityId, r.utilities.basis) } }
}

/** Looks up every motion the withdrawals name; refuses one that cannot authorise a withdrawal. */
export async function checkedDecisions(ports: Ports, communityId: string, r: QuarterlyReport): Promise<Map<string, MotionDecision>> {
  const decisions = new Map<string, MotionDecision>()
  for (const w of r.repairFund.withdrawals) {
    if (!w.motionId || decisions.has(w.motionId)) continue
    const d = await ports.disclosure.motionDecision(communityId, w.motionId)
    checkAuthorisingMotion(communityId, w.motionId, d, w.label)
    decisions.set(w.motionId, d!)
  }
  return decisions
}

/** Decisions for display: a motion that has since vanished simply shows its withdrawal as 未经表决. */
export async function knownDecisions(ports: Ports, communityId: string, r: QuarterlyReport): Promise<Map<string, MotionDecision>> {
  const decisions = new Map<string, MotionDecision>()
  for (const w of r.repairFund.withdrawals) {
    if (!w.motionId) continue
    const d = await ports.disclosure.motionDecision(communityId, w.motionId)
    if (d && d.communityId === communityId) decisions.set(w.motionId, d)
  }
  return decisions
}

export async function requireFeeModel(ports: Ports, communityId: string): Promise<FeeModel> {
  const model = await ports.disclosure.feeModel(communityId)
  if (!model) throw new AppError('REPORT.NO_FEE_MODEL', '业委会尚未设定本小区的收费方式（包干制、酬金制或综合制），请先设定')
  return model
}

/** The latest published report of the quarter before, which this quarter's openings must continue. */
export async function previousPublished(ports: Ports, communityId: string, quarter: string): Promise<QuarterlyReport | null> {
  const versions = await ports.disclosure.versions(communityId, previousQuarter(quarter))
  return versions.length ? versions[versions.length - 1].report : null
}

export async function draftView(ports: Ports, communityId: string, quarter: string): Promise<ReportDraftView> {
  const [feeModel, draft, versions, previous, people] = await Promise.all([
    ports.disclosure.feeModel(communityId),
    ports.disclosure.draft(communityId, quarter),
    ports.disclosure.versions(communityId, quarter),
    previousPublished(ports, communityId, quarter),
    ports.identity.communityPeople(communityId),
  ])
  const latest = versions[versions.length - 1]
  let report: QuarterlyReport
  let source: ReportDraftView['source']
  if (draft) [report, source] = [draft.report, 'draft']
  else if (latest) [report, source] = [latest.report, 'correction']
  else if (previous) [report, source] = [carryForward(previous), 'carried-forward']
  else {
    report = emptyReport('unit', 0)
    if (feeModel && feeModel !== 'lump-sum') report.serviceFund = { opening: 0, lumpSum: 0, closing: 0 }
    source = 'empty'
  }
  report = { ...report, utilities: { ...report.utilities, divisor: await shareDivisor(ports, communityId, report.utilities.basis) } }
  const check = validateReport(report, feeModel ?? 'lump-sum', previous)
  return {
    quarter,
    feeModel,
    report,
    check,
    source,
    publishedVersion: latest?.version ?? 0,
    updatedAt: draft?.updatedAt ?? null,
    updatedByName: draft ? people.find((p) => p.person.id === draft.updatedBy)?.person.name ?? null : null,
    withdrawals: withdrawalStatuses(report, await knownDecisions(ports, communityId, report)),
  }
}

export const questionView = (q: QuestionRecord, now: number): QuestionView => ({
  id: q.id, version: q.version, lineKey: q.lineKey, lineLabel: q.lineLabel, askerName: maskName(q.askerName ?? '业主'), text: q.text, askedAt: q.askedAt,
  ageDays: questionAgeDays(q.askedAt, q.answeredAt, now), answer: q.answer, answererName: q.answererName, answeredAt: q.answeredAt, overdue: isOverdue(q.askedAt, q.answeredAt, now),
})
