// Files on PostgreSQL: the record and its bytes in one row, written at once.
import { randomBytes } from 'node:crypto'
import type { FilesPort, StoredFile } from '../ports'
import { sha256Bytes } from '../sha256'
import type { Pg } from './db'

interface FileRow { id: string; community_id: string; owner_id: string; purpose: StoredFile['purpose']; name: string; kind: StoredFile['kind']; size: number; sha256: string; created_at: number }
const toFile = (r: FileRow): StoredFile => ({ id: r.id, communityId: r.community_id, ownerId: r.owner_id, purpose: r.purpose, name: r.name, kind: r.kind, size: r.size, sha256: r.sha256, createdAt: r.created_at })
const FILE_ID = /^f_[0-9a-f]{24}$/

export function pgFiles(pool: Pg): FilesPort {
  return {
    async save(f) {
      const file: StoredFile = {
        id: `f_${randomBytes(12).toString('hex')}`, communityId: f.communityId, ownerId: f.ownerId, purpose: f.purpose, name: f.name,
        kind: f.kind, size: f.bytes.length, sha256: sha256Bytes(f.bytes), createdAt: f.at,
      }
      await pool.query(
        'INSERT INTO files (id, community_id, owner_id, purpose, name, kind, size, sha256, created_at, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [file.id, file.communityId, file.ownerId, file.purpose, file.name, file.kind, file.size, file.sha256, file.createdAt, Buffer.from(f.bytes)],
      )
      return file
    },
    async meta(id) {
      if (!FILE_ID.test(id)) return null
      const { rows } = await pool.query<FileRow>('SELECT id, community_id, owner_id, purpose, name, kind, size, sha256, created_at FROM files WHERE id = $1', [id])
      return rows[0] ? toFile(rows[0]) : null
    },
    async read(id) {
      if (!FILE_ID.test(id)) return null
      const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM files WHERE id = $1', [id])
      return rows[0] ? new Uint8Array(rows[0].bytes) : null
    },
  }
}
