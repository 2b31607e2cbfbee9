// The 报修 tab's two lists: my requests (reported by me, or in units I own)
// and the community's common-area requests (reporter masked).
import { ROLES } from '../../domain/roles'
import { repairListInput, type RepairSummary } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { namesOf, summarize, viewerOf } from '../kit/repair-use-cases'

const LIMIT = 50

export const main = defineFunction({
  name: 'repair-list',
  input: repairListInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<RepairSummary[]> => {
    const viewer = await viewerOf(ports, requireCaller(caller), input.communityId)
    const list = input.scope === 'mine'
      ? await ports.repairs.mine(input.communityId, viewer.personId, viewer.ownedUnits, LIMIT)
      : await ports.repairs.common(input.communityId, LIMIT)
    const names = await namesOf(ports, input.communityId)
    return list.map((r) => summarize(r, viewer, names, now))
  },
})
