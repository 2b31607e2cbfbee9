// All ports over one PostgreSQL database (DATABASE_URL on the host). Ports a
// capability has not yet brought to PostgreSQL answer SYSTEM.NOT_AVAILABLE
// (see hosting.ts); each capability adds its line below.
import { withPendingPorts, type FoundationPorts, type HostPorts } from '../hosting'
import type { Ports } from '../ports'
import { pgAudit } from './audit'
import { openPostgres, type Pg, type PgOptions } from './db'
import { pgFiles } from './files'
import { pgIdentity, pgRoles } from './identity'
import { latestOutboxPg, pgOutbox } from './outbox'
import { pgRoll } from './roll'
import { pgVoting } from './voting'

export interface PostgresPorts extends HostPorts {
  pool: Pg
  close(): Promise<void>
}

export async function postgresPorts(opts: PgOptions, now: () => number = Date.now): Promise<PostgresPorts> {
  const pool = await openPostgres(opts)
  const ports: FoundationPorts & Pick<Ports, 'voting'> & Pick<PostgresPorts, 'pool' | 'outbox' | 'close'> = {
    pool,
    now,
    identity: pgIdentity(pool),
    roles: pgRoles(pool),
    roll: pgRoll(pool),
    audit: pgAudit(pool, now),
    files: pgFiles(pool),
    notifications: pgOutbox(pool),
    voting: pgVoting(pool),
    outbox: (limit) => latestOutboxPg(pool, limit),
    close: () => pool.end(),
  }
  return withPendingPorts(ports, ' PostgreSQL ')
}
