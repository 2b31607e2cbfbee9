// All ports over one SQLite database.
import type { HostPorts } from '../hosting'
import { sqliteAudit } from './audit'
import { sqliteDisclosure } from './disclosure'
import { sqliteCaptains } from './captains'
import { dirname, join } from 'node:path'
import { openDatabase, type Db } from './db'
import { sqliteFiles } from './files'
import { latestOutbox, sqliteOutbox } from './outbox'
import { sqliteIdentity, sqliteRoles } from './identity'
import { sqliteRoll } from './roll'
import { sqliteVoting } from './voting'
import { sqliteRollAdmin } from './roll-admin'
import { sqliteOwnership } from './ownership'
import { sqliteRepairs } from './repairs'

export interface SqlitePorts extends HostPorts {
  db: Db
  close(): void
}

/** All ports over the database `file`; uploaded files go to a `files` folder beside it. */
export function sqlitePorts(file: string, now: () => number = Date.now): SqlitePorts {
  const db = openDatabase(file)
  return {
    db,
    now,
    identity: sqliteIdentity(db),
    roles: sqliteRoles(db),
    roll: sqliteRoll(db),
    rollAdmin: sqliteRollAdmin(db),
    ownership: sqliteOwnership(db),
    audit: sqliteAudit(db, now),
    files: sqliteFiles(db, join(dirname(file), 'files')),
    notifications: sqliteOutbox(db),
    voting: sqliteVoting(db),
    disclosure: sqliteDisclosure(db),
    captains: sqliteCaptains(db),
    repairs: sqliteRepairs(db),
    close: () => db.close(),
    outbox: async (limit) => latestOutbox(db, limit),
  }
}
