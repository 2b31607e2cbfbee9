// After the end time (server clock) the committee counts: the domain tally of
// the stored ballots is published as the preliminary result and the
// objection window (询异) starts. Audited; publishing twice is refused by the
// results table's key.
import { AppError } from '../../domain/errors'
import { objectionDeadline, votingSettings } from '../../domain/voting/assembly'
import { countAssembly } from '../../domain/voting/result'
import { assemblyRef, type PublishedResultView } from '../../contracts/voting'
import { loadAssembly, openIfDue, specsOf } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'assembly-close',
  input: assemblyRef,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<PublishedResultView> => {
    const me = requireCaller(caller)
    const a = await openIfDue(ports, await loadAssembly(ports, input.communityId, input.assemblyId), now)
    if (now < a.closesAt) throw new AppError('VOTE.STILL_OPEN', '投票尚未截止，不能计票；截止前任何人都看不到各选项的票数')
    if (a.stage !== null) throw new AppError('VOTE.ALREADY_COUNTED', '本次大会已经计票并公布了结果')
    const settings = votingSettings(await ports.voting.communitySettings(input.communityId))
    const count = countAssembly(specsOf(a), await ports.voting.electorate(a.id), await ports.voting.ballots(a.id), { nonVoters: settings.nonVoters })
    const objectionUntil = objectionDeadline(now, settings)
    const r = await ports.voting.publishResult(a.id, { stage: 'preliminary', result: count, publishedAt: now, objectionUntil, publishedBy: me.person.id }, {
      communityId: a.communityId, actorId: me.person.id, action: 'result.preliminary', subject: `assembly:${a.id}`, data: { rollVersion: a.rollVersion, objectionUntil, count },
    })
    if (!r.ok) throw new AppError('VOTE.ALREADY_COUNTED', '本次大会已经计票并公布了结果')
    return { stage: 'preliminary', publishedAt: now, objectionUntil, count, preliminary: null, corrections: [], objections: { filed: 0, open: 0, upheld: 0 } }
  },
})
