// A newcomer finds their community by name before binding a unit in it.
// Names and ids only: nothing about who lives there.
import { communitySearchInput, type CommunityFound } from '../../contracts/roll'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'community-search',
  input: communitySearchInput,
  access: { kind: 'person' },
  run: async ({ input, ports }): Promise<CommunityFound[]> => ports.ownership.communitiesNamed(input.name, 10),
})
