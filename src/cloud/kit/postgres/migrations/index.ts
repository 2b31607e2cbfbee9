// Ordered PostgreSQL migrations, numbered as their SQLite twins (same version,
// same meaning); each capability appends its own file here.
import foundation from './001-foundation'
import filesAndOutbox from './002-files-and-outbox'
import voting from './003-voting'
import votingIndexes from './008-voting-indexes'

export const PG_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'files-and-outbox', sql: filesAndOutbox },
  { version: 3, name: 'voting', sql: voting },
  { version: 8, name: 'voting-indexes', sql: votingIndexes },
]
