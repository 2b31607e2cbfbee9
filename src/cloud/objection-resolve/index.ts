// The committee resolves an objection with a recorded reason. Audited.
import { AppError } from '../../domain/errors'
import { objectionResolveInput, type AuditedOutput } from '../../contracts/voting'

import { loadAssembly } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'objection-resolve',
  input: objectionResolveInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<AuditedOutput> => {
    const me = requireCaller(caller)
    const a = await loadAssembly(ports, input.communityId, input.assemblyId)
    const objection = (await ports.voting.objections(a.id)).find((o) => o.id === input.objectionId)
    if (!objection) throw new AppError('VOTE.NO_OBJECTION', '找不到这条异议')
    if (objection.resolution) throw new AppError('VOTE.OBJECTION_RESOLVED', '这条异议已经处理过了')
    const seq = await ports.voting.resolveObjection(objection.id, { resolution: input.resolution, reason: input.reason, by: me.person.id, at: now }, {
      communityId: a.communityId, actorId: me.person.id, action: 'objection.resolve', subject: `assembly:${a.id}`, data: { objectionId: objection.id, resolution: input.resolution, reason: input.reason },
    })
    if (seq === null) throw new AppError('VOTE.OBJECTION_RESOLVED', '这条异议已经处理过了')
    return { auditSeq: seq }
  },
})
