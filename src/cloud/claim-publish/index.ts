// The committee publishes a need or problem on the claim board.
import { publishClaim } from '../../domain/captains/claims'
import { claimPublishInput, type ClaimView } from '../../contracts/captains'
import { actorOf, newId, viewClaim } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'claim-publish',
  input: claimPublishInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<ClaimView> => {
    const c = requireCaller(caller)
    const actor = await actorOf(c, ports)
    const task = publishClaim({ id: newId('ct'), communityId: input.communityId, title: input.title, detail: input.detail }, actor, now)
    await ports.captains.insertClaim(task, { communityId: input.communityId, actorId: actor.personId, action: 'claim.publish', subject: `claim:${task.id}`, data: { title: task.title } })
    return viewClaim(task, new Map([[c.person.id, c.person.name]]), c.person.id, true)
  },
})
