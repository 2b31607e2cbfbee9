// Owner verification on SQLite: the attempt and upload counters, owner
// bindings, proof requests (with each person's count of open ones) and
// resident invites. Uniqueness and limits are left to keys and conditional upserts.
import type { OwnershipPort } from '../roll-ports'
import { REQUEST_SELECT, toInvite, toRequest, toResidentLink, type InviteRow, type RequestRow, type ResidentRow } from '../rows'
import { appendAudit } from './audit'
import type { Db } from './db'

/** SQLite's answer to a broken UNIQUE or PRIMARY KEY constraint. */
const isUniqueViolation = (e: unknown): boolean => typeof e === 'object' && e !== null && /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(String((e as { code?: unknown }).code))

/**
 * A per-person daily counter taken in one statement: the conditional upsert
 * either adds one below the limit and answers the new count, or changes
 * nothing and answers no row. Concurrent takers cannot pass the limit.
 */
function dailyCounter(db: Db, table: 'bind_attempts' | 'proof_uploads', column: 'failures' | 'files') {
  const take = db.prepare(
    `INSERT INTO ${table} (person_id, day, ${column}) VALUES (?, ?, 1)
     ON CONFLICT (person_id, day) DO UPDATE SET ${column} = ${column} + 1 WHERE ${column} < ? RETURNING ${column}`,
  ).pluck()
  const giveBack = db.prepare(`UPDATE ${table} SET ${column} = ${column} - 1 WHERE person_id = ? AND day = ? AND ${column} > 0`)
  return {
    take: (personId: string, day: string, limit: number): number | null => (take.get(personId, day, limit) as number | undefined) ?? null,
    giveBack: (personId: string, day: string): void => void giveBack.run(personId, day),
  }
}

/** Thrown inside a transaction to roll it back when the open-request limit is reached. */
class TooManyOpen extends Error {}

export function sqliteOwnership(db: Db): OwnershipPort {
  const attempts = dailyCounter(db, 'bind_attempts', 'failures')
  const uploads = dailyCounter(db, 'proof_uploads', 'files')
  const takeOpen = db.prepare(
    `INSERT INTO verification_open (community_id, person_id, pending) VALUES (?, ?, 1)
     ON CONFLICT (community_id, person_id) DO UPDATE SET pending = pending + 1 WHERE pending < ? RETURNING pending`,
  ).pluck()
  const releaseOpen = db.prepare('UPDATE verification_open SET pending = pending - 1 WHERE community_id = ? AND person_id = ? AND pending > 0')
  const bind = db.prepare('INSERT OR IGNORE INTO owner_bindings (community_id, person_id, owner_key, bound_at) VALUES (?, ?, ?, ?)')
  const member = db.prepare("INSERT OR IGNORE INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, ?, ?, '[]', ?)")
  const insertRequest = db.prepare(
    `INSERT INTO verification_requests (id, community_id, person_id, building, unit_no, claimed_name, file_id, note, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
  )
  const requestById = db.prepare(`${REQUEST_SELECT} WHERE r.id = ?`)
  const queue = db.prepare(`${REQUEST_SELECT} WHERE r.community_id = ? ORDER BY r.status = 'pending' DESC, r.created_at DESC LIMIT ?`)
  const mine = db.prepare(`${REQUEST_SELECT} WHERE r.person_id = ? AND r.community_id = ? ORDER BY r.created_at DESC`)
  const decide = db.prepare("UPDATE verification_requests SET status = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'")
  const insertInvite = db.prepare('INSERT INTO resident_invites (code, community_id, building, unit_no, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const inviteByCode = db.prepare('SELECT * FROM resident_invites WHERE code = ?')
  const useInvite = db.prepare('UPDATE resident_invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL')
  const ownsUnit = db.prepare(
    `SELECT 1 FROM owner_bindings b JOIN roll_units u ON u.community_id = b.community_id AND u.owner_key = b.owner_key
        AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = b.community_id)
      WHERE b.community_id = ? AND b.person_id = ? AND u.building = ? AND u.unit_no = ?`,
  )
  const link = db.prepare('INSERT OR IGNORE INTO resident_links (community_id, person_id, building, unit_no, linked_by, linked_at) VALUES (?, ?, ?, ?, ?, ?)')
  const residentsOfUnit = db.prepare(
    `SELECT l.person_id, p.name, p.phone, l.building, l.unit_no, l.linked_by, l.linked_at FROM resident_links l JOIN people p ON p.id = l.person_id
      WHERE l.community_id = ? AND l.building = ? AND l.unit_no = ? ORDER BY l.linked_at, l.person_id`,
  )
  const unlink = db.prepare('DELETE FROM resident_links WHERE community_id = ? AND person_id = ? AND building = ? AND unit_no = ?')
  const linksLeft = db.prepare('SELECT COUNT(*) FROM resident_links WHERE community_id = ? AND person_id = ?').pluck()
  const communities = db.prepare("SELECT id, name FROM communities WHERE instr(name, ?) > 0 ORDER BY name LIMIT ?")
  const dropResident = db.prepare("DELETE FROM memberships WHERE community_id = ? AND person_id = ? AND role = 'resident'")

  const bindOwner = (communityId: string, personId: string, ownerKey: string, at: number): boolean => {
    const created = bind.run(communityId, personId, ownerKey, at).changes > 0
    member.run(communityId, personId, 'owner', at)
    return created
  }

  return {
    async reserveAttempt(personId, day, limit) {
      return attempts.take(personId, day, limit)
    },
    async refundAttempt(personId, day) {
      attempts.giveBack(personId, day)
    },
    async reserveProofUpload(personId, day, limit) {
      return uploads.take(personId, day, limit)
    },
    async refundProofUpload(personId, day) {
      uploads.giveBack(personId, day)
    },
    async bindOwner(input, audit) {
      return db.transaction(() => {
        if (!bindOwner(input.communityId, input.personId, input.ownerKey, input.at)) return { created: false, auditSeq: null }
        return { created: true, auditSeq: appendAudit(db, audit, input.at).seq }
      })()
    },
    async submitProof(input, audit) {
      try {
        return db.transaction(() => {
          // The request first, so a second one for the same unit is named as such even when the places are used up.
          insertRequest.run(input.id, input.communityId, input.personId, input.building, input.unitNo, input.claimedName, input.fileId, input.note, input.at)
          if (takeOpen.get(input.communityId, input.personId, input.openLimit) === undefined) throw new TooManyOpen()
          appendAudit(db, audit, input.at)
          return { ok: true as const, request: toRequest(requestById.get(input.id) as RequestRow) }
        })()
      } catch (e) {
        if (isUniqueViolation(e)) return { ok: false, why: 'already-pending' }
        if (e instanceof TooManyOpen) return { ok: false, why: 'too-many-open' }
        throw e
      }
    },
    async request(id) {
      const r = requestById.get(id) as RequestRow | undefined
      return r ? toRequest(r) : null
    },
    async requests(communityId, limit) {
      return (queue.all(communityId, limit) as RequestRow[]).map(toRequest)
    },
    async requestsOf(personId, communityId) {
      return (mine.all(personId, communityId) as RequestRow[]).map(toRequest)
    },
    async decide(input, audit) {
      return db.transaction(() => {
        if (decide.run(input.approve ? 'approved' : 'rejected', input.reason, input.by, input.at, input.id).changes === 0) return null
        const r = toRequest(requestById.get(input.id) as RequestRow)
        releaseOpen.run(r.communityId, r.personId)
        if (input.approve && input.ownerKey) bindOwner(r.communityId, r.personId, input.ownerKey, input.at)
        appendAudit(db, audit, input.at)
        return r
      })()
    },
    async createInvite(i) {
      try {
        insertInvite.run(i.code, i.communityId, i.building, i.unitNo, i.createdBy, i.createdAt, i.expiresAt)
        return true
      } catch (e) {
        if (isUniqueViolation(e)) return false
        throw e
      }
    },
    async redeemInvite(input, audit) {
      return db.transaction(() => {
        const row = inviteByCode.get(input.code) as InviteRow | undefined
        if (!row) return { ok: false as const, why: 'unknown' as const }
        const invite = toInvite(row)
        if (invite.usedBy) return { ok: false as const, why: 'used' as const }
        if (invite.expiresAt <= input.at) return { ok: false as const, why: 'expired' as const }
        if (ownsUnit.get(invite.communityId, input.personId, invite.building, invite.unitNo)) return { ok: false as const, why: 'own-unit' as const }
        useInvite.run(input.personId, input.at, input.code)
        link.run(invite.communityId, input.personId, invite.building, invite.unitNo, invite.createdBy, input.at)
        member.run(invite.communityId, input.personId, 'resident', input.at)
        return { ok: true as const, invite, auditSeq: appendAudit(db, audit(invite), input.at).seq }
      })()
    },
    async residentsOf(communityId, units) {
      return units.flatMap((u) => (residentsOfUnit.all(communityId, u.building, u.unitNo) as ResidentRow[]).map(toResidentLink))
    },
    async communitiesNamed(text, limit) {
      return communities.all(text, limit) as Array<{ id: string; name: string }>
    },
    async unlinkResident(input, audit, at) {
      return db.transaction(() => {
        if (unlink.run(input.communityId, input.personId, input.building, input.unitNo).changes === 0) return null
        if ((linksLeft.get(input.communityId, input.personId) as number) === 0) dropResident.run(input.communityId, input.personId)
        return appendAudit(db, audit, at).seq
      })()
    },
  }
}
