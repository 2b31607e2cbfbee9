// A photo id sent by a client is only a claim: the file must exist, have been
// uploaded to this community by the caller, and have been uploaded as a photo
// (the upload route checked its bytes). Each area answers with its own codes.
import { AppError } from '../../domain/errors'
import type { Ports } from './ports'

/** Refuses the first id that is not the caller's own photo in this community, with `${area}.PHOTO_NOT_FOUND` or `${area}.PHOTO_WRONG_TYPE`. */
export async function requireOwnPhotos(ports: Ports, area: Uppercase<string>, communityId: string, personId: string, ids: readonly string[]): Promise<void> {
  for (const fileId of ids) {
    const meta = await ports.files.meta(fileId)
    if (!meta || meta.communityId !== communityId || meta.ownerId !== personId) throw new AppError(`${area}.PHOTO_NOT_FOUND`, '照片没有上传成功，请重新选择', { fileId })
    if (meta.purpose !== 'photo') throw new AppError(`${area}.PHOTO_WRONG_TYPE`, '这里只能放照片（JPG、PNG、WebP）', { fileId })
  }
}
