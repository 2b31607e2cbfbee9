// When the objection window has passed and every objection has a recorded
// resolution, the committee certifies the result. The preliminary record
// stays; the certified one is added beside it. Audited.
import { AppError } from '../../domain/errors'
import { formatDateTime } from '../../domain/time'
import { assemblyRef, type PublishedResultView } from '../../contracts/voting'
import { loadAssembly } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { requirePublished } from '../kit/published'

export const main = defineFunction({
  name: 'assembly-certify',
  input: assemblyRef,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<PublishedResultView> => {
    const me = requireCaller(caller)
    const a = await loadAssembly(ports, input.communityId, input.assemblyId)
    const [preliminary, certified] = await requirePublished(ports, a)
    if (certified) throw new AppError('VOTE.ALREADY_CERTIFIED', '结果已经确认')
    if (preliminary.objectionUntil !== null && now < preliminary.objectionUntil) {
      throw new AppError('VOTE.OBJECTION_WINDOW', `询异期到 ${formatDateTime(preliminary.objectionUntil)} 结束，之后才能确认结果`)
    }
    const objections = await ports.voting.objections(a.id)
    const open = objections.filter((o) => !o.resolution).length
    if (open > 0) throw new AppError('VOTE.OBJECTIONS_OPEN', `还有 ${open} 条异议未处理，须逐条处理并记录理由后才能确认结果`, { open })
    const summary = { filed: objections.length, open: 0, upheld: objections.filter((o) => o.resolution === 'upheld').length }
    const r = await ports.voting.publishResult(a.id, { stage: 'certified', result: preliminary.result, publishedAt: now, objectionUntil: null, publishedBy: me.person.id }, {
      communityId: a.communityId, actorId: me.person.id, action: 'result.certify', subject: `assembly:${a.id}`, data: { preliminarySeq: preliminary.auditSeq, objections: summary },
    })
    if (!r.ok) throw new AppError('VOTE.ALREADY_CERTIFIED', '结果已经确认')
    return { stage: 'certified', publishedAt: now, objectionUntil: preliminary.objectionUntil, count: preliminary.result as PublishedResultView['count'], objections: summary }
  },
})
