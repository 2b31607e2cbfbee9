// One request with its timeline, for those who may see it.
import { ROLES } from '../../domain/roles'
import { repairDetailInput, type RepairDetail } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { detailOf, loadVisible, viewerOf } from '../kit/repair-use-cases'

export const main = defineFunction({
  name: 'repair-detail',
  input: repairDetailInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<RepairDetail> => {
    const viewer = await viewerOf(ports, requireCaller(caller), input.communityId)
    return detailOf(ports, await loadVisible(ports, viewer, input.communityId, input.id), viewer, now)
  },
})
