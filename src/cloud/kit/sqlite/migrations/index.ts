// The SQLite schema: the shared migrations (kit/schema) in SQLite's words.
import { sqliteDialect } from '../../schema/dialect'
import { migrationsFor } from '../../schema'

export const MIGRATIONS = migrationsFor(sqliteDialect)
