// Owners' assemblies on SQLite. better-sqlite3 is synchronous, so each
// transaction below runs with nothing interleaved; the ballot primary key is
// still what refuses a second ballot, so the same code stays correct on a
// server database with concurrent writers.
import { summariseRoll, voterKeyOf } from '../../../domain/roll'

import type { AssemblyRecord, CastOutcome, NewAssembly, ResolveOutcome, StoredBallot, Submission, Voter, VotingPort } from '../voting-port'
import {
  marksColumns, toAssembly, toCast, toCorrection, toMotions, toObjection, toParticipation, toProxy, toResult, toStoredBallot, toVoterUnit,
  type AssemblyRow, type BallotRowDb, type CandidateRow, type CastRow, type CorrectionRow, type MotionRow, type ObjectionRow, type ProxyRow, type ResultRow, type VoterUnitRow,
} from '../rows'
import { appendAudit } from './audit'
import type { Db } from './db'
import { statement } from './statements'
import type { AuditDraft } from '../ports'
import type { BallotSums } from '../../../domain/voting/result'

const isPrimaryKeyViolation = (e: unknown): boolean => (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
const isUniqueViolation = (e: unknown): boolean => (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'

/** Writes an assembly with its motions and candidates (inside the caller's transaction). */
export function insertAssembly(db: Db, a: NewAssembly): void {
  statement(db, 
    `INSERT INTO assemblies (id, community_id, title, notice, attachments, notice_at, opens_at, closes_at, short_notice_reason, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.communityId, a.title, a.notice, JSON.stringify(a.attachments), a.noticeAt, a.opensAt, a.closesAt, a.shortNoticeReason, a.createdBy, a.noticeAt)
  const motion = statement(db, 'INSERT INTO motions (id, assembly_id, position, matter, title, body, seats) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const candidate = statement(db, 'INSERT INTO candidates (motion_id, id, position, name, statement) VALUES (?, ?, ?, ?, ?)')
  a.motions.forEach((m, i) => {
    motion.run(m.id, a.id, i + 1, m.matter, m.title, m.body, m.seats)
    m.candidates.forEach((c, k) => candidate.run(m.id, c.id, k + 1, c.name, c.statement))
  })
}

/**
 * Fixes the newest roll version for the assembly and copies its units, keyed
 * by voter (第九条), once. Null when already fixed or there is no roll.
 */
export function snapshotElectorate(db: Db, assemblyId: string, at: number): { rollVersion: number; total: { area: number; heads: number } } | null {
  const a = statement(db, 'SELECT community_id, roll_version FROM assemblies WHERE id = ?').get(assemblyId) as { community_id: string; roll_version: number | null } | undefined
  if (!a || a.roll_version !== null) return null
  const version = statement(db, 'SELECT MAX(version) FROM roll_versions WHERE community_id = ?').pluck().get(a.community_id) as number | null
  if (version === null) return null
  const units = db
    .prepare('SELECT building, unit_no, area, owner_key, developer_unsold FROM roll_units WHERE community_id = ? AND version = ?')
    .all(a.community_id, version) as Array<{ building: string; unit_no: string; area: number; owner_key: string; developer_unsold: number }>
  const keyed = units.map((u) => ({ ...u, voterKey: voterKeyOf({ ownerKey: u.owner_key, developerUnsold: u.developer_unsold === 1 }) }))
  const areas = new Map<string, number>()
  for (const u of keyed) areas.set(u.voterKey, (areas.get(u.voterKey) ?? 0) + u.area)
  const ev = statement(db, 'INSERT INTO electorate (assembly_id, voter_key, area) VALUES (?, ?, ?)')
  for (const [k, area] of areas) ev.run(assemblyId, k, area)
  const eu = statement(db, 'INSERT INTO electorate_units (assembly_id, voter_key, owner_key, building, unit_no, area) VALUES (?, ?, ?, ?, ?, ?)')
  for (const u of keyed) eu.run(assemblyId, u.voterKey, u.owner_key, u.building, u.unit_no, u.area)
  statement(db, 'UPDATE assemblies SET roll_version = ?, opened_at = ? WHERE id = ?').run(version, at, assemblyId)
  const totals = summariseRoll(keyed.map((u) => ({ building: u.building, unitNo: u.unit_no, area: u.area, ownerKey: u.owner_key, developerUnsold: u.developer_unsold === 1 })))
  return { rollVersion: version, total: { area: totals.area, heads: totals.heads } }
}

/** Inserts one submission's rows; a second ballot for an owner and motion throws the primary-key violation. */
export function insertBallots(db: Db, s: Submission): void {
  const stmt = statement(db, 
    `INSERT INTO ballots (motion_id, voter_key, assembly_id, choice, marks, area, channel, cast_by, cast_at, tracking_code, photo, proxy_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const r of s.rows) stmt.run(r.motionId, s.voterKey, s.assemblyId, ...marksColumns(r.marks), s.area, s.channel, s.castBy, s.castAt, s.trackingCode, s.photo, s.proxyId)
}

/** Inserts a published result stage; the (assembly, stage) key refuses a second one. */
export function insertResult(db: Db, assemblyId: string, r: { stage: 'preliminary' | 'certified'; result: unknown; publishedAt: number; publishedBy: string; objectionUntil: number | null }, auditSeq: number): void {
  statement(db, 'INSERT INTO results (assembly_id, stage, result, published_at, published_by, objection_until, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(assemblyId, r.stage, JSON.stringify(r.result), r.publishedAt, r.publishedBy, r.objectionUntil, auditSeq)
}

/**
 * Group commit for the deadline rush: submissions arriving in the same turn of
 * the event loop are written in one transaction, each inside its own savepoint,
 * so a duplicate (refused by the primary key) rolls back alone and every
 * answer is sent only after the shared commit. One commit per batch instead of
 * per ballot is what lets one SQLite file take thousands of ballots a second.
 */
// After the I/O already waiting has been read (setImmediate on Node; jsdom page tests have only timers).
const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => void setImmediate(f) : (f) => void setTimeout(f, 0)

function groupCommit(db: Db, write: (s: Submission, audit: AuditDraft) => CastOutcome, explainDuplicate: (s: Submission) => CastOutcome | null) {
  type Item = { s: Submission; audit: AuditDraft; resolve: (o: CastOutcome) => void; reject: (e: unknown) => void; outcome?: CastOutcome; error?: unknown }
  let queue: Item[] = []
  const one = db.transaction((s: Submission, audit: AuditDraft) => write(s, audit))
  const flush = () => {
    const batch = queue
    queue = []
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            item.outcome = one(item.s, item.audit)
          } catch (e) {
            item.error = e
          }
        }
      })()
    } catch (e) {
      // The commit itself failed: nothing of the batch is stored.
      for (const item of batch) item.reject(e)
      return
    }
    for (const item of batch) {
      if (item.outcome) item.resolve(item.outcome)
      else if (isPrimaryKeyViolation(item.error)) {
        const outcome = explainDuplicate(item.s)
        if (outcome) item.resolve(outcome)
        else item.reject(item.error)
      } else item.reject(item.error)
    }
  }
  return (s: Submission, audit: AuditDraft): Promise<CastOutcome> =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) nextTurn(flush)
      queue.push({ s, audit, resolve, reject })
    })
}

export function sqliteVoting(db: Db): VotingPort {
  const assemblySelect = `SELECT a.*, (SELECT stage FROM results r WHERE r.assembly_id = a.id ORDER BY CASE stage WHEN 'certified' THEN 0 ELSE 1 END LIMIT 1) AS stage FROM assemblies a`
  const byCommunity = statement(db, `${assemblySelect} WHERE a.community_id = ? ORDER BY a.opens_at DESC, a.id`)
  const byId = statement(db, `${assemblySelect} WHERE a.community_id = ? AND a.id = ?`)
  const motionsOf = statement(db, 'SELECT * FROM motions WHERE assembly_id = ? ORDER BY position')
  const candidatesOf = statement(db, 'SELECT c.* FROM candidates c JOIN motions m ON m.id = c.motion_id WHERE m.assembly_id = ? ORDER BY c.motion_id, c.position')
  const voterUnits = statement(db, 'SELECT voter_key, building, unit_no, area FROM electorate_units INDEXED BY electorate_units_voter WHERE assembly_id = ? AND voter_key = ? ORDER BY building, unit_no')
  const voterArea = statement(db, 'SELECT area FROM electorate WHERE assembly_id = ? AND voter_key = ?').pluck()
  const boundVoters = statement(db, 
    // CROSS JOIN keeps the person's few bindings as the outer loop: the planner
    // would otherwise walk the whole electorate (thousands of rows) per ballot.
    `SELECT DISTINCT e.voter_key FROM owner_bindings b CROSS JOIN electorate_units e INDEXED BY electorate_units_owner
      WHERE b.community_id = ? AND e.assembly_id = ? AND b.person_id = ? AND e.owner_key = b.owner_key ORDER BY e.voter_key`,
  ).pluck()
  const firstBallot = statement(db, 'SELECT motion_id, channel, cast_at FROM ballots WHERE motion_id = ? AND voter_key = ?')
  const standingProxy = statement(db, 'SELECT 1 FROM proxies WHERE id = ? AND revoked_at IS NULL')

  // Motions and candidates never change once an assembly is called, so they are read once.
  const motionCache = new Map<string, AssemblyRecord['motions']>()
  const motionsFor = (assemblyId: string): AssemblyRecord['motions'] => {
    let motions = motionCache.get(assemblyId)
    if (!motions) {
      motions = toMotions(motionsOf.all(assemblyId) as MotionRow[], candidatesOf.all(assemblyId) as CandidateRow[])
      motionCache.set(assemblyId, motions)
    }
    return motions
  }
  const assemblyOf = (r: AssemblyRow): AssemblyRecord => toAssembly(r, motionsFor(r.id))

  const voter = (assemblyId: string, voterKey: string): Voter | null => {
    const area = voterArea.get(assemblyId, voterKey) as number | undefined
    if (area === undefined) return null
    const units = (voterUnits.all(assemblyId, voterKey) as Array<{ building: string; unit_no: string; area: number }>).map((u) => ({ building: u.building, unitNo: u.unit_no, area: u.area }))
    return { voterKey, area, units }
  }

  return {
    async communitySettings(communityId) {
      const s = statement(db, 'SELECT settings FROM communities WHERE id = ?').pluck().get(communityId) as string | undefined
      return s ? JSON.parse(s) : {}
    },

    async callAssembly(a, audit) {
      return db.transaction(() => {
        insertAssembly(db, a)
        return appendAudit(db, audit, a.noticeAt).seq
      })()
    },

    async assemblies(communityId) {
      return (byCommunity.all(communityId) as AssemblyRow[]).map(assemblyOf)
    },

    async assembly(communityId, assemblyId) {
      const r = byId.get(communityId, assemblyId) as AssemblyRow | undefined
      return r ? assemblyOf(r) : null
    },

    async unclosed(now) {
      return (statement(db, `${assemblySelect} WHERE a.closes_at > ? ORDER BY a.opens_at, a.id`).all(now) as AssemblyRow[]).map(assemblyOf)
    },

    async motionsElsewhere(communityId, assemblyId, motionIds) {
      if (motionIds.length === 0) return new Set()
      const rows = statement(db, `SELECT m.id FROM motions m JOIN assemblies a ON a.id = m.assembly_id WHERE a.community_id = ? AND m.assembly_id <> ? AND m.id IN (${motionIds.map(() => '?').join(',')})`)
        .pluck()
        .all(communityId, assemblyId, ...motionIds) as string[]
      return new Set(rows)
    },

    async openVoting(assemblyId, at, audit) {
      return db.transaction(() => {
        const opened = snapshotElectorate(db, assemblyId, at)
        if (!opened) return false
        appendAudit(db, audit(opened.rollVersion, opened.total), at)
        return true
      })()
    },

    async votersOf(assemblyId, communityId, personId) {
      const keys = boundVoters.all(communityId, assemblyId, personId) as string[]
      return keys.map((k) => voter(assemblyId, k)!).filter(Boolean)
    },

    async voter(assemblyId, voterKey) {
      return voter(assemblyId, voterKey)
    },

    async voterOfUnit(assemblyId, building, unitNo) {
      return (statement(db, 'SELECT voter_key FROM electorate_units WHERE assembly_id = ? AND building = ? AND unit_no = ?').pluck().get(assemblyId, building, unitNo) as string | undefined) ?? null
    },

    cast: groupCommit(db, (s, audit) => {
      // Checked inside the write, so a revocation cannot slip between check and insert.
      if (s.proxyId !== null && !standingProxy.get(s.proxyId)) return { stored: false, reason: 'proxy-revoked' }
      insertBallots(db, s)
      return { stored: true, auditSeq: appendAudit(db, audit, s.castAt).seq }
    }, (s) => {
      // The refused write rolled back; now say which ballot was there first.
      for (const r of s.rows) {
        const first = firstBallot.get(r.motionId, s.voterKey) as { motion_id: string; channel: StoredBallot['channel']; cast_at: number } | undefined
        if (first) return { stored: false, reason: 'duplicate', first: { motionId: first.motion_id, channel: first.channel, castAt: first.cast_at } }
      }
      return null
    }),

    async castBy(assemblyId, voterKeys) {
      if (voterKeys.length === 0) return []
      const rows = statement(db, `SELECT voter_key, motion_id, channel, cast_at, tracking_code FROM ballots WHERE assembly_id = ? AND voter_key IN (${voterKeys.map(() => '?').join(',')}) ORDER BY cast_at, motion_id`)
        .all(assemblyId, ...voterKeys) as CastRow[]
      return rows.map(toCast)
    },

    async participation(assemblyId) {
      const total = statement(db, 'SELECT COALESCE(SUM(area), 0) AS area, COUNT(*) AS heads FROM electorate WHERE assembly_id = ?').get(assemblyId) as { area: number; heads: number }
      if (total.heads === 0) return null
      // Taking part in the assembly: any ballot on any motion.
      const voted = `SELECT DISTINCT voter_key FROM ballots WHERE assembly_id = @a`
      const p = statement(db, `SELECT COALESCE(SUM(e.area), 0) AS area, COUNT(*) AS heads FROM electorate e WHERE e.assembly_id = @a AND e.voter_key IN (${voted})`)
        .get({ a: assemblyId }) as { area: number; heads: number }
      const rows = statement(db, 
          `SELECT u.building, SUM(u.area) AS area, COUNT(DISTINCT u.voter_key) AS heads,
                  SUM(CASE WHEN v.voter_key IS NULL THEN 0 ELSE u.area END) AS p_area,
                  COUNT(DISTINCT v.voter_key) AS p_heads
             FROM electorate_units u LEFT JOIN (${voted}) v ON v.voter_key = u.voter_key
            WHERE u.assembly_id = @a GROUP BY u.building`,
        )
        .all({ a: assemblyId }) as Array<{ building: string; area: number; heads: number; p_area: number; p_heads: number }>
      return toParticipation(total, p, rows)
    },

    async electorate(assemblyId) {
      return (statement(db, 'SELECT voter_key, area FROM electorate WHERE assembly_id = ? ORDER BY voter_key').all(assemblyId) as Array<{ voter_key: string; area: number }>).map((r) => ({ voterKey: r.voter_key, area: r.area }))
    },

    async electorateUnits(assemblyId) {
      return (statement(db, 'SELECT voter_key, building, unit_no, area FROM electorate_units WHERE assembly_id = ? ORDER BY building, unit_no').all(assemblyId) as VoterUnitRow[]).map(toVoterUnit)
    },

    async ballots(assemblyId) {
      return (statement(db, 'SELECT motion_id, voter_key, choice, marks, area, channel, cast_at, tracking_code FROM ballots WHERE assembly_id = ? ORDER BY cast_at, tracking_code, motion_id').all(assemblyId) as BallotRowDb[]).map(toStoredBallot)
    },

    async ballotSums(assemblyId) {
      const total = statement(db, 'SELECT COALESCE(SUM(area), 0) AS area, COUNT(*) AS heads FROM electorate WHERE assembly_id = ?').get(assemblyId) as { area: number; heads: number }
      // Weighed by the electorate's area, as countAssembly weighs a ballot.
      const from = 'FROM ballots b JOIN electorate e ON e.assembly_id = b.assembly_id AND e.voter_key = b.voter_key'
      const byChoice = statement(db, `SELECT b.motion_id AS motionId, b.choice AS choice, SUM(e.area) AS area, COUNT(*) AS heads ${from} WHERE b.assembly_id = ? GROUP BY b.motion_id, b.choice`)
        .all(assemblyId) as BallotSums['byChoice']
      const marked = (mark: 'approve' | 'oppose') =>
        `SELECT b.motion_id AS motionId, j.value AS candidate, '${mark}' AS mark, SUM(e.area) AS area, COUNT(*) AS heads ${from}, json_each(b.marks, '$.${mark}') j
          WHERE b.assembly_id = @a AND b.marks IS NOT NULL GROUP BY b.motion_id, j.value`
      const byCandidate = statement(db, `${marked('approve')} UNION ALL ${marked('oppose')}`).all({ a: assemblyId }) as BallotSums['byCandidate']
      return { total, byChoice, byCandidate }
    },

    async grantProxy(p, cap, audit) {
      try {
        return db.transaction(() => {
          if (statement(db, 'SELECT 1 FROM ballots WHERE assembly_id = ? AND voter_key = ? LIMIT 1').get(p.assemblyId, p.voterKey)) return { ok: false as const, reason: 'voted' as const }
          const held = statement(db, 'SELECT COUNT(*) FROM proxies WHERE assembly_id = ? AND proxy_person_id = ? AND revoked_at IS NULL').pluck().get(p.assemblyId, p.proxyPersonId) as number
          if (held >= cap) return { ok: false as const, reason: 'cap' as const }
          statement(db, 'INSERT INTO proxies (id, assembly_id, voter_key, proxy_person_id, motions, letter_photo, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(p.id, p.assemblyId, p.voterKey, p.proxyPersonId, p.motions === null ? null : JSON.stringify(p.motions), p.letterPhoto, p.grantedBy, p.grantedAt)
          return { ok: true as const, auditSeq: appendAudit(db, audit, p.grantedAt).seq }
        })()
      } catch (e) {
        if (isUniqueViolation(e)) return { ok: false, reason: 'exists' }
        throw e
      }
    },

    async revokeProxy(assemblyId, voterKey, by, at, audit) {
      return db.transaction(() => {
        if (statement(db, 'SELECT 1 FROM ballots WHERE assembly_id = ? AND voter_key = ? LIMIT 1').get(assemblyId, voterKey)) return { ok: false as const, reason: 'voted' as const }
        const { changes } = statement(db, 'UPDATE proxies SET revoked_at = ?, revoked_by = ? WHERE assembly_id = ? AND voter_key = ? AND revoked_at IS NULL').run(at, by, assemblyId, voterKey)
        if (changes === 0) return { ok: false as const, reason: 'none' as const }
        return { ok: true as const, auditSeq: appendAudit(db, audit, at).seq }
      })()
    },

    async ownersOfUnit(communityId, building, unitNo) {
      return statement(db,
        `SELECT DISTINCT b.person_id FROM roll_units u
           JOIN owner_bindings b ON b.community_id = u.community_id AND b.owner_key = u.owner_key
          WHERE u.community_id = ? AND u.building = ? AND u.unit_no = ?
            AND u.version = (SELECT MAX(version) FROM roll_versions v WHERE v.community_id = u.community_id)
          ORDER BY b.person_id`,
      ).pluck().all(communityId, building, unitNo) as string[]
    },

    async proxyFrom(assemblyId, voterKey, proxyPersonId) {
      const r = statement(db, 'SELECT * FROM proxies WHERE assembly_id = ? AND voter_key = ? AND proxy_person_id = ? ORDER BY revoked_at IS NULL DESC, granted_at DESC LIMIT 1').get(assemblyId, voterKey, proxyPersonId) as ProxyRow | undefined
      return r ? toProxy(r) : null
    },

    async proxiesOf(assemblyId, filter) {
      const where: string[] = ['assembly_id = ?']
      const args: unknown[] = [assemblyId]
      if (filter.voterKeys) {
        if (filter.voterKeys.length === 0) return []
        where.push(`voter_key IN (${filter.voterKeys.map(() => '?').join(',')})`)
        args.push(...filter.voterKeys)
      }
      if (filter.proxyPersonId) {
        where.push('proxy_person_id = ?')
        args.push(filter.proxyPersonId)
      }
      return (statement(db, `SELECT * FROM proxies WHERE ${where.join(' AND ')} ORDER BY granted_at`).all(...args) as ProxyRow[]).map(toProxy)
    },

    async publishResult(assemblyId, r, audit) {
      try {
        return db.transaction(() => {
          const seq = appendAudit(db, audit, r.publishedAt).seq
          insertResult(db, assemblyId, r, seq)
          return { ok: true as const, auditSeq: seq }
        })()
      } catch (e) {
        // Two committee members closing at once: the first publication stands.
        if (isPrimaryKeyViolation(e)) return { ok: false }
        throw e
      }
    },

    async results(assemblyId) {
      return (statement(db, "SELECT * FROM results WHERE assembly_id = ? ORDER BY CASE stage WHEN 'preliminary' THEN 0 ELSE 1 END").all(assemblyId) as ResultRow[]).map(toResult)
    },

    async fileObjection(o, audit) {
      return db.transaction(() => {
        statement(db, 'INSERT INTO objections (id, assembly_id, voter_key, filed_by, tracking_code, text, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(o.id, o.assemblyId, o.voterKey, o.filedBy, o.trackingCode, o.text, o.filedAt)
        return appendAudit(db, audit, o.filedAt).seq
      })()
    },

    async resolveObjection(id, r, audit) {
      try {
        return db.transaction((): ResolveOutcome => {
          const o = statement(db, 'SELECT assembly_id FROM objections WHERE id = ? AND resolution IS NULL').get(id) as { assembly_id: string } | undefined
          if (!o) return { ok: false, reason: 'resolved' }
          statement(db, 'UPDATE objections SET resolution = ?, reason = ?, resolved_by = ?, resolved_at = ? WHERE id = ?').run(r.resolution, r.reason, r.by, r.at, id)
          const insert = statement(db, 'INSERT INTO ballot_corrections (motion_id, voter_key, assembly_id, objection_id, choice, marks, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          for (const c of r.corrections) insert.run(c.motionId, c.voterKey, o.assembly_id, id, ...marksColumns(c.marks), r.by, r.at)
          return { ok: true, auditSeq: appendAudit(db, audit, r.at).seq }
        })()
      } catch (e) {
        if (isPrimaryKeyViolation(e)) return { ok: false, reason: 'corrected' }
        throw e
      }
    },

    async objections(assemblyId) {
      return (statement(db, 'SELECT * FROM objections WHERE assembly_id = ? ORDER BY filed_at, id').all(assemblyId) as ObjectionRow[]).map(toObjection)
    },

    async corrections(assemblyId) {
      return (statement(db, 'SELECT * FROM ballot_corrections WHERE assembly_id = ? ORDER BY corrected_at, motion_id, voter_key').all(assemblyId) as CorrectionRow[]).map(toCorrection)
    },
  }
}
