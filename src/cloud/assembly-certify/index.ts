// When the objection window has passed and every objection has a recorded
// resolution, the committee certifies the result: the ballots recounted with
// the corrections upheld objections recorded (the preliminary count when
// there are none). The preliminary record stays; the certified one is added
// beside it, with its count in the audit chain. Audited.
import { AppError } from '../../domain/errors'
import { formatDateTime } from '../../domain/time'
import type { AssemblyCount } from '../../domain/voting/result'
import { assemblyRef, type PublishedResultView } from '../../contracts/voting'
import { loadAssembly } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { publishedView, recount, requirePublished } from '../kit/published'

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
    const corrections = await ports.voting.corrections(a.id)
    const count = corrections.length > 0 ? await recount(ports, a, preliminary, await ports.voting.ballots(a.id), corrections) : (preliminary.result as AssemblyCount)
    const r = await ports.voting.publishResult(a.id, { stage: 'certified', result: count, publishedAt: now, objectionUntil: null, publishedBy: me.person.id }, {
      communityId: a.communityId, actorId: me.person.id, action: 'result.certify', subject: `assembly:${a.id}`,
      data: { preliminarySeq: preliminary.auditSeq, objections: summary, corrections: corrections.length, count },
    })
    if (!r.ok) throw new AppError('VOTE.ALREADY_CERTIFIED', '结果已经确认')
    return (await publishedView(ports, a, objections))!
  },
})
