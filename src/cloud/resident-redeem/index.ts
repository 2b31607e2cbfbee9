// A family member or tenant enters the owner's invite code and becomes a
// resident of that unit (never a voter). Audited.
import { AppError } from '../../domain/errors'
import { normInviteCode } from '../../domain/owner-verification'
import { residentRedeemInput, type ResidentRedeemOutput } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'

const WHY: Record<'unknown' | 'used' | 'expired' | 'own-unit', [string, string]> = {
  unknown: ['RESIDENT.CODE_UNKNOWN', '邀请码不正确，请向业主核对后重新输入'],
  used: ['RESIDENT.CODE_USED', '这个邀请码已经用过了，请业主重新生成一个'],
  expired: ['RESIDENT.CODE_EXPIRED', '这个邀请码已过期（有效期 7 天），请业主重新生成一个'],
  'own-unit': ['RESIDENT.OWN_UNIT', '这是您自己名下的房屋，您已经是业主，无需作为住户加入'],
}

export const main = defineFunction({
  name: 'resident-redeem',
  input: residentRedeemInput,
  access: { kind: 'person' },
  run: async ({ input, caller, ports, now }): Promise<ResidentRedeemOutput> => {
    const { person } = requireCaller(caller)
    const outcome = await ports.ownership.redeemInvite({ code: normInviteCode(input.code), personId: person.id, at: now }, (invite) => ({
      communityId: invite.communityId,
      actorId: person.id,
      action: 'resident.link',
      subject: `unit:${invite.building}/${invite.unitNo}`,
      data: { personId: person.id, invitedBy: invite.createdBy },
    }))
    if (!outcome.ok) {
      const [code, message] = WHY[outcome.why]
      throw new AppError(code as `${Uppercase<string>}.${Uppercase<string>}`, message, { field: 'code' })
    }
    return { communityId: outcome.invite.communityId, building: outcome.invite.building, unitNo: outcome.invite.unitNo }
  },
})
