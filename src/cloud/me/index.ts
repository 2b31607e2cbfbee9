// Who am I: the caller's person, memberships and units, decided by the server.
import { meInput, type MeOutput } from '../../contracts/identity'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'me',
  input: meInput,
  access: { kind: 'person' },
  run: async ({ caller, ports, devMode }): Promise<MeOutput> => {
    const { person, memberships } = requireCaller(caller)
    const byCommunity = new Map<string, MeOutput['memberships'][number]>()
    for (const m of memberships) {
      const entry = byCommunity.get(m.communityId) ?? { communityId: m.communityId, communityName: m.communityName, roles: [], buildings: [] }
      entry.roles.push(m.role)
      entry.buildings.push(...m.buildings)
      byCommunity.set(m.communityId, entry)
    }
    return {
      person: { id: person.id, name: person.name },
      memberships: [...byCommunity.values()],
      units: await ports.identity.unitsOf(person.id),
      devMode,
    }
  },
})
