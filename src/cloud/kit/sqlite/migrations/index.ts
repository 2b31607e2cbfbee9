// Ordered schema migrations; each capability appends its own file here.
import foundation from './001-foundation'
import voting from './002-voting'

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'voting', sql: voting },
]
