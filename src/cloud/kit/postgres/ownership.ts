// Owner verification on PostgreSQL, as sqlite/ownership.ts: the attempt and
// upload counters, owner bindings, proof requests (with each person's count of
// pending ones) and resident invites. Uniqueness is
// left to the keys; a write that races another waits on the row it changes
// and then re-checks its condition, so each answer matches SQLite's serial one.
import type { OwnershipPort, ResidentInvite } from '../roll-ports'
import { REQUEST_SELECT, toInvite, toRequest, toResidentLink, type InviteRow, type RequestRow, type ResidentRow } from '../rows'
import { appendAudit } from './audit'
import { isUniqueViolation, transaction, type Pg, type Queryable } from './db'

/** Binds an owner key and makes the person an owner member; false when the binding existed. */
async function bindOwner(c: Queryable, communityId: string, personId: string, ownerKey: string, at: number): Promise<boolean> {
  const bound = await c.query('INSERT INTO owner_bindings (community_id, person_id, owner_key, bound_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [communityId, personId, ownerKey, at])
  await addMember(c, communityId, personId, 'owner', at)
  return bound.rowCount === 1
}

const addMember = (c: Queryable, communityId: string, personId: string, role: 'owner' | 'resident', at: number) =>
  c.query("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES ($1, $2, $3, '[]', $4) ON CONFLICT DO NOTHING", [communityId, personId, role, at])

const requestById = async (c: Queryable, id: string) => (await c.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [id])).rows[0]

/**
 * A per-person daily counter taken in one statement: a concurrent taker waits
 * on the counter's row, then re-evaluates `count < limit` against the count
 * the first one left.
 */
function dailyCounter(pool: Pg, table: 'bind_attempts' | 'proof_uploads', column: 'failures' | 'files') {
  return {
    async take(personId: string, day: string, limit: number): Promise<number | null> {
      const { rows } = await pool.query<{ n: number }>(
        `INSERT INTO ${table} AS a (person_id, day, ${column}) VALUES ($1, $2, 1)
         ON CONFLICT (person_id, day) DO UPDATE SET ${column} = a.${column} + 1 WHERE a.${column} < $3 RETURNING ${column} AS n`,
        [personId, day, limit],
      )
      return rows[0]?.n ?? null
    },
    async giveBack(personId: string, day: string): Promise<void> {
      await pool.query(`UPDATE ${table} SET ${column} = ${column} - 1 WHERE person_id = $1 AND day = $2 AND ${column} > 0`, [personId, day])
    },
  }
}

/** Thrown inside a transaction to roll it back when the open-request limit is reached. */
class TooManyOpen extends Error {}

export function pgOwnership(pool: Pg): OwnershipPort {
  const attempts = dailyCounter(pool, 'bind_attempts', 'failures')
  const uploads = dailyCounter(pool, 'proof_uploads', 'files')
  return {
    reserveAttempt: attempts.take,
    refundAttempt: attempts.giveBack,
    reserveProofUpload: uploads.take,
    refundProofUpload: uploads.giveBack,
    async bindOwner(input, audit) {
      return transaction(pool, async (c) => {
        if (!(await bindOwner(c, input.communityId, input.personId, input.ownerKey, input.at))) return { created: false, auditSeq: null }
        return { created: true, auditSeq: (await appendAudit(c, audit, input.at)).seq }
      })
    },
    async submitProof(input, audit) {
      try {
        return await transaction(pool, async (c) => {
          await c.query(
            `INSERT INTO verification_requests (id, community_id, person_id, building, unit_no, claimed_name, file_id, note, status, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)`,
            [input.id, input.communityId, input.personId, input.building, input.unitNo, input.claimedName, input.fileId, input.note, input.at],
          )
          // Another request of the same person waits on the counter's row, then re-checks the limit.
          const taken = await c.query(
            `INSERT INTO verification_open AS o (community_id, person_id, pending) VALUES ($1, $2, 1)
             ON CONFLICT (community_id, person_id) DO UPDATE SET pending = o.pending + 1 WHERE o.pending < $3`,
            [input.communityId, input.personId, input.openLimit],
          )
          if (taken.rowCount === 0) throw new TooManyOpen()
          await appendAudit(c, audit, input.at)
          return { ok: true as const, request: toRequest(await requestById(c, input.id)) }
        })
      } catch (e) {
        if (isUniqueViolation(e, 'verification_requests_one_pending')) return { ok: false, why: 'already-pending' }
        if (e instanceof TooManyOpen) return { ok: false, why: 'too-many-open' }
        throw e
      }
    },
    async request(id) {
      const r = await requestById(pool, id)
      return r ? toRequest(r) : null
    },
    async requests(communityId, limit) {
      const { rows } = await pool.query<RequestRow>(`${REQUEST_SELECT} WHERE r.community_id = $1 ORDER BY r.status = 'pending' DESC, r.created_at DESC LIMIT $2`, [communityId, limit])
      return rows.map(toRequest)
    },
    async requestsOf(personId, communityId) {
      const { rows } = await pool.query<RequestRow>(`${REQUEST_SELECT} WHERE r.person_id = $1 AND r.community_id = $2 ORDER BY r.created_at DESC`, [personId, communityId])
      return rows.map(toRequest)
    },
    async decide(input, audit) {
      return transaction(pool, async (c) => {
        // A second decision waits on the row, then finds it no longer pending.
        const decided = await c.query("UPDATE verification_requests SET status = $1, reason = $2, decided_by = $3, decided_at = $4 WHERE id = $5 AND status = 'pending'",
          [input.approve ? 'approved' : 'rejected', input.reason, input.by, input.at, input.id])
        if (decided.rowCount === 0) return null
        const r = toRequest(await requestById(c, input.id))
        await c.query('UPDATE verification_open SET pending = pending - 1 WHERE community_id = $1 AND person_id = $2 AND pending > 0', [r.communityId, r.personId])
        if (input.approve && input.ownerKey) await bindOwner(c, r.communityId, r.personId, input.ownerKey, input.at)
        await appendAudit(c, audit, input.at)
        return r
      })
    },
    async createInvite(i) {
      try {
        await pool.query('INSERT INTO resident_invites (code, community_id, building, unit_no, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [i.code, i.communityId, i.building, i.unitNo, i.createdBy, i.createdAt, i.expiresAt])
        return true
      } catch (e) {
        if (isUniqueViolation(e)) return false
        throw e
      }
    },
    async redeemInvite(input, audit) {
      return transaction(pool, async (c) => {
        // The invite's row lock: of two people redeeming one code at once, the
        // second waits and then finds it used.
        const { rows: [row] } = await c.query<InviteRow>('SELECT * FROM resident_invites WHERE code = $1 FOR UPDATE', [input.code])
        if (!row) return { ok: false as const, why: 'unknown' as const }
        const invite: ResidentInvite = toInvite(row)
        if (invite.usedBy) return { ok: false as const, why: 'used' as const }
        if (invite.expiresAt <= input.at) return { ok: false as const, why: 'expired' as const }
        const owns = await c.query(
          `SELECT 1 FROM owner_bindings b JOIN roll_units u ON u.community_id = b.community_id AND u.owner_key = b.owner_key
              AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = b.community_id)
            WHERE b.community_id = $1 AND b.person_id = $2 AND u.building = $3 AND u.unit_no = $4`,
          [invite.communityId, input.personId, invite.building, invite.unitNo],
        )
        if (owns.rowCount) return { ok: false as const, why: 'own-unit' as const }
        await c.query('UPDATE resident_invites SET used_by = $1, used_at = $2 WHERE code = $3 AND used_by IS NULL', [input.personId, input.at, input.code])
        await c.query('INSERT INTO resident_links (community_id, person_id, building, unit_no, linked_by, linked_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
          [invite.communityId, input.personId, invite.building, invite.unitNo, invite.createdBy, input.at])
        await addMember(c, invite.communityId, input.personId, 'resident', input.at)
        return { ok: true as const, invite, auditSeq: (await appendAudit(c, audit(invite), input.at)).seq }
      })
    },
    async residentsOf(communityId, units) {
      if (units.length === 0) return []
      // One query for all the units, in the order asked (as SQLite's one query per unit).
      const { rows } = await pool.query<ResidentRow>(
        `SELECT l.person_id, p.name, p.phone, l.building, l.unit_no, l.linked_by, l.linked_at
           FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS asked(building, unit_no, n)
           JOIN resident_links l ON l.community_id = $1 AND l.building = asked.building AND l.unit_no = asked.unit_no
           JOIN people p ON p.id = l.person_id
          ORDER BY asked.n, l.linked_at, l.person_id COLLATE "C"`,
        [communityId, units.map((u) => u.building), units.map((u) => u.unitNo)],
      )
      return rows.map(toResidentLink)
    },
    async communitiesNamed(text, limit) {
      const { rows } = await pool.query<{ id: string; name: string }>('SELECT id, name FROM communities WHERE strpos(name, $1) > 0 ORDER BY name COLLATE "C" LIMIT $2', [text, limit])
      return rows
    },
    async unlinkResident(input, audit, at) {
      return transaction(pool, async (c) => {
        // Two of a person's links removed at once: the second waits here, then
        // counts the links the first left, so the last one drops the role.
        await c.query("SELECT 1 FROM memberships WHERE community_id = $1 AND person_id = $2 AND role = 'resident' FOR UPDATE", [input.communityId, input.personId])
        const removed = await c.query('DELETE FROM resident_links WHERE community_id = $1 AND person_id = $2 AND building = $3 AND unit_no = $4',
          [input.communityId, input.personId, input.building, input.unitNo])
        if (removed.rowCount === 0) return null
        const { rows: [left] } = await c.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM resident_links WHERE community_id = $1 AND person_id = $2', [input.communityId, input.personId])
        if (left.n === 0) await c.query("DELETE FROM memberships WHERE community_id = $1 AND person_id = $2 AND role = 'resident'", [input.communityId, input.personId])
        return (await appendAudit(c, audit, at)).seq
      })
    },
  }
}
