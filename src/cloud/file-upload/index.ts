// A member of a community uploads a photo, document or spreadsheet. The kind
// is decided from the bytes; the size limit from the purpose. Someone not yet
// a member may upload one thing only: a document proving they own a unit there.
import { AppError } from '../../domain/errors'
import { checkUpload } from '../../domain/files'
import { fileUploadInput, type UploadedFile } from '../../contracts/identity'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireCommunity } from '../kit/community-of'

export const main = defineFunction({
  name: 'file-upload',
  input: fileUploadInput,
  access: { kind: 'person' },
  run: async ({ input, caller, ports, now }): Promise<UploadedFile> => {
    const { person, community } = requireCaller(caller)
    if (!community || community.roles.length === 0) {
      if (input.purpose !== 'document') throw new AppError('FORBIDDEN', '您在本小区没有执行此操作的权限')
      await requireCommunity(ports, input.communityId)
    }
    const kind = checkUpload(input.purpose, input.bytes)
    const file = await ports.files.save({ communityId: input.communityId, ownerId: person.id, purpose: input.purpose, name: input.name, kind, bytes: input.bytes, at: now })
    return { fileId: file.id, name: file.name, kind: file.kind, purpose: file.purpose, size: file.size }
  },
})
