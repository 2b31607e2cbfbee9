// Disclosure on PostgreSQL, as sqlite/disclosure.ts. Published versions are
// insert-only (triggers in migration 005 refuse UPDATE, DELETE and TRUNCATE);
// version numbers are unique by key, and a second report with the same number
// is answered REPORT.VERSION_TAKEN as on SQLite.
import type { FeeModel } from '../../../domain/disclosure/report'
import { alreadyAnswered, versionTaken, type DisclosurePort } from '../disclosure-port'
import { REPORT_VERSION_SELECT, questionSelect, toMotionDecision, toPublishedVersion, toQuestion, type MotionDecisionRow, type QuestionRow, type ReportVersionRow, type VotedMotionRow } from '../rows'
import { appendAudit } from './audit'
import { isUniqueViolation, transaction, type Pg, type Queryable } from './db'

const QUESTION_SELECT = questionSelect()

const questionById = async (c: Queryable, communityId: string, id: number) =>
  (await c.query<QuestionRow>(`${QUESTION_SELECT} WHERE q.community_id = $1 AND q.id = $2`, [communityId, id])).rows[0]

export function pgDisclosure(pool: Pg): DisclosurePort {
  // The voting capability's tables (PostgreSQL migration 003) may not be in
  // this database yet; until they are, only the decisions recorded from paper
  // assemblies answer. The schema is fixed once the pool has migrated.
  let votingTables: Promise<boolean> | null = null
  const hasVotingTables = () =>
    (votingTables ??= pool.query<{ ok: boolean }>("SELECT to_regclass('motions') IS NOT NULL AND to_regclass('assemblies') IS NOT NULL AND to_regclass('results') IS NOT NULL AS ok")
      .then((r) => r.rows[0].ok, (e: unknown) => {
        votingTables = null // a failed look is asked again next time
        throw e
      }))

  return {
    async feeModel(communityId) {
      const { rows } = await pool.query<{ fee_model: FeeModel }>('SELECT fee_model FROM disclosure_settings WHERE community_id = $1', [communityId])
      return rows[0]?.fee_model ?? null
    },
    async setFeeModel({ communityId, feeModel, by, at }, audit) {
      return transaction(pool, async (c) => {
        await c.query(`INSERT INTO disclosure_settings (community_id, fee_model, set_by, set_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (community_id) DO UPDATE SET fee_model = excluded.fee_model, set_by = excluded.set_by, set_at = excluded.set_at`, [communityId, feeModel, by, at])
        return (await appendAudit(c, audit, at)).seq
      })
    },
    async draft(communityId, quarter) {
      const { rows: [row] } = await pool.query<{ quarter: string; body: string; updated_by: string; updated_at: number }>(
        'SELECT quarter, body, updated_by, updated_at FROM report_drafts WHERE community_id = $1 AND quarter = $2', [communityId, quarter])
      return row ? { quarter: row.quarter, report: JSON.parse(row.body), updatedBy: row.updated_by, updatedAt: row.updated_at } : null
    },
    async saveDraft({ communityId, quarter, report, by, at }) {
      await pool.query(`INSERT INTO report_drafts (community_id, quarter, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (community_id, quarter) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [communityId, quarter, JSON.stringify(report), by, at])
    },
    async publish(v, audit) {
      return transaction(pool, async (c) => {
        const entry = await appendAudit(c, audit, v.at)
        try {
          await c.query('INSERT INTO report_versions (community_id, quarter, version, fee_model, body, reason, published_by, published_at, audit_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
            [v.communityId, v.quarter, v.version, v.feeModel, JSON.stringify(v.report), v.reason, v.by, v.at, entry.seq])
        } catch (e) {
          // Thrown out of the transaction, so the audit entry above is rolled back with it.
          if (isUniqueViolation(e, 'report_versions_pkey')) throw versionTaken(v.version)
          throw e
        }
        await c.query('DELETE FROM report_drafts WHERE community_id = $1 AND quarter = $2', [v.communityId, v.quarter])
        const { rows: [row] } = await c.query<ReportVersionRow>(`${REPORT_VERSION_SELECT} WHERE v.community_id = $1 AND v.quarter = $2 AND v.version = $3`, [v.communityId, v.quarter, v.version])
        return toPublishedVersion(row)
      })
    },
    async versions(communityId, quarter) {
      const { rows } = await pool.query<ReportVersionRow>(`${REPORT_VERSION_SELECT} WHERE v.community_id = $1 AND v.quarter = $2 ORDER BY v.version`, [communityId, quarter])
      return rows.map(toPublishedVersion)
    },
    async latestVersions(communityId, limit) {
      const { rows } = await pool.query<ReportVersionRow>(
        `${REPORT_VERSION_SELECT} WHERE v.community_id = $1 AND v.version = (SELECT MAX(version) FROM report_versions x WHERE x.community_id = v.community_id AND x.quarter = v.quarter)
          ORDER BY v.quarter COLLATE "C" DESC LIMIT $2`,
        [communityId, limit],
      )
      return rows.map(toPublishedVersion)
    },
    async ask(q) {
      // Insert and read back with the names in one statement.
      const { rows: [row] } = await pool.query<QuestionRow>(
        `WITH asked AS (
           INSERT INTO report_questions (community_id, quarter, version, line_key, line_label, asked_by, text, asked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
         ) ${questionSelect('asked')}`,
        [q.communityId, q.quarter, q.version, q.lineKey, q.lineLabel, q.by, q.text, q.at],
      )
      return toQuestion(row)
    },
    async answer({ communityId, id, answer, by, at }, audit) {
      return transaction(pool, async (c) => {
        if (!(await questionById(c, communityId, id))) return null
        // A second answer arriving together waits on the row, then finds it answered.
        const changed = await c.query('UPDATE report_questions SET answer = $1, answered_by = $2, answered_at = $3 WHERE id = $4 AND answer IS NULL', [answer, by, at, id])
        if (changed.rowCount === 0) throw alreadyAnswered(id)
        await appendAudit(c, audit, at)
        return toQuestion(await questionById(c, communityId, id))
      })
    },
    async questions(communityId, quarter) {
      const { rows } = await pool.query<QuestionRow>(`${QUESTION_SELECT} WHERE q.community_id = $1 AND q.quarter = $2 ORDER BY q.asked_at, q.id`, [communityId, quarter])
      return rows.map(toQuestion)
    },
    async openQuestions(communityId) {
      const { rows } = await pool.query<QuestionRow>(`${QUESTION_SELECT} WHERE q.community_id = $1 AND q.answer IS NULL ORDER BY q.asked_at, q.id`, [communityId])
      return rows.map(toQuestion)
    },
    async motionDecision(_communityId, motionId) {
      // The assembly's own motions first; else decisions taken before this app
      // (paper assemblies), recorded by the committee.
      const voted = (await hasVotingTables())
        ? (await pool.query<VotedMotionRow>(
          `SELECT m.id, a.community_id, m.matter, m.title, r.result::text AS result FROM motions m JOIN assemblies a ON a.id = m.assembly_id
             LEFT JOIN results r ON r.assembly_id = a.id AND r.stage = 'certified' WHERE m.id = $1`, [motionId])).rows[0]
        : undefined
      const paper = voted ? undefined : (await pool.query<MotionDecisionRow>('SELECT motion_id, community_id, matter, passed, title FROM motion_decisions WHERE motion_id = $1', [motionId])).rows[0]
      return toMotionDecision(voted, paper)
    },
  }
}
