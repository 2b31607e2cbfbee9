// The SQLite adapter as a contract target: a fresh file per test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlitePorts } from '../../../src/cloud/kit/sqlite'
import { writeFoundationSqlite } from '../../../src/seed/seed-sqlite'
import type { ContractTarget } from '../target'

export const sqliteTarget: ContractTarget = {
  name: 'SQLite',
  async open(start) {
    const dir = mkdtempSync(join(tmpdir(), 'gj-contract-'))
    let now = start
    const ports = sqlitePorts(join(dir, 'contract.db'), () => now)
    const { db } = ports
    /** Runs each statement behind the adapter's back: 'changed' as soon as one changes a row. */
    const tamper = async ([sqls, params]: [string[], unknown[]]) => {
      for (const sql of sqls) {
        try {
          if (db.prepare(sql).run(...params).changes > 0) return 'changed' as const
        } catch {
          // refused, as it should be
        }
      }
      return 'refused' as const
    }
    return {
      ports,
      async seed(s) {
        db.transaction(() => writeFoundationSqlite(db, s))()
      },
      tamperAudit: (communityId, seq) => tamper([
        ['UPDATE audit_log SET action = action || \'!\' WHERE community_id = ? AND seq = ?', 'DELETE FROM audit_log WHERE community_id = ? AND seq = ?'], [communityId, seq]]),
      tamperReport: (communityId, quarter, version) => tamper([
        ["UPDATE report_versions SET body = '{}' WHERE community_id = ? AND quarter = ? AND version = ?", 'DELETE FROM report_versions WHERE community_id = ? AND quarter = ? AND version = ?'], [communityId, quarter, version]]),
      setNow(ms) { now = ms },
      async close() {
        ports.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}
