// A member of a community uploads a photo, document or spreadsheet. The kind
// is decided from the bytes; the size limit from the purpose.
import { checkUpload } from '../../domain/files'
import { ROLES } from '../../domain/roles'
import { fileUploadInput, type UploadedFile } from '../../contracts/identity'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'file-upload',
  input: fileUploadInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<UploadedFile> => {
    const kind = checkUpload(input.purpose, input.bytes)
    const file = await ports.files.save({ communityId: input.communityId, ownerId: requireCaller(caller).person.id, purpose: input.purpose, name: input.name, kind, bytes: input.bytes, at: now })
    return { fileId: file.id, name: file.name, kind: file.kind, purpose: file.purpose, size: file.size }
  },
})
