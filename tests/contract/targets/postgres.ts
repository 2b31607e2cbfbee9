// The PostgreSQL adapter as a contract target: a fresh schema per test in the
// database named by TEST_DATABASE_URL (or DATABASE_URL), dropped afterwards.
import { randomBytes } from 'node:crypto'
import { transaction } from '../../../src/cloud/kit/postgres/db'
import { postgresPorts } from '../../../src/cloud/kit/postgres'
import { writeFoundationPostgres } from '../../../src/seed/seed-postgres'
import type { ContractTarget } from '../target'

export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined

export function postgresTarget(connectionString: string): ContractTarget {
  return {
    name: 'PostgreSQL',
    async open(start) {
      const schema = `contract_${process.pid}_${randomBytes(4).toString('hex')}`
      let now = start
      const ports = await postgresPorts({ connectionString, schema, max: 12 }, () => now)
      const { pool } = ports
      return {
        ports,
        seed: (s) => transaction(pool, (c) => writeFoundationPostgres(c, s)),
        async tamperAudit(communityId, seq) {
          for (const sql of ["UPDATE audit_log SET action = action || '!' WHERE community_id = $1 AND seq = $2", 'DELETE FROM audit_log WHERE community_id = $1 AND seq = $2']) {
            try {
              if ((await pool.query(sql, [communityId, seq])).rowCount) return 'changed'
            } catch {
              // refused by the trigger, as it should be
            }
          }
          return 'refused'
        },
        setNow(ms) { now = ms },
        async close() {
          await pool.query(`DROP SCHEMA ${schema} CASCADE`)
          await ports.close()
        },
      }
    },
  }
}
