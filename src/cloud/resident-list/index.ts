// An owner's residents: who is linked to each of their units. Residents are
// other people to the owner, so names and phones come masked.
import { residentListInput, type ResidentView } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { ownedUnits } from '../kit/owned-units'
import { nameFor, phoneFor } from '../kit/privacy'

export const main = defineFunction({
  name: 'resident-list',
  input: residentListInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports }): Promise<ResidentView[]> => {
    const owner = requireCaller(caller)
    const units = await ownedUnits(ports, owner, input.communityId)
    return (await ports.ownership.residentsOf(input.communityId, units)).map((r) => ({
      personId: r.personId,
      name: nameFor(owner, r.personId, r.name),
      phone: phoneFor(owner, r.personId, r.phone),
      building: r.building,
      unitNo: r.unitNo,
      linkedAt: r.linkedAt,
    }))
  },
})
