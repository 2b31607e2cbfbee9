// A month's repair numbers for owners, the committee and supervisors.
import { ROLES } from '../../domain/roles'
import { monthRange, monthlyStats } from '../../domain/repairs/stats'
import { repairStatsInput, type RepairStatsOutput } from '../../contracts/repairs'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'repair-stats',
  input: repairStatsInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, ports, now }): Promise<RepairStatsOutput> => {
    const { from, to } = monthRange(input.month)
    return monthlyStats(input.month, await ports.repairs.reportedBetween(input.communityId, from, to), now)
  },
})
