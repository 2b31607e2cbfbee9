// The port contracts against SQLite: always.
import { runContracts } from './suites'
import { sqliteTarget } from './targets/sqlite'

jest.setTimeout(30_000)
runContracts(sqliteTarget)
