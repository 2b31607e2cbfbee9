// An owner removes a resident from one of their units (a tenant moved out).
// The resident role goes when it was their last unit. Audited.
import { AppError } from '../../domain/errors'
import { residentUnlinkInput, type AuditedChange } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireOwnedUnit } from '../kit/owned-units'

export const main = defineFunction({
  name: 'resident-unlink',
  input: residentUnlinkInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports, now }): Promise<AuditedChange> => {
    const owner = requireCaller(caller)
    const unit = await requireOwnedUnit(ports, owner, input.communityId, input.building, input.unitNo)
    const auditSeq = await ports.ownership.unlinkResident(
      { communityId: input.communityId, personId: input.personId, building: unit.building, unitNo: unit.unitNo },
      { communityId: input.communityId, actorId: owner.person.id, action: 'resident.unlink', subject: `unit:${unit.building}/${unit.unitNo}`, data: { personId: input.personId } },
      now,
    )
    if (auditSeq === null) throw new AppError('RESIDENT.NOT_LINKED', '此人不是这套房的住户')
    return { auditSeq }
  },
})
