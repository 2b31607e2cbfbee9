// The public list of the claim board: what was needed, who took it, how, and
// when it was done. Owners see the takers' names masked.
import { ROLES } from '../../domain/roles'
import { claimListInput, type ClaimListOutput } from '../../contracts/captains'
import { viewClaim } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'claim-list',
  input: claimListInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports }): Promise<ClaimListOutput> => {
    const c = requireCaller(caller)
    const { tasks, nextCursor } = await ports.captains.claims(input.communityId, input.cursor, input.limit)
    const names = new Map((await ports.identity.communityPeople(input.communityId)).map((p) => [p.person.id, p.person.name]))
    const full = c.community!.roles.some((r) => r === 'committee' || r === 'supervisor')
    return { tasks: tasks.map((t) => viewClaim(t, names, c.person.id, full)), nextCursor }
  },
})
