// The committee revokes an appointed role. Audited.
import { AppError } from '../../domain/errors'
import { roleRevokeInput, type RoleChangeOutput } from '../../contracts/identity'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'role-revoke',
  input: roleRevokeInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<RoleChangeOutput> => {
    const actor = requireCaller(caller)
    const auditSeq = await ports.roles.revoke(
      { communityId: input.communityId, personId: input.personId, role: input.role, at: now },
      { communityId: input.communityId, actorId: actor.person.id, action: 'role.revoke', subject: `person:${input.personId}`, data: { role: input.role } },
    )
    if (auditSeq === null) throw new AppError('ROLE.NOT_HELD', '此人并未担任该角色')
    return { personId: input.personId, role: input.role, buildings: [], auditSeq }
  },
})
