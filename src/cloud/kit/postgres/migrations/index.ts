// Ordered PostgreSQL migrations, numbered as their SQLite twins (same version,
// same meaning); each capability appends its own file here.
import foundation from './001-foundation'
import filesAndOutbox from './002-files-and-outbox'
import roll from './004-roll'
import disclosure from './005-disclosure'
import captains from './006-captains'
import repairs from './007-repairs'
import verificationLimits from './009-verification-limits'

export const PG_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'files-and-outbox', sql: filesAndOutbox },
  { version: 4, name: 'roll', sql: roll },
  { version: 5, name: 'disclosure', sql: disclosure },
  { version: 6, name: 'captains', sql: captains },
  { version: 7, name: 'repairs', sql: repairs },
  { version: 9, name: 'verification-limits', sql: verificationLimits },
]
