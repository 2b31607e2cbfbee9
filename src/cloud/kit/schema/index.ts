// Ordered schema migrations, one list for both engines: a version means the
// same on SQLite and PostgreSQL; each capability appends its own file here.
import type { Dialect } from './dialect'
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
import ballotReferences from './011-ballot-references'

export interface SchemaMigration {
  version: number
  name: string
  sql: string
}

export function migrationsFor(d: Dialect): ReadonlyArray<SchemaMigration> {
  return [
    { version: 1, name: 'foundation', sql: foundation(d) },
    { version: 2, name: 'files-and-outbox', sql: filesAndOutbox(d) },
    { version: 3, name: 'voting', sql: voting(d) },
    { version: 4, name: 'roll', sql: roll(d) },
    { version: 5, name: 'disclosure', sql: disclosure(d) },
    { version: 6, name: 'captains', sql: captains(d) },
    { version: 7, name: 'repairs', sql: repairs(d) },
    { version: 8, name: 'voting-indexes', sql: votingIndexes(d) },
    { version: 9, name: 'verification-limits', sql: verificationLimits(d) },
    { version: 10, name: 'ballot-corrections', sql: ballotCorrections(d) },
    { version: 11, name: 'ballot-references', sql: ballotReferences(d) },
  ]
}
