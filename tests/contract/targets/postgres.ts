// The PostgreSQL adapter as a contract target: a fresh schema per test in the
// database named by TEST_DATABASE_URL (or DATABASE_URL), dropped afterwards.
import { randomBytes } from 'node:crypto'
import { transaction } from '../../../src/cloud/kit/postgres/db'
import { postgresPorts } from '../../../src/cloud/kit/postgres'
import { writeFoundationPostgres } from '../../../src/seed/seed-postgres'
import { demoFoundation } from '../../../src/seed/demo-foundation'
import { functionCaller, type Harness } from '../../support/harness'
import { CONTRACT_NOW, type ContractTarget, type OpenTarget } from '../target'

export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined

export function postgresTarget(connectionString: string): ContractTarget {
  return {
    name: 'PostgreSQL',
    async open(start) {
      const schema = `contract_${process.pid}_${randomBytes(4).toString('hex')}`
      let now = start
      const ports = await postgresPorts({ connectionString, schema, max: 12 }, () => now)
      const { pool } = ports
      /** Runs each statement behind the adapter's back: 'changed' as soon as one changes a row (or a TRUNCATE goes through). */
      const tamper = async ([sqls, params]: [string[], unknown[]]) => {
        for (const sql of sqls) {
          try {
            const r = await pool.query(sql, sql.startsWith('TRUNCATE') ? [] : params)
            if (r.rowCount || sql.startsWith('TRUNCATE')) return 'changed' as const
          } catch {
            // refused by the trigger, as it should be
          }
        }
        return 'refused' as const
      }
      return {
        ports,
        seed: (s) => transaction(pool, (c) => writeFoundationPostgres(c, s)),
        tamperAudit: (communityId, seq) => tamper([
          ["UPDATE audit_log SET action = action || '!' WHERE community_id = $1 AND seq = $2", 'DELETE FROM audit_log WHERE community_id = $1 AND seq = $2'], [communityId, seq]]),
        tamperReport: (communityId, quarter, version) => tamper([[
          "UPDATE report_versions SET body = '{}' WHERE community_id = $1 AND quarter = $2 AND version = $3",
          'DELETE FROM report_versions WHERE community_id = $1 AND quarter = $2 AND version = $3',
          'TRUNCATE report_versions CASCADE',
        ], [communityId, quarter, version]]),
        setNow(ms) { now = ms },
        async close() {
          await pool.query(`DROP SCHEMA ${schema} CASCADE`)
          await ports.close()
        },
      }
    },
  }
}

/**
 * The real functions (through the registry, as the host calls them) over the
 * PostgreSQL ports: a fresh schema with the demo foundation for each test.
 */
export function usePostgresFunctions(url: string): { call: Harness['call']; setNow(ms: number): void; ports(): OpenTarget['ports'] } {
  let target: OpenTarget | null = null
  let call: Harness['call'] | null = null
  beforeEach(async () => {
    target = await postgresTarget(url).open(CONTRACT_NOW)
    await target.seed(demoFoundation(CONTRACT_NOW))
    call = functionCaller(target.ports).call
  })
  afterEach(async () => {
    await target?.close()
    target = call = null
  })
  const open = () => {
    if (!target || !call) throw new Error('PostgreSQL functions used outside a test')
    return { target, call }
  }
  return { call: ((...args: Parameters<Harness['call']>) => open().call(...args)) as Harness['call'], setNow: (ms) => open().target.setNow(ms), ports: () => open().target.ports }
}
