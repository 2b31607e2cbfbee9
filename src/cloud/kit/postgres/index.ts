// All ports over one PostgreSQL database (DATABASE_URL on the host). Typed as
// the whole of Ports: a port without its PostgreSQL adapter does not build.
import type { HostPorts } from '../hosting'
import type { Ports } from '../ports'
import { pgAudit } from './audit'
import { pgDisclosure } from './disclosure'
import { pgCaptains } from './captains'
import { openPostgres, type Pg, type PgOptions } from './db'
import { pgFiles } from './files'
import { pgIdentity, pgRoles } from './identity'
import { latestOutboxPg, pgOutbox } from './outbox'
import { pgOwnership } from './ownership'
import { pgRepairs } from './repairs'
import { pgRoll } from './roll'
import { pgRollAdmin } from './roll-admin'
import { pgVoting } from './voting'

export interface PostgresPorts extends HostPorts {
  pool: Pg
  close(): Promise<void>
}

export async function postgresPorts(opts: PgOptions, now: () => number = Date.now): Promise<PostgresPorts> {
  const pool = await openPostgres(opts)
  const ports: Ports & Pick<PostgresPorts, 'pool' | 'outbox' | 'close'> = {
    pool,
    now,
    identity: pgIdentity(pool),
    roles: pgRoles(pool),
    roll: pgRoll(pool),
    rollAdmin: pgRollAdmin(pool),
    ownership: pgOwnership(pool),
    audit: pgAudit(pool, now),
    files: pgFiles(pool),
    notifications: pgOutbox(pool),
    disclosure: pgDisclosure(pool),
    captains: pgCaptains(pool),
    repairs: pgRepairs(pool),
    voting: pgVoting(pool, now),
    outbox: (limit) => latestOutboxPg(pool, limit),
    close: () => pool.end(),
  }
  return ports
}
