// Every assembly of the community, open ones first, with live participation.
import { ROLES } from '../../domain/roles'
import type { AssemblyPhase } from '../../domain/voting/assembly'
import { communityInput } from '../../contracts/identity'
import type { AssemblySummary } from '../../contracts/voting'
import { openIfDue, summaryOf } from '../kit/assembly'
import { defineFunction } from '../kit/handler'

const ORDER: Record<AssemblyPhase, number> = { open: 0, noticed: 1, counting: 2, objection: 3, certified: 4 }

export const main = defineFunction({
  name: 'assembly-list',
  input: communityInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, ports, now }): Promise<AssemblySummary[]> => {
    const list = await ports.voting.assemblies(input.communityId)
    const out: AssemblySummary[] = []
    for (const a of list) out.push(await summaryOf(ports, await openIfDue(ports, a, now), now))
    return out.sort((x, y) => ORDER[x.phase] - ORDER[y.phase] || y.opensAt - x.opensAt)
  },
})
