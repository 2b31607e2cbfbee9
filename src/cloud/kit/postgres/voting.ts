// Owners' assemblies on PostgreSQL: the same answers as sqlite/voting.ts, but
// with many writers at once. So every check that SQLite gets for free from
// running one transaction at a time is made by the database here: the ballot
// key refuses a second ballot (ON CONFLICT on ballots_one_per_owner), opening takes
// the assembly row with a conditional UPDATE, a proxy ballot holds the proxy
// row while it is written, and a revocation looks for ballots only after it
// holds that row. Text is ordered COLLATE "C" (byte order), as SQLite orders it.
// The queries every ballot runs are named (prepared once per connection): at
// the deadline, planning them again each time cost more than running them.
import { summariseRoll, voterKeyOf } from '../../../domain/roll'
import type { BallotSums } from '../../../domain/voting/result'
import type { AuditDraft } from '../ports'
import {
  marksColumns, toAssembly, toCast, toCorrection, toMotions, toObjection, toParticipation, toProxy, toResult, toStoredBallot, toVoterUnit,
  type AssemblyRow, type BallotRowDb, type CandidateRow, type CastRow, type CorrectionRow, type MotionRow, type ObjectionRow, type ProxyRow, type ResultRow, type VoterUnitRow,
} from '../rows'
import type { AssemblyRecord, CastOutcome, NewAssembly, ResolveOutcome, StoredBallot, Submission, Voter, VotingPort } from '../voting-port'
import { appendAudit, auditCtes } from './audit'
import { insertMany, isUniqueViolation, transaction, type Pg, type Queryable } from './db'

/** Thrown inside a transaction to roll it back and answer `outcome` instead. */
class Refused<T> {
  constructor(readonly outcome: T) {}
}
async function refusable<T>(pool: Pg, fn: (c: Queryable) => Promise<T>): Promise<T> {
  try {
    return await transaction(pool, fn)
  } catch (e) {
    if (e instanceof Refused) return e.outcome as T
    throw e
  }
}

/** Writes an assembly with its motions and candidates (inside the caller's transaction). */
export async function insertAssembly(c: Queryable, a: NewAssembly): Promise<void> {
  await c.query(
    `INSERT INTO assemblies (id, community_id, title, notice, attachments, notice_at, opens_at, closes_at, short_notice_reason, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [a.id, a.communityId, a.title, a.notice, JSON.stringify(a.attachments), a.noticeAt, a.opensAt, a.closesAt, a.shortNoticeReason, a.createdBy, a.noticeAt],
  )
  await insertMany(c, 'motions', [['id', 'text'], ['assembly_id', 'text'], ['position', 'int'], ['matter', 'int'], ['title', 'text'], ['body', 'text'], ['seats', 'int']],
    a.motions.map((m, i) => [m.id, a.id, i + 1, m.matter, m.title, m.body, m.seats]))
  await insertMany(c, 'candidates', [['motion_id', 'text'], ['id', 'text'], ['position', 'int'], ['name', 'text'], ['statement', 'text']],
    a.motions.flatMap((m) => m.candidates.map((k, i) => [m.id, k.id, i + 1, k.name, k.statement])))
}

/**
 * Fixes the newest roll version for the assembly and copies its units, keyed
 * by voter (第九条), once. Null when already fixed or there is no roll. The
 * conditional UPDATE is the "once": a second opener waits on the row and then
 * finds it fixed.
 */
export async function snapshotElectorate(c: Queryable, assemblyId: string, at: number): Promise<{ rollVersion: number; total: { area: number; heads: number } } | null> {
  const { rows: [fixed] } = await c.query<{ community_id: string; roll_version: number }>(
    `UPDATE assemblies a SET roll_version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = a.community_id), opened_at = $2
      WHERE a.id = $1 AND a.roll_version IS NULL AND EXISTS (SELECT 1 FROM roll_versions v WHERE v.community_id = a.community_id)
      RETURNING a.community_id, a.roll_version`,
    [assemblyId, at],
  )
  if (!fixed) return null
  const { rows: units } = await c.query<{ building: string; unit_no: string; area: number; owner_key: string; developer_unsold: boolean }>(
    'SELECT building, unit_no, area, owner_key, developer_unsold FROM roll_units WHERE community_id = $1 AND version = $2',
    [fixed.community_id, fixed.roll_version],
  )
  const keyed = units.map((u) => ({ building: u.building, unitNo: u.unit_no, area: u.area, ownerKey: u.owner_key, developerUnsold: u.developer_unsold }))
  const areas = new Map<string, number>()
  for (const u of keyed) areas.set(voterKeyOf(u), (areas.get(voterKeyOf(u)) ?? 0) + u.area)
  await insertMany(c, 'electorate', [['assembly_id', 'text'], ['voter_key', 'text'], ['area', 'bigint']], [...areas].map(([k, area]) => [assemblyId, k, area]))
  await insertMany(c, 'electorate_units', [['assembly_id', 'text'], ['voter_key', 'text'], ['owner_key', 'text'], ['building', 'text'], ['unit_no', 'text'], ['area', 'bigint']],
    keyed.map((u) => [assemblyId, voterKeyOf(u), u.ownerKey, u.building, u.unitNo, u.area]))
  const totals = summariseRoll(keyed)
  return { rollVersion: fixed.roll_version, total: { area: totals.area, heads: totals.heads } }
}

/**
 * One owner's submission and its audit entry as ONE statement, so it costs one
 * round trip and holds the community's audit-chain head only while it runs.
 * The ballot key decides: rows go in with ON CONFLICT DO NOTHING (a
 * concurrent insert of the same key waits for the other to commit, then
 * skips), and the audit entry is appended only when every row went in. When
 * none went in the statement answers a duplicate and writes nothing; when
 * some did, ballot_partly_cast() aborts the statement, so nothing of it stays.
 * The rows are tried before the chain head is taken, so duplicates never
 * queue for it. A proxy ballot is written only while its proxy stands: the
 * row is read FOR SHARE, so a concurrent revocation either waits for this
 * ballot (and then finds it) or commits first (and this finds it revoked).
 */
export async function castStatement(c: Queryable, s: Submission, audit: AuditDraft): Promise<{ outcome: 'stored'; auditSeq: number } | { outcome: 'duplicate' | 'proxy-revoked' }> {
  const cols = s.rows.map((r) => {
    const [choice, marks] = marksColumns(r.marks)
    return { motionId: r.motionId, choice, marks }
  })
  const a = auditCtes(audit, s.castAt, 14, '(SELECT 1 FROM cast_count WHERE n = $13) AS complete')
  const { rows: [r] } = await c.query<{ standing: number; seq: number | null; prev_hash: string; hash: string }>({
    name: 'voting.cast',
    text: `WITH standing AS (
       SELECT 1 WHERE $12::text IS NULL OR EXISTS (SELECT 1 FROM proxies WHERE id = $12::text AND revoked_at IS NULL FOR SHARE)
     ), cast_rows AS (
       INSERT INTO ballots (motion_id, voter_key, assembly_id, choice, marks, area, channel, cast_by, cast_at, tracking_code, photo, proxy_id)
       SELECT r.motion_id, $4::text, $5::text, r.choice, r.marks, $6::bigint, $7::text, $8::text, $9::bigint, $10::text, $11::text, $12::text
         FROM unnest($1::text[], $2::text[], $3::text[]) AS r(motion_id, choice, marks), standing
       ON CONFLICT ON CONSTRAINT ballots_one_per_owner DO NOTHING
       RETURNING 1
     ), cast_count AS (
       SELECT COUNT(*)::int AS n FROM cast_rows
     ), refs AS (
       SELECT (SELECT COUNT(*) FROM motions WHERE assembly_id = $5::text AND id = ANY($1::text[])) = $13
          AND EXISTS (SELECT 1 FROM people WHERE id = $8::text) AS ok
     ), ${a.sql}
     SELECT (SELECT COUNT(*)::int FROM standing) AS standing, e.seq, e.prev_hash, e.hash
       FROM cast_count k CROSS JOIN refs LEFT JOIN audit_entry e ON true
      WHERE CASE WHEN NOT refs.ok THEN ballot_reference_missing() WHEN k.n = 0 OR k.n = $13 THEN true ELSE ballot_partly_cast() END`,
    values: [
      cols.map((x) => x.motionId), cols.map((x) => x.choice), cols.map((x) => x.marks), s.voterKey, s.assemblyId, s.area, s.channel, s.castBy, s.castAt,
      s.trackingCode, s.photo, s.proxyId, cols.length, ...a.params,
    ],
  })
  if (r.standing === 0) return { outcome: 'proxy-revoked' }
  if (r.seq === null) return { outcome: 'duplicate' }
  return { outcome: 'stored', auditSeq: a.entry({ seq: r.seq, prev_hash: r.prev_hash, hash: r.hash }).seq }
}

/** Open assemblies held at once per process; a city has a few hundred at most, this only bounds a pathological case. */
const VOTING_HELD = 10_000

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const x of Object.values(v)) deepFreeze(x)
  }
  return v
}

export function pgVoting(pool: Pg, now: () => number = Date.now): VotingPort {
  // Columns named, not a.*: the ballot path runs it as a prepared statement, whose result shape must not move under it.
  const assemblySelect = `SELECT a.id, a.community_id, a.title, a.notice, a.attachments, a.notice_at, a.opens_at, a.closes_at, a.short_notice_reason,
      a.roll_version, a.opened_at, a.created_by, a.created_at, (SELECT stage FROM results r WHERE r.assembly_id = a.id ORDER BY CASE stage WHEN 'certified' THEN 0 ELSE 1 END LIMIT 1) AS stage FROM assemblies a`

  // While an assembly is being voted on, nothing in its record changes: the
  // motions were fixed when it was called, the roll version when it opened,
  // and a result is published only once it has closed (assembly-close checks
  // the time). So from opening to close it is read once per process, and the
  // deadline rush spends its round trips on the ballots; from the close on it
  // is read afresh. Frozen, as every caller shares the one copy.
  const voting = new Map<string, AssemblyRecord>()

  // Motions and candidates never change once an assembly is called, so they are read once.
  const motionCache = new Map<string, AssemblyRecord['motions']>()
  const withMotions = async (rows: AssemblyRow[]): Promise<AssemblyRecord[]> => {
    const missing = [...new Set(rows.map((r) => r.id).filter((id) => !motionCache.has(id)))]
    if (missing.length) {
      const [motions, candidates] = await Promise.all([
        pool.query<MotionRow>('SELECT * FROM motions WHERE assembly_id = ANY($1::text[]) ORDER BY assembly_id, position', [missing]),
        pool.query<CandidateRow>('SELECT c.* FROM candidates c JOIN motions m ON m.id = c.motion_id WHERE m.assembly_id = ANY($1::text[]) ORDER BY c.motion_id COLLATE "C", c.position', [missing]),
      ])
      for (const id of missing) motionCache.set(id, toMotions(motions.rows.filter((m) => m.assembly_id === id), candidates.rows))
    }
    return rows.map((r) => toAssembly(r, motionCache.get(r.id)!))
  }

  /** Voters with their units, from rows ordered by voter then unit (a voter without units keeps its area). */
  type VoterRow = { voter_key: string; voter_area: number; building: string | null; unit_no: string | null; area: number | null }
  const toVoters = (rows: VoterRow[]): Voter[] => {
    const out: Voter[] = []
    for (const r of rows) {
      let v = out.at(-1)
      if (!v || v.voterKey !== r.voter_key) out.push((v = { voterKey: r.voter_key, area: r.voter_area, units: [] }))
      if (r.building !== null) v.units.push({ building: r.building, unitNo: r.unit_no!, area: r.area! })
    }
    return out
  }
  const voterColumns = `SELECT e.voter_key, e.area AS voter_area, u.building, u.unit_no, u.area
      FROM electorate e LEFT JOIN electorate_units u ON u.assembly_id = e.assembly_id AND u.voter_key = e.voter_key`
  const voterOrder = 'ORDER BY e.voter_key COLLATE "C", u.building COLLATE "C", u.unit_no COLLATE "C"'

  const firstBallot = async (c: Queryable, s: Submission): Promise<CastOutcome | null> => {
    const { rows } = await c.query<{ motion_id: string; channel: StoredBallot['channel']; cast_at: number }>({
      name: 'voting.first-ballot',
      text: 'SELECT motion_id, channel, cast_at FROM ballots WHERE voter_key = $1 AND motion_id = ANY($2::text[])',
      values: [s.voterKey, s.rows.map((r) => r.motionId)],
    })
    // The first of the submission's motions that already has a ballot, as SQLite answers.
    for (const r of s.rows) {
      const first = rows.find((b) => b.motion_id === r.motionId)
      if (first) return { stored: false, reason: 'duplicate', first: { motionId: first.motion_id, channel: first.channel, castAt: first.cast_at } }
    }
    return null
  }

  const hasVoted = async (c: Queryable, assemblyId: string, voterKey: string): Promise<boolean> =>
    ((await c.query('SELECT 1 FROM ballots WHERE assembly_id = $1 AND voter_key = $2 LIMIT 1', [assemblyId, voterKey])).rowCount ?? 0) > 0

  return {
    async communitySettings(communityId) {
      const { rows } = await pool.query<{ settings: string }>('SELECT settings FROM communities WHERE id = $1', [communityId])
      return rows[0] ? JSON.parse(rows[0].settings) : {}
    },

    callAssembly: (a, audit) =>
      transaction(pool, async (c) => {
        await insertAssembly(c, a)
        return (await appendAudit(c, audit, a.noticeAt)).seq
      }),

    async assemblies(communityId) {
      const { rows } = await pool.query<AssemblyRow>(`${assemblySelect} WHERE a.community_id = $1 ORDER BY a.opens_at DESC, a.id COLLATE "C"`, [communityId])
      return withMotions(rows)
    },

    async assembly(communityId, assemblyId) {
      const key = `${communityId}\u0000${assemblyId}`
      const held = voting.get(key)
      if (held && now() < held.closesAt) return held
      voting.delete(key)
      const { rows } = await pool.query<AssemblyRow>({ name: 'voting.assembly', text: `${assemblySelect} WHERE a.community_id = $1 AND a.id = $2`, values: [communityId, assemblyId] })
      const a = rows[0] ? (await withMotions(rows))[0] : null
      if (a && a.rollVersion !== null && a.stage === null && now() < a.closesAt) {
        if (voting.size >= VOTING_HELD) voting.clear()
        voting.set(key, deepFreeze(a))
      }
      return a
    },

    async unclosed(now) {
      const { rows } = await pool.query<AssemblyRow>(`${assemblySelect} WHERE a.closes_at > $1 ORDER BY a.opens_at, a.id COLLATE "C"`, [now])
      return withMotions(rows)
    },

    async motionsElsewhere(communityId, assemblyId, motionIds) {
      if (motionIds.length === 0) return new Set()
      const { rows } = await pool.query<{ id: string }>(
        'SELECT m.id FROM motions m JOIN assemblies a ON a.id = m.assembly_id WHERE a.community_id = $1 AND m.assembly_id <> $2 AND m.id = ANY($3::text[])',
        [communityId, assemblyId, motionIds],
      )
      return new Set(rows.map((r) => r.id))
    },

    openVoting: (assemblyId, at, audit) =>
      transaction(pool, async (c) => {
        const opened = await snapshotElectorate(c, assemblyId, at)
        if (!opened) return false
        await appendAudit(c, audit(opened.rollVersion, opened.total), at)
        return true
      }),

    async votersOf(assemblyId, communityId, personId) {
      const { rows } = await pool.query<VoterRow>({
        name: 'voting.voters-of',
        text: `${voterColumns}
          WHERE e.assembly_id = $2 AND e.voter_key IN (
            SELECT o.voter_key FROM owner_bindings b JOIN electorate_units o ON o.assembly_id = $2 AND o.owner_key = b.owner_key
             WHERE b.community_id = $1 AND b.person_id = $3)
          ${voterOrder}`,
        values: [communityId, assemblyId, personId],
      })
      return toVoters(rows)
    },

    async voter(assemblyId, voterKey) {
      const { rows } = await pool.query<VoterRow>({ name: 'voting.voter', text: `${voterColumns} WHERE e.assembly_id = $1 AND e.voter_key = $2 ${voterOrder}`, values: [assemblyId, voterKey] })
      return toVoters(rows)[0] ?? null
    },

    async voterOfUnit(assemblyId, building, unitNo) {
      const { rows } = await pool.query<{ voter_key: string }>('SELECT voter_key FROM electorate_units WHERE assembly_id = $1 AND building = $2 AND unit_no = $3', [assemblyId, building, unitNo])
      return rows[0]?.voter_key ?? null
    },

    async cast(s, audit) {
      // A checked-out client, kept for the explanation too: an error on
      // pool.query would close its connection, and a second pool.query would
      // queue again behind the whole surge.
      const client = await pool.connect()
      try {
        try {
          const r = await castStatement(client, s, audit)
          if (r.outcome === 'stored') return { stored: true, auditSeq: r.auditSeq }
          if (r.outcome === 'proxy-revoked') return { stored: false, reason: 'proxy-revoked' }
        } catch (e) {
          if (!isUniqueViolation(e, 'ballots_one_per_owner')) throw e
        }
        // Nothing was stored; now say which ballot was there first.
        const outcome = await firstBallot(client, s)
        if (!outcome) throw new Error('ballot refused as a duplicate, but no earlier ballot was found')
        return outcome
      } finally {
        client.release()
      }
    },

    async castBy(assemblyId, voterKeys) {
      if (voterKeys.length === 0) return []
      const { rows } = await pool.query<CastRow>(
        'SELECT voter_key, motion_id, channel, cast_at, tracking_code FROM ballots WHERE assembly_id = $1 AND voter_key = ANY($2::text[]) ORDER BY cast_at, motion_id COLLATE "C"',
        [assemblyId, voterKeys],
      )
      return rows.map(toCast)
    },

    async participation(assemblyId) {
      const { rows: [total] } = await pool.query<{ area: number; heads: number }>(
        'SELECT COALESCE(SUM(area), 0)::bigint AS area, COUNT(*) AS heads FROM electorate WHERE assembly_id = $1',
        [assemblyId],
      )
      if (total.heads === 0) return null
      // Taking part in the assembly: any ballot on any motion.
      const voted = 'SELECT DISTINCT voter_key FROM ballots WHERE assembly_id = $1'
      const [p, buildings] = await Promise.all([
        pool.query<{ area: number; heads: number }>(
          `SELECT COALESCE(SUM(e.area), 0)::bigint AS area, COUNT(*) AS heads FROM electorate e WHERE e.assembly_id = $1 AND e.voter_key IN (${voted})`,
          [assemblyId],
        ),
        pool.query<{ building: string; area: number; heads: number; p_area: number; p_heads: number }>(
          `SELECT u.building, SUM(u.area)::bigint AS area, COUNT(DISTINCT u.voter_key) AS heads,
                  SUM(CASE WHEN v.voter_key IS NULL THEN 0 ELSE u.area END)::bigint AS p_area,
                  COUNT(DISTINCT v.voter_key) AS p_heads
             FROM electorate_units u LEFT JOIN (${voted}) v ON v.voter_key = u.voter_key
            WHERE u.assembly_id = $1 GROUP BY u.building`,
          [assemblyId],
        ),
      ])
      return toParticipation(total, p.rows[0], buildings.rows)
    },

    async electorate(assemblyId) {
      const { rows } = await pool.query<{ voter_key: string; area: number }>('SELECT voter_key, area FROM electorate WHERE assembly_id = $1 ORDER BY voter_key COLLATE "C"', [assemblyId])
      return rows.map((r) => ({ voterKey: r.voter_key, area: r.area }))
    },

    async electorateUnits(assemblyId) {
      const { rows } = await pool.query<VoterUnitRow>(
        'SELECT voter_key, building, unit_no, area FROM electorate_units WHERE assembly_id = $1 ORDER BY building COLLATE "C", unit_no COLLATE "C"',
        [assemblyId],
      )
      return rows.map(toVoterUnit)
    },

    async ballots(assemblyId) {
      const { rows } = await pool.query<BallotRowDb>(
        `SELECT motion_id, voter_key, choice, marks, area, channel, cast_at, tracking_code FROM ballots
          WHERE assembly_id = $1 ORDER BY cast_at, tracking_code COLLATE "C", motion_id COLLATE "C"`,
        [assemblyId],
      )
      return rows.map(toStoredBallot)
    },

    async ballotSums(assemblyId) {
      // Weighed by the electorate's area, as countAssembly weighs a ballot.
      const from = 'FROM ballots b JOIN electorate e ON e.assembly_id = b.assembly_id AND e.voter_key = b.voter_key'
      const [total, byChoice, byCandidate] = await Promise.all([
        pool.query<{ area: number; heads: number }>('SELECT COALESCE(SUM(area), 0)::bigint AS area, COUNT(*) AS heads FROM electorate WHERE assembly_id = $1', [assemblyId]),
        pool.query<BallotSums['byChoice'][number]>(
          `SELECT b.motion_id AS "motionId", b.choice, SUM(e.area)::bigint AS area, COUNT(*) AS heads ${from} WHERE b.assembly_id = $1 GROUP BY b.motion_id, b.choice`,
          [assemblyId],
        ),
        pool.query<BallotSums['byCandidate'][number]>(
          `SELECT b.motion_id AS "motionId", k.candidate, k.mark, SUM(e.area)::bigint AS area, COUNT(*) AS heads ${from}
             CROSS JOIN LATERAL (
               SELECT value AS candidate, 'approve' AS mark FROM jsonb_array_elements_text(b.marks::jsonb -> 'approve')
               UNION ALL SELECT value, 'oppose' FROM jsonb_array_elements_text(b.marks::jsonb -> 'oppose')
             ) k
            WHERE b.assembly_id = $1 AND b.marks IS NOT NULL GROUP BY b.motion_id, k.candidate, k.mark`,
          [assemblyId],
        ),
      ])
      return { total: total.rows[0], byChoice: byChoice.rows, byCandidate: byCandidate.rows }
    },

    async grantProxy(p, cap, audit) {
      try {
        return await transaction(pool, async (c) => {
          // Grants in one assembly queue here, so two at once cannot both pass the cap.
          // (NO KEY UPDATE leaves ballots' foreign-key checks on the row unblocked.)
          await c.query('SELECT 1 FROM assemblies WHERE id = $1 FOR NO KEY UPDATE', [p.assemblyId])
          if (await hasVoted(c, p.assemblyId, p.voterKey)) return { ok: false as const, reason: 'voted' as const }
          const { rows: [held] } = await c.query<{ n: number }>('SELECT COUNT(*) AS n FROM proxies WHERE assembly_id = $1 AND proxy_person_id = $2 AND revoked_at IS NULL', [p.assemblyId, p.proxyPersonId])
          if (held.n >= cap) return { ok: false as const, reason: 'cap' as const }
          await c.query(
            'INSERT INTO proxies (id, assembly_id, voter_key, proxy_person_id, motions, letter_photo, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
            [p.id, p.assemblyId, p.voterKey, p.proxyPersonId, p.motions === null ? null : JSON.stringify(p.motions), p.letterPhoto, p.grantedBy, p.grantedAt],
          )
          return { ok: true as const, auditSeq: (await appendAudit(c, audit, p.grantedAt)).seq }
        })
      } catch (e) {
        if (isUniqueViolation(e, 'proxies_active')) return { ok: false, reason: 'exists' }
        throw e
      }
    },

    revokeProxy: (assemblyId, voterKey, by, at, audit) =>
      refusable(pool, async (c) => {
        // Take the proxy row first, then look for ballots: a proxy ballot being
        // written holds the row, so it is either seen here or refused there.
        const { rowCount } = await c.query('UPDATE proxies SET revoked_at = $1, revoked_by = $2 WHERE assembly_id = $3 AND voter_key = $4 AND revoked_at IS NULL', [at, by, assemblyId, voterKey])
        if (await hasVoted(c, assemblyId, voterKey)) throw new Refused({ ok: false as const, reason: 'voted' as const })
        if (!rowCount) return { ok: false as const, reason: 'none' as const }
        return { ok: true as const, auditSeq: (await appendAudit(c, audit, at)).seq }
      }),

    async ownersOfUnit(communityId, building, unitNo) {
      const { rows } = await pool.query<{ person_id: string }>(
        `SELECT DISTINCT b.person_id COLLATE "C" AS person_id FROM roll_units u
           JOIN owner_bindings b ON b.community_id = u.community_id AND b.owner_key = u.owner_key
          WHERE u.community_id = $1 AND u.building = $2 AND u.unit_no = $3
            AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = u.community_id)
          ORDER BY 1`,
        [communityId, building, unitNo],
      )
      return rows.map((r) => r.person_id)
    },

    async proxyFrom(assemblyId, voterKey, proxyPersonId) {
      const { rows } = await pool.query<ProxyRow>(
        'SELECT * FROM proxies WHERE assembly_id = $1 AND voter_key = $2 AND proxy_person_id = $3 ORDER BY revoked_at IS NULL DESC, granted_at DESC LIMIT 1',
        [assemblyId, voterKey, proxyPersonId],
      )
      return rows[0] ? toProxy(rows[0]) : null
    },

    async proxiesOf(assemblyId, filter) {
      const where: string[] = ['assembly_id = $1']
      const args: unknown[] = [assemblyId]
      if (filter.voterKeys) {
        if (filter.voterKeys.length === 0) return []
        args.push(filter.voterKeys)
        where.push(`voter_key = ANY($${args.length}::text[])`)
      }
      if (filter.proxyPersonId) {
        args.push(filter.proxyPersonId)
        where.push(`proxy_person_id = $${args.length}`)
      }
      const { rows } = await pool.query<ProxyRow>(`SELECT * FROM proxies WHERE ${where.join(' AND ')} ORDER BY granted_at`, args)
      return rows.map(toProxy)
    },

    async publishResult(assemblyId, r, audit) {
      try {
        return await transaction(pool, async (c) => {
          const seq = (await appendAudit(c, audit, r.publishedAt)).seq
          await c.query(
            'INSERT INTO results (assembly_id, stage, result, published_at, published_by, objection_until, audit_seq) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [assemblyId, r.stage, JSON.stringify(r.result), r.publishedAt, r.publishedBy, r.objectionUntil, seq],
          )
          return { ok: true as const, auditSeq: seq }
        })
      } catch (e) {
        // Two committee members closing at once: the first publication stands.
        if (isUniqueViolation(e, 'results_pkey')) return { ok: false }
        throw e
      }
    },

    async results(assemblyId) {
      const { rows } = await pool.query<ResultRow>("SELECT * FROM results WHERE assembly_id = $1 ORDER BY CASE stage WHEN 'preliminary' THEN 0 ELSE 1 END", [assemblyId])
      return rows.map(toResult)
    },

    fileObjection: (o, audit) =>
      transaction(pool, async (c) => {
        await c.query(
          'INSERT INTO objections (id, assembly_id, voter_key, filed_by, tracking_code, text, filed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [o.id, o.assemblyId, o.voterKey, o.filedBy, o.trackingCode, o.text, o.filedAt],
        )
        return (await appendAudit(c, audit, o.filedAt)).seq
      }),

    async resolveObjection(id, r, audit) {
      try {
        return await transaction(pool, async (c): Promise<ResolveOutcome> => {
          // FOR UPDATE: a second resolver waits here, then finds it resolved.
          const { rows: [o] } = await c.query<{ assembly_id: string }>('SELECT assembly_id FROM objections WHERE id = $1 AND resolution IS NULL FOR UPDATE', [id])
          if (!o) return { ok: false, reason: 'resolved' }
          await c.query('UPDATE objections SET resolution = $1, reason = $2, resolved_by = $3, resolved_at = $4 WHERE id = $5', [r.resolution, r.reason, r.by, r.at, id])
          await insertMany(c, 'ballot_corrections',
            [['motion_id', 'text'], ['voter_key', 'text'], ['assembly_id', 'text'], ['objection_id', 'text'], ['choice', 'text'], ['marks', 'text'], ['corrected_by', 'text'], ['corrected_at', 'bigint']],
            r.corrections.map((k) => [k.motionId, k.voterKey, o.assembly_id, id, ...marksColumns(k.marks), r.by, r.at]))
          return { ok: true, auditSeq: (await appendAudit(c, audit, r.at)).seq }
        })
      } catch (e) {
        // One correction per owner per motion: the key refuses a second, and nothing of this resolution stays.
        if (isUniqueViolation(e, 'ballot_corrections_pkey')) return { ok: false, reason: 'corrected' }
        throw e
      }
    },

    async objections(assemblyId) {
      const { rows } = await pool.query<ObjectionRow>('SELECT * FROM objections WHERE assembly_id = $1 ORDER BY filed_at, id COLLATE "C"', [assemblyId])
      return rows.map(toObjection)
    },

    async corrections(assemblyId) {
      const { rows } = await pool.query<CorrectionRow>(
        'SELECT * FROM ballot_corrections WHERE assembly_id = $1 ORDER BY corrected_at, motion_id COLLATE "C", voter_key COLLATE "C"',
        [assemblyId],
      )
      return rows.map(toCorrection)
    },
  }
}
