// All ports over one SQLite database.
import type { Ports } from '../ports'
import { sqliteAudit } from './audit'
import { openDatabase, type Db } from './db'
import { sqliteIdentity, sqliteRoles } from './identity'
import { sqliteRoll } from './roll'
import { sqliteNotifications, sqliteVoting } from './voting'

export interface SqlitePorts extends Ports {
  db: Db
  close(): void
}

export function sqlitePorts(file: string, now: () => number = Date.now): SqlitePorts {
  const db = openDatabase(file)
  return {
    db,
    now,
    identity: sqliteIdentity(db),
    roles: sqliteRoles(db),
    roll: sqliteRoll(db),
    audit: sqliteAudit(db, now),
    voting: sqliteVoting(db),
    notifications: sqliteNotifications(db),
    close: () => db.close(),
  }
}
