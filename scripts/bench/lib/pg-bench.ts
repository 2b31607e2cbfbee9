// What the PostgreSQL benchmarks share: the database named by
// BENCH_DATABASE_URL or TEST_DATABASE_URL (without one, the benchmark says so
// and prints no figures), a schema of their own dropped afterwards, and an
// exit code that fails the run on any error.
import { randomBytes } from 'node:crypto'
import { postgresPorts, type PostgresPorts } from '../../../src/cloud/kit/postgres'

export function runOnPostgres(name: string, opts: { max?: number; now?: () => number }, bench: (ports: PostgresPorts) => Promise<void>): void {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (!url) {
    console.log(`${name}: not run — set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL database`)
    return
  }
  const main = async () => {
    const schema = `bench_${randomBytes(4).toString('hex')}`
    const ports = await postgresPorts({ connectionString: url, schema, max: opts.max }, opts.now)
    try {
      await bench(ports)
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
