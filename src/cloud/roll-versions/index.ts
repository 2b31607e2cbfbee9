// Every roll version with its totals by building: the committee checks its
// imports, every member can see the denominator their votes count against.
import { ROLES } from '../../domain/roles'
import { rollVersionsInput, type RollVersionView } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { nameFor } from '../kit/privacy'

export const main = defineFunction({
  name: 'roll-versions',
  input: rollVersionsInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports }): Promise<RollVersionView[]> => {
    const viewer = requireCaller(caller)
    return (await ports.rollAdmin.versions(input.communityId)).map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdByName: v.createdByName === null ? null : nameFor(viewer, v.createdBy, v.createdByName),
      units: v.units,
      area: v.area,
      heads: v.heads,
      buildings: v.buildings,
      source: v.sourceSha256 === null ? 'demo' : 'import',
    }))
  },
})
