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
    return {
      ports,
      async seed(s) {
        db.transaction(() => writeFoundationSqlite(db, s))()
      },
      async tamperAudit(communityId, seq) {
        for (const sql of ['UPDATE audit_log SET action = action || \'!\' WHERE community_id = ? AND seq = ?', 'DELETE FROM audit_log WHERE community_id = ? AND seq = ?']) {
          try {
            if (db.prepare(sql).run(communityId, seq).changes > 0) return 'changed'
          } catch {
            // refused, as it should be
          }
        }
        return 'refused'
      },
      setNow(ms) { now = ms },
      async close() {
        ports.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}
