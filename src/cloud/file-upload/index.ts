// A member of a community uploads a photo, document or spreadsheet. The kind
// is decided from the bytes; the size limit from the purpose. Someone not yet
// a member may upload one thing only: a document proving they own a unit
// there, at most PROOF_UPLOADS_PER_DAY a day.
import { AppError } from '../../domain/errors'
import { checkUpload } from '../../domain/files'
import { PROOF_UPLOADS_PER_DAY, shanghaiDay } from '../../domain/owner-verification'
import { fileUploadInput, type UploadedFile } from '../../contracts/identity'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireCommunity } from '../kit/community-of'

export const main = defineFunction({
  name: 'file-upload',
  input: fileUploadInput,
  access: { kind: 'person' },
  run: async ({ input, caller, ports, now }): Promise<UploadedFile> => {
    const { person, community } = requireCaller(caller)
    const newcomer = !community || community.roles.length === 0
    if (newcomer) {
      if (input.purpose !== 'document') throw new AppError('FORBIDDEN', '您在本小区没有执行此操作的权限')
      await requireCommunity(ports, input.communityId)
    }
    // The bytes are checked before a newcomer's daily count is taken: a wrong file costs nothing.
    const kind = checkUpload(input.purpose, input.bytes)
    const day = shanghaiDay(now)
    if (newcomer && (await ports.ownership.reserveProofUpload(person.id, day, PROOF_UPLOADS_PER_DAY)) === null) {
      throw new AppError('VERIFY.UPLOAD_LIMIT', `今天已上传 ${PROOF_UPLOADS_PER_DAY} 份证明材料，每人每天最多 ${PROOF_UPLOADS_PER_DAY} 份，请明天再试`, { limit: PROOF_UPLOADS_PER_DAY })
    }
    try {
      const file = await ports.files.save({ communityId: input.communityId, ownerId: person.id, purpose: input.purpose, name: input.name, kind, bytes: input.bytes, at: now })
      return { fileId: file.id, name: file.name, kind: file.kind, purpose: file.purpose, size: file.size }
    } catch (e) {
      if (newcomer) await ports.ownership.refundProofUpload(person.id, day)
      throw e
    }
  },
})
