// An owner looks for the person to name as proxy: everyone bound to a unit
// (its owners and residents), or people with exactly this full name. Only
// people bound to a unit of the community can be proxies. Names come back
// masked as owners see others; found by name, only the building is shown, so
// the search cannot be used to learn where someone lives.
import { unitKeyOf } from '../../domain/owner-verification'
import { proxyFindInput, type ProxyCandidate } from '../../contracts/voting'
import { defineFunction, requireCaller } from '../kit/handler'
import { nameFor } from '../kit/privacy'

const LIMIT = 10

export const main = defineFunction({
  name: 'proxy-find',
  input: proxyFindInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports }): Promise<ProxyCandidate[]> => {
    const me = requireCaller(caller)
    const people = (await ports.identity.communityPeople(input.communityId)).filter((p) => p.person.id !== me.person.id)
    const candidate = (personId: string, where: string): ProxyCandidate | null => {
      const p = people.find((x) => x.person.id === personId)
      if (!p || !(p.roles.includes('owner') || p.roles.includes('resident'))) return null
      return { personId, name: nameFor(me, personId, p.person.name), relation: p.roles.includes('owner') ? 'owner' : 'resident', where }
    }
    const found: ProxyCandidate[] = []
    if (input.building && input.unitNo) {
      const unit = unitKeyOf(input.building, input.unitNo)
      const where = `${unit.building}${unit.unitNo}`
      const owners = await ports.voting.ownersOfUnit(input.communityId, unit.building, unit.unitNo)
      const residents = (await ports.ownership.residentsOf(input.communityId, [unit])).map((r) => r.personId)
      for (const id of [...new Set([...owners, ...residents])]) {
        const c = candidate(id, where)
        if (c) found.push({ ...c, relation: owners.includes(id) ? 'owner' : 'resident' })
      }
    } else if (input.name) {
      for (const p of people.filter((x) => x.person.name === input.name)) {
        const buildings = [...new Set((await ports.identity.unitsOf(p.person.id)).filter((u) => u.communityId === input.communityId).map((u) => u.building))]
        const c = candidate(p.person.id, buildings.join('、'))
        if (c) found.push(c)
      }
    }
    return found.slice(0, LIMIT)
  },
})
