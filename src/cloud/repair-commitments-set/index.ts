// The committee sets the community's service-time commitments: a response and
// a completion time for every category and urgency. Audited; requests already
// reported keep the times they were promised.
import { AppError } from '../../domain/errors'
import { validateCommitments, type Commitment } from '../../domain/repairs/commitments'
import { repairCommitmentsSetInput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'repair-commitments-set',
  input: repairCommitmentsSetInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<Commitment[]> => {
    const problems = validateCommitments(input.commitments)
    if (problems.length) throw new AppError('REPAIR.COMMITMENTS_INVALID', problems.join('；'), { problems })
    await ports.repairs.setCommitments(input.communityId, input.commitments, { communityId: input.communityId, actorId: requireCaller(caller).person.id, action: 'repair.commitments', subject: 'repair-commitments', data: { commitments: input.commitments } }, now)
    return (await ports.repairs.settings(input.communityId)).commitments
  },
})
