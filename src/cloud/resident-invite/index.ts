// An owner makes an invite code for one of their units; the family member or
// tenant enters it in their own WeChat to be linked as a resident. A code
// identifies the resident by who redeems it, so the owner never needs (or
// learns) the resident's phone number.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../domain/errors'
import { INVITE_TTL_MS, inviteCodeFrom } from '../../domain/owner-verification'
import { residentInviteInput, type ResidentInviteOutput } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireOwnedUnit } from '../kit/owned-units'

export const main = defineFunction({
  name: 'resident-invite',
  input: residentInviteInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports, now }): Promise<ResidentInviteOutput> => {
    const owner = requireCaller(caller)
    const unit = await requireOwnedUnit(ports, owner, input.communityId, input.building, input.unitNo)
    // 31^8 codes: a clash is rare; the primary key catches it and we draw again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = inviteCodeFrom(randomBytes(8))
      const invite = { code, communityId: input.communityId, building: unit.building, unitNo: unit.unitNo, createdBy: owner.person.id, createdAt: now, expiresAt: now + INVITE_TTL_MS }
      if (await ports.ownership.createInvite(invite)) return { code, building: unit.building, unitNo: unit.unitNo, expiresAt: invite.expiresAt }
    }
    throw new AppError('INTERNAL', '生成邀请码失败，请重试')
  },
})
