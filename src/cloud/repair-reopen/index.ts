// The reporter says it is not fixed: the request reopens and the commitment clock restarts.
import { ROLES } from '../../domain/roles'
import { repairReopenInput, type RepairChangeOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { reporterCommand } from '../kit/repair-reporter'

export const main = defineFunction({
  name: 'repair-reopen',
  input: repairReopenInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<RepairChangeOutput> =>
    reporterCommand(ports, requireCaller(caller), input.communityId, input.id, { kind: 'reopen', reason: input.reason }, now),
})
