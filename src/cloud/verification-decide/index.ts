// The committee approves a proof request (the person becomes the unit's
// owner on the roll) or rejects it with a reason. Audited; the person is told.
import { AppError } from '../../domain/errors'
import { verificationDecideInput, type VerificationView } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { toVerificationView } from '../kit/verification-view'

export const main = defineFunction({
  name: 'verification-decide',
  input: verificationDecideInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<VerificationView> => {
    const actor = requireCaller(caller)
    const approve = input.decision === 'approve'
    if (!approve && input.reason.length < 2) throw new AppError('VERIFY.REASON_REQUIRED', '驳回时请写明理由，申请人会看到', { field: 'reason' })
    const request = await ports.ownership.request(input.requestId)
    if (!request || request.communityId !== input.communityId) throw new AppError('VERIFY.NOT_FOUND', '找不到这条核验申请')
    let ownerKey: string | null = null
    if (approve) {
      const unit = await ports.rollAdmin.unit(input.communityId, request.building, request.unitNo)
      if (!unit) throw new AppError('VERIFY.UNIT_NOT_ON_ROLL', `当前名册上已没有 ${request.building} ${request.unitNo}，无法通过；请先更新名册`)
      if (unit.developerUnsold) throw new AppError('VERIFY.UNIT_UNSOLD', `名册上 ${request.building} ${request.unitNo} 仍是开发商未售，请先导入更新后的名册再通过`)
      ownerKey = unit.ownerKey
    }
    const decided = await ports.ownership.decide(
      { id: request.id, approve, ownerKey, reason: approve ? input.reason || null : input.reason, by: actor.person.id, at: now },
      {
        communityId: input.communityId,
        actorId: actor.person.id,
        action: approve ? 'verification.approve' : 'verification.reject',
        subject: `verification:${request.id}`,
        data: { personId: request.personId, building: request.building, unitNo: request.unitNo, ownerKey, reason: input.reason || null },
      },
    )
    if (!decided) throw new AppError('VERIFY.ALREADY_DECIDED', '这条申请已经处理过了，请刷新列表')
    await ports.notifications.send({
      communityId: input.communityId,
      recipientIds: [request.personId],
      kind: 'verification.decided',
      title: approve ? '业主身份核验已通过' : '业主身份核验未通过',
      body: approve ? `您已绑定 ${request.building} ${request.unitNo}。` : `${request.building} ${request.unitNo}：${input.reason}`,
      page: '/pages/mine/index',
      dedupeKey: `verification-decided:${request.id}`,
      at: now,
    })
    return toVerificationView(decided)
  },
})
