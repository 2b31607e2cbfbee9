// What the PostgreSQL benchmarks share: the database named by
// BENCH_DATABASE_URL or TEST_DATABASE_URL (without one, the benchmark says so
// and prints no figures), a schema of their own dropped afterwards, and an
// exit code that fails the run on any error.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { postgresPorts, type PostgresPorts } from '../../../src/cloud/kit/postgres'

/** Where the benchmark runs: the database's address and its own schema (for a host process it starts on the same data). */
export interface PgBenchPlace { url: string; schema: string }

export function runOnPostgres(name: string, opts: { max?: number; now?: () => number }, bench: (ports: PostgresPorts, place: PgBenchPlace) => Promise<void>): void {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (!url) {
    console.log(`${name}: not run — set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL database`)
    return
  }
  const main = async () => {
    const schema = `bench_${randomBytes(4).toString('hex')}`
    const ports = await postgresPorts({ connectionString: url, schema, max: opts.max }, opts.now)
    try {
      await bench(ports, { url, schema })
    } finally {
      await ports.pool.query(`DROP SCHEMA ${schema} CASCADE`)
      await ports.close()
    }
  }
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}

/**
 * CPU ms a process has used (user + system), or null when it is not on this
 * machine or not readable: what a shared machine cannot blur, beside wall time.
 */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the
    // 12th and 13th, in clock ticks (USER_HZ, 100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}
