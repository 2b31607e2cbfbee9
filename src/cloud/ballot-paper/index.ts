// The committee enters a signed paper ballot, with the photo of it the member
// uploaded (checked: their own upload here, a photo). It shares the online
// ballots' one-per-owner key, so whichever came first stands.
import { AppError } from '../../domain/errors'
import { checkVotingOpen } from '../../domain/voting/assembly'
import { ballotPaperInput, type BallotReceipt } from '../../contracts/voting'
import { loadAssembly, openIfDue, submitBallot } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireOwnPhotos } from '../kit/photos'

export const main = defineFunction({
  name: 'ballot-paper',
  input: ballotPaperInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<BallotReceipt> => {
    const me = requireCaller(caller)
    let a = await loadAssembly(ports, input.communityId, input.assemblyId)
    checkVotingOpen(a, now)
    a = await openIfDue(ports, a, now)
    const voterKey = await ports.voting.voterOfUnit(a.id, input.building, input.unitNo)
    const voter = voterKey && (await ports.voting.voter(a.id, voterKey))
    if (!voter) throw new AppError('VOTE.UNKNOWN_UNIT', `${input.building}${input.unitNo} 不在本次表决的业主名册中`)
    await requireOwnPhotos(ports, 'VOTE', input.communityId, me.person.id, [input.photo])
    return submitBallot(ports, { a, voter, votes: input.votes, channel: 'paper', castBy: me.person.id, photo: input.photo, proxyId: null, now })
  },
})
