// Disclosure on SQLite. Published versions are insert-only (triggers in
// migration 005 refuse UPDATE/DELETE); version numbers are unique by key.
import { AppError } from '../../../domain/errors'
import type { FeeModel } from '../../../domain/disclosure/report'
import type { MotionDecision } from '../../../domain/disclosure/trace'
import type { DisclosurePort, PublishedVersion, QuestionRecord } from '../disclosure-port'
import { appendAudit } from './audit'
import type { Db } from './db'

interface VersionRow { community_id: string; quarter: string; version: number; fee_model: FeeModel; body: string; reason: string | null; published_by: string; published_by_name: string | null; published_at: number; audit_seq: number }
interface QuestionRow { id: number; quarter: string; version: number; line_key: string; line_label: string; asked_by: string; asker_name: string | null; text: string; asked_at: number; answer: string | null; answered_by: string | null; answerer_name: string | null; answered_at: number | null }

const toVersion = (r: VersionRow): PublishedVersion => ({
  communityId: r.community_id, quarter: r.quarter, version: r.version, feeModel: r.fee_model, report: JSON.parse(r.body), reason: r.reason,
  publishedBy: r.published_by, publishedByName: r.published_by_name, publishedAt: r.published_at, auditSeq: r.audit_seq,
})
const toQuestion = (r: QuestionRow): QuestionRecord => ({
  id: r.id, quarter: r.quarter, version: r.version, lineKey: r.line_key, lineLabel: r.line_label, askedBy: r.asked_by, askerName: r.asker_name, text: r.text,
  askedAt: r.asked_at, answer: r.answer, answeredBy: r.answered_by, answererName: r.answerer_name, answeredAt: r.answered_at,
})

const VERSION_SELECT = 'SELECT v.*, p.name AS published_by_name FROM report_versions v LEFT JOIN people p ON p.id = v.published_by'
const QUESTION_SELECT = `SELECT q.*, a.name AS asker_name, b.name AS answerer_name FROM report_questions q
  LEFT JOIN people a ON a.id = q.asked_by LEFT JOIN people b ON b.id = q.answered_by`

export function sqliteDisclosure(db: Db): DisclosurePort {
  const votedMotion = db.prepare(
    `SELECT m.id, a.community_id, m.matter, m.title, r.result FROM motions m JOIN assemblies a ON a.id = m.assembly_id
       LEFT JOIN results r ON r.assembly_id = a.id AND r.stage = 'certified' WHERE m.id = ?`,
  )
  const versionOf = db.prepare(`${VERSION_SELECT} WHERE v.community_id = ? AND v.quarter = ? AND v.version = ?`)
  const questionById = db.prepare(`${QUESTION_SELECT} WHERE q.community_id = ? AND q.id = ?`)
  return {
    async feeModel(communityId) {
      return (db.prepare('SELECT fee_model FROM disclosure_settings WHERE community_id = ?').pluck().get(communityId) as FeeModel | undefined) ?? null
    },
    async setFeeModel({ communityId, feeModel, by, at }, audit) {
      return db.transaction(() => {
        db.prepare(`INSERT INTO disclosure_settings (community_id, fee_model, set_by, set_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (community_id) DO UPDATE SET fee_model = excluded.fee_model, set_by = excluded.set_by, set_at = excluded.set_at`).run(communityId, feeModel, by, at)
        return appendAudit(db, audit, at).seq
      })()
    },
    async draft(communityId, quarter) {
      const row = db.prepare('SELECT quarter, body, updated_by, updated_at FROM report_drafts WHERE community_id = ? AND quarter = ?').get(communityId, quarter) as
        | { quarter: string; body: string; updated_by: string; updated_at: number } | undefined
      return row ? { quarter: row.quarter, report: JSON.parse(row.body), updatedBy: row.updated_by, updatedAt: row.updated_at } : null
    },
    async saveDraft({ communityId, quarter, report, by, at }) {
      db.prepare(`INSERT INTO report_drafts (community_id, quarter, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (community_id, quarter) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`).run(communityId, quarter, JSON.stringify(report), by, at)
    },
    async publish(v, audit) {
      return db.transaction(() => {
        const entry = appendAudit(db, audit, v.at)
        try {
          db.prepare('INSERT INTO report_versions (community_id, quarter, version, fee_model, body, reason, published_by, published_at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(v.communityId, v.quarter, v.version, v.feeModel, JSON.stringify(v.report), v.reason, v.by, v.at, entry.seq)
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw new AppError('REPORT.VERSION_TAKEN', `该季度的第 ${v.version} 版刚刚已由他人发布；请刷新后查看，如需更正请发布新版本`, { version: v.version })
          }
          throw e
        }
        db.prepare('DELETE FROM report_drafts WHERE community_id = ? AND quarter = ?').run(v.communityId, v.quarter)
        return toVersion(versionOf.get(v.communityId, v.quarter, v.version) as VersionRow)
      })()
    },
    async versions(communityId, quarter) {
      return (db.prepare(`${VERSION_SELECT} WHERE v.community_id = ? AND v.quarter = ? ORDER BY v.version`).all(communityId, quarter) as VersionRow[]).map(toVersion)
    },
    async latestVersions(communityId, limit) {
      const rows = db.prepare(`${VERSION_SELECT} WHERE v.community_id = ? AND v.version = (SELECT MAX(version) FROM report_versions x WHERE x.community_id = v.community_id AND x.quarter = v.quarter)
        ORDER BY v.quarter DESC LIMIT ?`).all(communityId, limit) as VersionRow[]
      return rows.map(toVersion)
    },
    async ask(q) {
      const id = db.prepare('INSERT INTO report_questions (community_id, quarter, version, line_key, line_label, asked_by, text, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(q.communityId, q.quarter, q.version, q.lineKey, q.lineLabel, q.by, q.text, q.at).lastInsertRowid
      return toQuestion(questionById.get(q.communityId, Number(id)) as QuestionRow)
    },
    async answer({ communityId, id, answer, by, at }, audit) {
      return db.transaction(() => {
        const row = questionById.get(communityId, id) as QuestionRow | undefined
        if (!row) return null
        // The WHERE makes a second answer change nothing, even if two arrive together.
        const changed = db.prepare('UPDATE report_questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answer IS NULL').run(answer, by, at, id).changes
        if (changed === 0) throw new AppError('REPORT.ALREADY_ANSWERED', '这个问题已经答复过了；答复公开后不能修改', { id })
        appendAudit(db, audit, at)
        return toQuestion(questionById.get(communityId, id) as QuestionRow)
      })()
    },
    async questions(communityId, quarter) {
      return (db.prepare(`${QUESTION_SELECT} WHERE q.community_id = ? AND q.quarter = ? ORDER BY q.asked_at, q.id`).all(communityId, quarter) as QuestionRow[]).map(toQuestion)
    },
    async openQuestions(communityId) {
      return (db.prepare(`${QUESTION_SELECT} WHERE q.community_id = ? AND q.answer IS NULL ORDER BY q.asked_at, q.id`).all(communityId) as QuestionRow[]).map(toQuestion)
    },
    async motionDecision(_communityId, motionId) {
      // The assembly's own motions first: passed only once the result is
      // certified, and only by the published tally of that motion.
      const voted = votedMotion.get(motionId) as { id: string; community_id: string; matter: number; title: string; result: string | null } | undefined
      if (voted) {
        const outcome = voted.result ? certifiedOutcome(voted.result, motionId) : null
        return { motionId: voted.id, communityId: voted.community_id, matter: voted.matter, passed: outcome === true, title: voted.title } satisfies MotionDecision
      }
      // Decisions taken before this app (paper assemblies), recorded by the committee.
      const row = db.prepare('SELECT motion_id, community_id, matter, passed, title FROM motion_decisions WHERE motion_id = ?').get(motionId) as
        | { motion_id: string; community_id: string; matter: number; passed: number; title: string } | undefined
      return row ? ({ motionId: row.motion_id, communityId: row.community_id, matter: row.matter, passed: row.passed === 1, title: row.title } satisfies MotionDecision) : null
    },
  }
}

/** Whether the certified count passed this motion (null when the count does not name it as a motion). */
function certifiedOutcome(resultJson: string, motionId: string): boolean | null {
  const count = JSON.parse(resultJson) as { motions?: Array<{ motionId: string; kind: string; result?: { published?: { passed?: boolean } } }> }
  const motion = count.motions?.find((m) => m.motionId === motionId && m.kind === 'motion')
  return motion?.result?.published?.passed ?? null
}
