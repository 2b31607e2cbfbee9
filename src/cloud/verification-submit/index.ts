// Without a match on the roll, a person files proof (房产证 or purchase
// contract photo) for the committee to check. Audited; the committee is told.
// At most OPEN_PROOF_REQUEST_LIMIT requests of a person wait in a community at once.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../domain/errors'
import { OPEN_PROOF_REQUEST_LIMIT, unitKeyOf } from '../../domain/owner-verification'
import { verificationSubmitInput, type VerificationView } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireCommunity } from '../kit/community-of'
import { toVerificationView } from '../kit/verification-view'

export const main = defineFunction({
  name: 'verification-submit',
  input: verificationSubmitInput,
  access: { kind: 'person' },
  run: async ({ input, caller, ports, now }): Promise<VerificationView> => {
    const { person } = requireCaller(caller)
    await requireCommunity(ports, input.communityId)
    const file = await ports.files.meta(input.fileId)
    if (!file || file.ownerId !== person.id || file.communityId !== input.communityId || file.purpose === 'spreadsheet') {
      throw new AppError('VERIFY.FILE_NOT_FOUND', '找不到您上传的证明照片，请重新上传', { field: 'fileId' })
    }
    const key = unitKeyOf(input.building, input.unitNo)
    const unit = await ports.rollAdmin.unit(input.communityId, key.building, key.unitNo)
    if (!unit) throw new AppError('VERIFY.UNIT_NOT_ON_ROLL', `业主名册上没有 ${key.building} ${key.unitNo}，请核对楼栋和房号（按房产证上的写法）`, { field: 'unitNo' })
    if ((await ports.identity.unitsOf(person.id)).some((u) => u.communityId === input.communityId && u.relation === 'owner' && u.building === key.building && u.unitNo === key.unitNo)) {
      throw new AppError('VERIFY.ALREADY_OWNER', `您已经是 ${key.building} ${key.unitNo} 的业主，无需再申请`)
    }
    const id = `vr_${randomBytes(10).toString('hex')}`
    const outcome = await ports.ownership.submitProof(
      { id, communityId: input.communityId, personId: person.id, building: key.building, unitNo: key.unitNo, claimedName: input.name, fileId: file.id, note: input.note, openLimit: OPEN_PROOF_REQUEST_LIMIT, at: now },
      { communityId: input.communityId, actorId: person.id, action: 'verification.submit', subject: `verification:${id}`, data: { building: key.building, unitNo: key.unitNo, fileId: file.id } },
    )
    if (!outcome.ok && outcome.why === 'already-pending') throw new AppError('VERIFY.ALREADY_PENDING', `您对 ${key.building} ${key.unitNo} 的核验申请还在处理中，请耐心等待业委会审核`)
    if (!outcome.ok) {
      throw new AppError('VERIFY.TOO_MANY_OPEN', `您在本小区已有 ${OPEN_PROOF_REQUEST_LIMIT} 份核验申请等待业委会审核，每人最多同时 ${OPEN_PROOF_REQUEST_LIMIT} 份；请等审核后再提交`, { limit: OPEN_PROOF_REQUEST_LIMIT })
    }
    const request = outcome.request
    const committee = (await ports.identity.communityPeople(input.communityId)).filter((p) => p.roles.includes('committee')).map((p) => p.person.id)
    await ports.notifications.send({
      communityId: input.communityId,
      recipientIds: committee,
      kind: 'verification.submitted',
      title: '有新的业主身份核验申请',
      body: `${key.building} ${key.unitNo} 的住户上传了产权证明，请审核。`,
      page: '/packages/roll/pages/verifications/index',
      dedupeKey: `verification:${id}`,
      at: now,
    })
    return toVerificationView(request)
  },
})
