// The PostgreSQL schema: the shared migrations (kit/schema) in PostgreSQL's
// words, numbered as on SQLite (same version, same meaning).
import { postgresDialect } from '../../schema/dialect'
import { migrationsFor } from '../../schema'

export const PG_MIGRATIONS = migrationsFor(postgresDialect)
