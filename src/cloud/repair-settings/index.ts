// What the report form needs: the community's service-time commitments, its
// common areas, and the caller's own units.
import { ROLES } from '../../domain/roles'
import { repairSettingsInput, type RepairSettingsOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'repair-settings',
  input: repairSettingsInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports }): Promise<RepairSettingsOutput> => {
    const { commitments, commonAreas } = await ports.repairs.settings(input.communityId)
    const units = (await ports.identity.unitsOf(requireCaller(caller).person.id)).filter((u) => u.communityId === input.communityId)
    return { commitments, commonAreas, myUnits: units.map((u) => ({ building: u.building, unitNo: u.unitNo, relation: u.relation })) }
  },
})
