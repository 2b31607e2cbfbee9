// The committee appoints a captain (for named buildings), committee member,
// property staff or supervisor. Audited.
import { AppError } from '../../domain/errors'
import { roleGrantInput, type RoleChangeOutput } from '../../contracts/identity'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'role-grant',
  input: roleGrantInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<RoleChangeOutput> => {
    const actor = requireCaller(caller)
    const members = await ports.identity.communityPeople(input.communityId)
    if (!members.some((m) => m.person.id === input.personId)) throw new AppError('ROLE.NOT_A_MEMBER', '此人不是本小区的成员，不能任命')
    if (input.role === 'captain' && input.buildings.length === 0) throw new AppError('ROLE.BUILDINGS_REQUIRED', '任命楼长时须指定负责的楼栋', { field: 'buildings' })
    const buildings = input.role === 'captain' ? [...new Set(input.buildings)].sort() : []
    const auditSeq = await ports.roles.grant(
      { communityId: input.communityId, personId: input.personId, role: input.role, buildings, at: now },
      { communityId: input.communityId, actorId: actor.person.id, action: 'role.grant', subject: `person:${input.personId}`, data: { role: input.role, buildings } },
    )
    return { personId: input.personId, role: input.role, buildings, auditSeq }
  },
})
