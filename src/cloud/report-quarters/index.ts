// Every member: the published quarters, newest first, each with the figures
// the trend charts need.
import { ROLES } from '../../domain/roles'
import { collectionRate, quarterFlows } from '../../domain/disclosure/report'
import { withdrawalStatuses } from '../../domain/disclosure/trace'
import { reportQuartersInput, type ReportSummary } from '../../contracts/disclosure'
import { defineFunction } from '../kit/handler'
import { knownDecisions } from '../kit/disclosure-service'

export const main = defineFunction({
  name: 'report-quarters',
  input: reportQuartersInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, ports }): Promise<ReportSummary[]> => {
    const [latest, open] = await Promise.all([ports.disclosure.latestVersions(input.communityId, input.limit), ports.disclosure.openQuestions(input.communityId)])
    return Promise.all(latest.map(async (v): Promise<ReportSummary> => {
      const flows = quarterFlows(v.report)
      const statuses = withdrawalStatuses(v.report, await knownDecisions(ports, input.communityId, v.report))
      return {
        quarter: v.quarter, version: v.version, publishedAt: v.publishedAt, feeModel: v.feeModel, income: flows.income, spending: flows.spending,
        collectionRate: collectionRate(v.report), commonIncomeBalance: v.report.commonIncome.closing, repairFundBalance: v.report.repairFund.closing,
        unvotedWithdrawals: statuses.filter((s) => s.state === 'unvoted').length, openQuestions: open.filter((q) => q.quarter === v.quarter).length,
      }
    }))
  },
})
