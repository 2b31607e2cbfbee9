// Bench and reliability setup only: a community the size of a model one
// (5,415 owners, one unit each), an assembly open now with five motions, and a
// signed session cookie per owner, written straight into a host's DATA_DIR
// before the host starts. Nothing here runs in the app.
import { join } from 'node:path'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { appendAudit } from '../../src/cloud/kit/sqlite/audit'
import { insertAssembly, snapshotElectorate } from '../../src/cloud/kit/sqlite/voting'
import { summariseRoll } from '../../src/domain/roll'
import { loadSecret, SESSION_COOKIE, signSession } from '../../src/host/session'

export interface BigAssembly {
  communityId: string
  assemblyId: string
  motionIds: string[]
  /** `gj_session=…` per owner, index i is owner i. */
  cookies: string[]
}

export function setUpBigAssembly(dataDir: string, owners = 5415, motions = 5, now = Date.now()): BigAssembly {
  const ports = sqlitePorts(join(dataDir, 'gongjian.db'), () => now)
  const db = ports.db
  const communityId = 'c-bench'
  const assemblyId = 'asm-bench'
  const secret = loadSecret(dataDir)
  const cookies: string[] = []
  db.transaction(() => {
    db.prepare("INSERT INTO communities (id, name, settings, created_at) VALUES (?, '基准小区', '{}', ?)").run(communityId, now)
    db.prepare("INSERT INTO people (id, openid, name, phone, created_at) VALUES ('bench-chair', 'bench:chair', '主任', NULL, ?)").run(now)
    db.prepare("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, 'bench-chair', 'committee', '[]', ?)").run(communityId, now)
    const units = Array.from({ length: owners }, (_, i) => ({
      building: `${1 + (i % 30)}栋`, unitNo: String(1000 + i), area: 6000 + ((i * 7919) % 9000), ownerKey: `B${i}`, developerUnsold: false,
    }))
    const totals = summariseRoll(units)
    db.prepare('INSERT INTO roll_versions (community_id, version, created_at, units, total_area, total_heads, buildings) VALUES (?, 1, ?, ?, ?, ?, ?)')
      .run(communityId, now, totals.units, totals.area, totals.heads, JSON.stringify(totals.buildings))
    const unit = db.prepare("INSERT INTO roll_units (community_id, version, building, unit_no, area, area_basis, owner_key, owner_names, phones) VALUES (?, 1, ?, ?, ?, 'registered', ?, '', '')")
    const person = db.prepare('INSERT INTO people (id, openid, name, phone, created_at) VALUES (?, ?, ?, NULL, ?)')
    const member = db.prepare("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, ?, 'owner', '[]', ?)")
    const bind = db.prepare('INSERT INTO owner_bindings (community_id, person_id, owner_key, bound_at) VALUES (?, ?, ?, ?)')
    units.forEach((u, i) => {
      unit.run(communityId, u.building, u.unitNo, u.area, u.ownerKey)
      person.run(`bench-${i}`, `bench:${i}`, `业主${i}`, now)
      member.run(communityId, `bench-${i}`, now)
      bind.run(communityId, `bench-${i}`, u.ownerKey, now)
      cookies.push(`${SESSION_COOKIE}=${signSession(secret, `bench:${i}`)}`)
    })
    appendAudit(db, { communityId, actorId: null, action: 'roll.import', subject: 'roll:1', data: { version: 1, units: owners, source: 'bench' } }, now)
    insertAssembly(db, {
      id: assemblyId, communityId, title: '截止前投票高峰', notice: '基准测试', attachments: [], noticeAt: now - 20 * 86_400_000, opensAt: now - 86_400_000 * 2,
      closesAt: now + 86_400_000 * 3, shortNoticeReason: null, createdBy: 'bench-chair',
      motions: Array.from({ length: motions }, (_, k) => ({ id: `${assemblyId}-m${k + 1}`, matter: 1 + (k % 9), title: `议案 ${k + 1}`, body: '', seats: null, candidates: [] })),
    })
    const opened = snapshotElectorate(db, assemblyId, now)!
    appendAudit(db, { communityId, actorId: null, action: 'assembly.open', subject: `assembly:${assemblyId}`, data: { rollVersion: opened.rollVersion, total: opened.total } }, now)
  })()
  ports.close()
  return { communityId, assemblyId, motionIds: Array.from({ length: motions }, (_, k) => `${assemblyId}-m${k + 1}`), cookies }
}
