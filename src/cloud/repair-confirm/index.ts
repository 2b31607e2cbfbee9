// The reporter confirms the work and rates it 1–5 stars with a comment.
import { ROLES } from '../../domain/roles'
import { repairConfirmInput, type RepairChangeOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { reporterCommand } from '../kit/repair-reporter'

export const main = defineFunction({
  name: 'repair-confirm',
  input: repairConfirmInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<RepairChangeOutput> =>
    reporterCommand(ports, requireCaller(caller), input.communityId, input.id, { kind: 'confirm', rating: input.rating, comment: input.comment }, now),
})
