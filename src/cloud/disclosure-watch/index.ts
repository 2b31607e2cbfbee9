// Supervisors (and the committee) see what needs chasing: questions left
// unanswered for more than a week, and repair-fund withdrawals that no passed
// assembly motion authorised (未经表决).
import { OVERDUE_DAYS } from '../../domain/disclosure/questions'
import { withdrawalStatuses } from '../../domain/disclosure/trace'
import { disclosureWatchInput, type DisclosureWatch } from '../../contracts/disclosure'
import { defineFunction } from '../kit/handler'
import { knownDecisions, questionView } from '../kit/disclosure-service'

export const main = defineFunction({
  name: 'disclosure-watch',
  input: disclosureWatchInput,
  access: { kind: 'community', roles: ['supervisor', 'committee'] },
  run: async ({ input, ports, now }): Promise<DisclosureWatch> => {
    const open = await ports.disclosure.openQuestions(input.communityId)
    const overdue = open.map((q) => ({ ...questionView(q, now), quarter: q.quarter })).filter((q) => q.overdue)
    const unvoted: DisclosureWatch['unvoted'] = []
    for (const v of await ports.disclosure.latestVersions(input.communityId, 40)) {
      const statuses = withdrawalStatuses(v.report, await knownDecisions(ports, input.communityId, v.report))
      v.report.repairFund.withdrawals.forEach((w, i) => {
        if (statuses[i].state === 'unvoted') unvoted.push({ quarter: v.quarter, version: v.version, label: w.label, amount: w.amount })
      })
    }
    return { overdueDays: OVERDUE_DAYS, overdue, unvoted }
  },
})
