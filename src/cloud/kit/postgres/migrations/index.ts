// Ordered PostgreSQL migrations, numbered as their SQLite twins (same version,
// same meaning); each capability appends its own file here.
import foundation from './001-foundation'
import filesAndOutbox from './002-files-and-outbox'
import voting from './003-voting'
import roll from './004-roll'
import disclosure from './005-disclosure'
import captains from './006-captains'
import repairs from './007-repairs'
import votingIndexes from './008-voting-indexes'
import verificationLimits from './009-verification-limits'
import ballotCorrections from './010-ballot-corrections'

export const PG_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'files-and-outbox', sql: filesAndOutbox },
  { version: 3, name: 'voting', sql: voting },
  { version: 4, name: 'roll', sql: roll },
  { version: 5, name: 'disclosure', sql: disclosure },
  { version: 6, name: 'captains', sql: captains },
  { version: 7, name: 'repairs', sql: repairs },
  { version: 8, name: 'voting-indexes', sql: votingIndexes },
  { version: 9, name: 'verification-limits', sql: verificationLimits },
  { version: 10, name: 'ballot-corrections', sql: ballotCorrections },
]
