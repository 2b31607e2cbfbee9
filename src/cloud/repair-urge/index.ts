// 催单: once a commitment is missed, the reporter may urge the property staff (once per missed deadline).
import { ROLES } from '../../domain/roles'
import { repairUrgeInput, type RepairChangeOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { reporterCommand } from '../kit/repair-reporter'

export const main = defineFunction({
  name: 'repair-urge',
  input: repairUrgeInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<RepairChangeOutput> =>
    reporterCommand(ports, requireCaller(caller), input.communityId, input.id, { kind: 'urge' }, now),
})
