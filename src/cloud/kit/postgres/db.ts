// The PostgreSQL connection pool: BIGINT read back as numbers (times in ms and
// areas fit in 2^53), one helper for transactions, migrations at start under
// an advisory lock so several hosts starting together apply each once.
import { Pool, types, type PoolClient, type PoolConfig } from 'pg'
import { PG_MIGRATIONS } from './migrations'

export type Pg = Pool
export type Queryable = Pick<PoolClient, 'query'>

const INT8 = 20
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : types.getTypeParser(oid, format))) as typeof types.getTypeParser,
}

export interface PgOptions {
  connectionString: string
  /** A schema of its own (created if missing), e.g. one per contract-test run. */
  schema?: string
  max?: number
}

const MIGRATION_LOCK = 727_001

export async function openPostgres(opts: PgOptions): Promise<Pg> {
  if (opts.schema && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`invalid schema name: ${opts.schema}`)
  const config: PoolConfig = {
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5000,
    types: pgTypes,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  }
  const pool = new Pool(config)
  // An idle client that loses its server must not crash the process.
  pool.on('error', (e) => console.error('[postgres]', e.message))
  try {
    if (opts.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`)
    await migrate(pool)
  } catch (e) {
    await pool.end().catch(() => undefined)
    throw e
  }
  return pool
}

export async function migrate(pool: Pg): Promise<void> {
  await transaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)')
    const applied = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    for (const m of PG_MIGRATIONS) {
      if (applied.has(m.version)) continue
      await c.query(m.sql)
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()])
    }
  })
}

/** Runs `fn` in one transaction on one connection; rolls back on any error. */
export async function transaction<T>(pool: Pg, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}

/**
 * Inserts rows column-wise in ONE statement: `unnest` of one array per column
 * (a 50,000-unit roll is one round trip, and far under the 65,535-parameter
 * limit a VALUES list would hit). Each column names its PostgreSQL type.
 */
export async function insertMany(c: Queryable, table: string, columns: ReadonlyArray<readonly [name: string, type: string]>, rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  if (rows.length === 0) return
  const arrays = columns.map((_, i) => rows.map((r) => r[i]))
  const list = columns.map(([name]) => name).join(', ')
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')
  await c.query(`INSERT INTO ${table} (${list}) SELECT * FROM unnest(${unnest})`, arrays)
}

/** PostgreSQL's answer to a broken UNIQUE or PRIMARY KEY constraint (optionally a named one). */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505' && (constraint === undefined || (e as { constraint?: unknown }).constraint === constraint)
