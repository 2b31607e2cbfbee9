// Property staff accept, assign a worker, start and complete (with a note and
// photos). Each step is a state-machine transition, audited.
import { repairHandleInput, type RepairChangeOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { checkPhotos, detailOf, loadVisible, runCommand, viewerOf } from '../kit/repair-use-cases'

export const main = defineFunction({
  name: 'repair-handle',
  input: repairHandleInput,
  access: { kind: 'community', roles: ['property'] },
  run: async ({ input, caller, ports, now }): Promise<RepairChangeOutput> => {
    const me = requireCaller(caller)
    const viewer = await viewerOf(ports, me, input.communityId)
    const r = await loadVisible(ports, viewer, input.communityId, input.id)
    if (input.action.kind === 'complete') await checkPhotos(ports, input.communityId, me.person.id, input.action.photos)
    return detailOf(ports, await runCommand(ports, r, input.action, me.person.id, now), viewer, now)
  },
})
