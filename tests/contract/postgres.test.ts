// The port contracts, and the functions that use them, against PostgreSQL,
// when TEST_DATABASE_URL (or DATABASE_URL) names a database to use; otherwise
// one skipped test says so by name, so a run without PostgreSQL never looks
// like a pass.
import { postgresFunctions } from './postgres-functions'
import { postgresVotingFunctions } from './postgres-voting-functions'
import { runContracts } from './suites'
import { postgresTarget, testDatabaseUrl } from './targets/postgres'

jest.setTimeout(60_000)
const url = testDatabaseUrl()
if (url) {
  runContracts(postgresTarget(url))
  postgresFunctions(url)
  postgresVotingFunctions(url)
} else test.skip('PostgreSQL contract and functions: not run — set TEST_DATABASE_URL', () => undefined)

// Also keeps this file from being a wholly skipped suite, which jest's
// reporters fold away: the skipped test above stays listed by name.
test('the contract database is TEST_DATABASE_URL, else DATABASE_URL, else none', () => {
  const saved = { test: process.env.TEST_DATABASE_URL, main: process.env.DATABASE_URL }
  try {
    process.env.TEST_DATABASE_URL = 'postgres://t@h/test'
    process.env.DATABASE_URL = 'postgres://m@h/main'
    expect(testDatabaseUrl()).toBe('postgres://t@h/test')
    delete process.env.TEST_DATABASE_URL
    expect(testDatabaseUrl()).toBe('postgres://m@h/main')
    delete process.env.DATABASE_URL
    expect(testDatabaseUrl()).toBeUndefined()
  } finally {
    for (const [k, v] of [['TEST_DATABASE_URL', saved.test], ['DATABASE_URL', saved.main]] as const) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
})
