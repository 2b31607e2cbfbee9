// The people of a community and their roles, for the committee's role screen.
// Committee and supervisors see full names; nobody else may call it.
import { communityPeopleInput, type CommunityPerson } from '../../contracts/identity'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'community-people',
  input: communityPeopleInput,
  access: { kind: 'community', roles: ['committee', 'supervisor'] },
  run: async ({ input, ports }): Promise<CommunityPerson[]> =>
    (await ports.identity.communityPeople(input.communityId)).map((p) => ({ id: p.person.id, name: p.person.name, roles: p.roles, buildings: p.buildings })),
})
