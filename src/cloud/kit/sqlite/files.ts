// Files on the local host: bytes in DATA_DIR/files, their record in SQLite.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, existsSync, writeFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { FilesPort, StoredFile } from '../ports'
import { sha256Bytes } from '../sha256'
import type { Db } from './db'

interface FileRow { id: string; community_id: string; owner_id: string; purpose: StoredFile['purpose']; name: string; kind: StoredFile['kind']; size: number; sha256: string; created_at: number }
const toFile = (r: FileRow): StoredFile => ({ id: r.id, communityId: r.community_id, ownerId: r.owner_id, purpose: r.purpose, name: r.name, kind: r.kind, size: r.size, sha256: r.sha256, createdAt: r.created_at })

export function sqliteFiles(db: Db, folder: string): FilesPort {
  const insert = db.prepare('INSERT INTO files (id, community_id, owner_id, purpose, name, kind, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const byId = db.prepare('SELECT * FROM files WHERE id = ?')
  const pathOf = (id: string) => join(folder, id.slice(2, 4), id)
  return {
    async save(f) {
      const id = `f_${randomBytes(12).toString('hex')}`
      const path = pathOf(id)
      mkdirSync(join(folder, id.slice(2, 4)), { recursive: true })
      // Write the bytes first (atomically), then the record: a record never points at a missing file.
      writeFileSync(`${path}.part`, f.bytes)
      renameSync(`${path}.part`, path)
      const file: StoredFile = { id, communityId: f.communityId, ownerId: f.ownerId, purpose: f.purpose, name: f.name, kind: f.kind, size: f.bytes.length, sha256: sha256Bytes(f.bytes), createdAt: f.at }
      insert.run(id, file.communityId, file.ownerId, file.purpose, file.name, file.kind, file.size, file.sha256, file.createdAt)
      return file
    },
    async meta(id) {
      const row = byId.get(id) as FileRow | undefined
      return row ? toFile(row) : null
    },
    async read(id) {
      if (!/^f_[0-9a-f]{24}$/.test(id) || !existsSync(pathOf(id))) return null
      return new Uint8Array(readFileSync(pathOf(id)))
    },
  }
}
