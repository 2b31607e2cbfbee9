// Every member: one published version of a quarter (the newest unless asked),
// its history and what changed, last quarter for comparison, the
// traceability of each withdrawal, and the questions asked about it.
import { AppError } from '../../domain/errors'
import { ROLES } from '../../domain/roles'
import { diffReports, reportLines } from '../../domain/disclosure/lines'
import { previousQuarter, quarterLabel } from '../../domain/disclosure/quarter'
import { collectionRate, utilityShare } from '../../domain/disclosure/report'
import { withdrawalStatuses } from '../../domain/disclosure/trace'
import { reportDetailInput, type ReportDetail } from '../../contracts/disclosure'
import { defineFunction } from '../kit/handler'
import { knownDecisions, questionView } from '../kit/disclosure-service'
import { repairsByWithdrawal } from '../kit/repair-fund'

export const main = defineFunction({
  name: 'report-detail',
  input: reportDetailInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, ports, now }): Promise<ReportDetail> => {
    const { communityId, quarter } = input
    const versions = await ports.disclosure.versions(communityId, quarter)
    if (versions.length === 0) throw new AppError('NOT_FOUND', `${quarterLabel(quarter)}的报告尚未发布`)
    const chosen = input.version ? versions.find((v) => v.version === input.version) : versions[versions.length - 1]
    if (!chosen) throw new AppError('NOT_FOUND', `${quarterLabel(quarter)}没有第 ${input.version} 版`)
    const before = versions.find((v) => v.version === chosen.version - 1)
    const prevVersions = await ports.disclosure.versions(communityId, previousQuarter(quarter))
    const prev = prevVersions[prevVersions.length - 1]
    const r = chosen.report
    const count = r.repairFund.withdrawals.length
    const newest = chosen === versions[versions.length - 1]
    return {
      quarter,
      feeModel: chosen.feeModel,
      version: chosen.version,
      latestVersion: versions[versions.length - 1].version,
      publishedAt: chosen.publishedAt,
      publishedByName: chosen.publishedByName,
      reason: chosen.reason,
      versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedByName: v.publishedByName, reason: v.reason })).reverse(),
      report: r,
      lines: reportLines(r),
      collectionRate: collectionRate(r),
      utilityShare: utilityShare(r.utilities),
      changes: before ? diffReports(before.report, r) : null,
      previousQuarter: prev ? { quarter: prev.quarter, report: prev.report } : null,
      withdrawals: withdrawalStatuses(r, await knownDecisions(ports, communityId, r)),
      withdrawalRepairs: newest && count > 0 ? await repairsByWithdrawal(ports, communityId, quarter, count) : Array.from({ length: count }, () => []),
      questions: (await ports.disclosure.questions(communityId, quarter)).map((q) => questionView(q, now)),
    }
  },
})
