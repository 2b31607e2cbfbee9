// What every member sees first: the community and the roll that votes count against.
import { ROLES } from '../../domain/roles'
import { communityOverviewInput, type CommunityOverview } from '../../contracts/identity'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'community-overview',
  input: communityOverviewInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports }): Promise<CommunityOverview> => {
    const membership = requireCaller(caller).memberships.find((m) => m.communityId === input.communityId)
    const roll = await ports.roll.latest(input.communityId)
    return {
      communityId: input.communityId,
      name: membership?.communityName ?? '',
      roll: roll && { version: roll.version, units: roll.units, area: roll.area, heads: roll.heads, buildings: roll.buildings },
    }
  },
})
