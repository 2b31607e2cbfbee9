// The port contracts against PostgreSQL, when TEST_DATABASE_URL (or
// DATABASE_URL) names a database to use; otherwise one skipped test says so
// by name, so a run without PostgreSQL never looks like a pass.
import { runContracts } from './suites'
import { postgresTarget, testDatabaseUrl } from './targets/postgres'

jest.setTimeout(60_000)
const url = testDatabaseUrl()
if (url) runContracts(postgresTarget(url))
else test.skip('PostgreSQL contract: not run — set TEST_DATABASE_URL', () => undefined)
