// The committee resolves an objection with a recorded reason. Upholding one
// that shows the ballot was recorded wrongly records the corrected choices:
// the ballot stays as cast, each correction is its own audited record, and
// the count applies them (recomputed before certification, both published).
import { AppError } from '../../domain/errors'
import { checkCorrections } from '../../domain/voting/result'
import { objectionResolveInput, type AuditedOutput } from '../../contracts/voting'
import { loadAssembly, specsOf } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { requirePublished } from '../kit/published'

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
    const [, certified] = await requirePublished(ports, a)
    if (certified) throw new AppError('VOTE.ALREADY_CERTIFIED', '结果已经确认，不能再更正')
    if (input.resolution === 'dismissed' && input.corrections.length > 0) throw new AppError('VOTE.CORRECTION_NOT_UPHELD', '异议不成立时不能更正选票')
    let changes: ReturnType<typeof checkCorrections> = []
    if (input.corrections.length > 0) {
      // The disputed ballot: the rows of this owner submitted under the objection's tracking code.
      const recorded = (await ports.voting.ballots(a.id)).filter((b) => b.voterKey === objection.voterKey && b.trackingCode === objection.trackingCode)
      changes = checkCorrections(specsOf(a), recorded, input.corrections)
    }
    const r = await ports.voting.resolveObjection(
      objection.id,
      { resolution: input.resolution, reason: input.reason, by: me.person.id, at: now, corrections: changes.map((c) => ({ motionId: c.motionId, voterKey: objection.voterKey, marks: c.to })) },
      {
        communityId: a.communityId, actorId: me.person.id, action: 'objection.resolve', subject: `assembly:${a.id}`,
        data: { objectionId: objection.id, trackingCode: objection.trackingCode, resolution: input.resolution, reason: input.reason, corrections: changes },
      },
    )
    if (r.ok) return { auditSeq: r.auditSeq }
    if (r.reason === 'corrected') throw new AppError('VOTE.ALREADY_CORRECTED', '这张选票的该议案已经更正过一次，不能再次更正')
    throw new AppError('VOTE.OBJECTION_RESOLVED', '这条异议已经处理过了')
  },
})
