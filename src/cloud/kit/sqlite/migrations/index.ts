// Ordered schema migrations; each capability appends its own file here.
import foundation from './001-foundation'

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'foundation', sql: foundation },
]
