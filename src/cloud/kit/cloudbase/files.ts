// Files on CloudBase: bytes in cloud storage under files/<community>/<id>,
// the record (with the storage fileID) in the files collection, written after
// the upload so a record never points at missing bytes.
import { randomBytes } from 'node:crypto'
import type { FilesPort, StoredFile } from '../ports'
import { sha256Bytes } from '../sha256'
import { COLLECTIONS, type FileDoc } from './collections'
import { getOrNull } from './errors'
import type { WxCloud } from './sdk'

const FILE_ID = /^f_[0-9a-f]{24}$/
const toFile = (d: FileDoc): StoredFile => ({
  id: d._id, communityId: d.communityId, ownerId: d.ownerId, purpose: d.purpose as StoredFile['purpose'], name: d.name, kind: d.kind as StoredFile['kind'], size: d.size, sha256: d.sha256, createdAt: d.createdAt,
})

export function cloudbaseFiles(cloud: WxCloud): FilesPort {
  const files = () => cloud.database().collection<FileDoc>(COLLECTIONS.files)
  return {
    async save(f) {
      const id = `f_${randomBytes(12).toString('hex')}`
      const { fileID } = await cloud.uploadFile({ cloudPath: `files/${f.communityId}/${id}`, fileContent: Buffer.from(f.bytes) })
      const doc: FileDoc = { _id: id, communityId: f.communityId, ownerId: f.ownerId, purpose: f.purpose, name: f.name, kind: f.kind, size: f.bytes.length, sha256: sha256Bytes(f.bytes), createdAt: f.at, fileID }
      await files().add({ data: doc })
      return toFile(doc)
    },
    async meta(id) {
      if (!FILE_ID.test(id)) return null
      const doc = await getOrNull(files().doc(id))
      return doc ? toFile(doc) : null
    },
    async read(id) {
      if (!FILE_ID.test(id)) return null
      const doc = await getOrNull(files().doc(id))
      if (!doc) return null
      return new Uint8Array((await cloud.downloadFile({ fileID: doc.fileID })).fileContent)
    },
  }
}
