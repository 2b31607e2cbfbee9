// An owner (or their proxy) casts a ballot on one or more motions. One owner
// key covers all of that owner's units; the store keeps the first ballot per
// owner per motion and refuses the rest, whichever channel they came by.
import { AppError } from '../../domain/errors'
import { ROLES } from '../../domain/roles'
import { checkVotingOpen } from '../../domain/voting/assembly'
import { ballotCastInput, type BallotReceipt } from '../../contracts/voting'
import { loadAssembly, openIfDue, submitBallot } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { resolveBallotee } from '../kit/voters'

export const main = defineFunction({
  name: 'ballot-cast',
  input: ballotCastInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<BallotReceipt> => {
    const me = requireCaller(caller)
    let a = await loadAssembly(ports, input.communityId, input.assemblyId)
    // By the server's clock, before anything else: a late ballot is refused whatever the client believes.
    checkVotingOpen(a, now)
    a = await openIfDue(ports, a, now)
    const b = await resolveBallotee(ports, a, me, input.ownerKey)
    const scope = b.proxy?.motions
    if (scope) {
      const outside = input.votes.find((v) => !scope.includes(v.motionId))
      if (outside) throw new AppError('VOTE.PROXY_SCOPE', `委托书没有授权您对议案 ${outside.motionId} 投票`, { motionId: outside.motionId })
    }
    return submitBallot(ports, {
      a, voter: b.voter, votes: input.votes, channel: b.as === 'proxy' ? 'proxy' : 'online', castBy: me.person.id,
      photo: b.proxy?.letterPhoto ?? null, proxyId: b.proxy?.id ?? null, now,
    })
  },
})
