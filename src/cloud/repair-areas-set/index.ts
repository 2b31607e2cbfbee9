// The committee keeps the community's list of common areas (add, rename,
// remove, order) that owners pick from when they report a repair there.
// Audited with what was added and removed; requests already reported keep the
// area text they were reported under.
import { checkCommonAreas } from '../../domain/repairs/areas'
import { repairAreasSetInput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'repair-areas-set',
  input: repairAreasSetInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<string[]> => {
    const areas = checkCommonAreas(input.areas)
    const before = (await ports.repairs.settings(input.communityId)).commonAreas
    const added = areas.filter((a) => !before.includes(a))
    const removed = before.filter((a) => !areas.includes(a))
    await ports.repairs.setCommonAreas(input.communityId, areas, { communityId: input.communityId, actorId: requireCaller(caller).person.id, action: 'repair.areas', subject: 'repair-areas', data: { areas, added, removed } }, now)
    return (await ports.repairs.settings(input.communityId)).commonAreas
  },
})
