// Disclosure on SQLite. Published versions are insert-only (triggers in
// migration 005 refuse UPDATE/DELETE); version numbers are unique by key.
import type { FeeModel } from '../../../domain/disclosure/report'
import { alreadyAnswered, versionTaken, type DisclosurePort } from '../disclosure-port'
import { REPORT_VERSION_SELECT, questionSelect, toMotionDecision, toPublishedVersion, toQuestion, type MotionDecisionRow, type QuestionRow, type ReportVersionRow, type VotedMotionRow } from '../rows'
import { appendAudit } from './audit'
import type { Db } from './db'

const QUESTION_SELECT = questionSelect()

export function sqliteDisclosure(db: Db): DisclosurePort {
  const votedMotion = db.prepare(
    `SELECT m.id, a.community_id, m.matter, m.title, r.result FROM motions m JOIN assemblies a ON a.id = m.assembly_id
       LEFT JOIN results r ON r.assembly_id = a.id AND r.stage = 'certified' WHERE m.id = ?`,
  )
  const versionOf = db.prepare(`${REPORT_VERSION_SELECT} WHERE v.community_id = ? AND v.quarter = ? AND v.version = ?`)
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
            throw versionTaken(v.version)
          }
          throw e
        }
        db.prepare('DELETE FROM report_drafts WHERE community_id = ? AND quarter = ?').run(v.communityId, v.quarter)
        return toPublishedVersion(versionOf.get(v.communityId, v.quarter, v.version) as ReportVersionRow)
      })()
    },
    async versions(communityId, quarter) {
      return (db.prepare(`${REPORT_VERSION_SELECT} WHERE v.community_id = ? AND v.quarter = ? ORDER BY v.version`).all(communityId, quarter) as ReportVersionRow[]).map(toPublishedVersion)
    },
    async latestVersions(communityId, limit) {
      const rows = db.prepare(`${REPORT_VERSION_SELECT} WHERE v.community_id = ? AND v.version = (SELECT MAX(version) FROM report_versions x WHERE x.community_id = v.community_id AND x.quarter = v.quarter)
        ORDER BY v.quarter DESC LIMIT ?`).all(communityId, limit) as ReportVersionRow[]
      return rows.map(toPublishedVersion)
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
        if (changed === 0) throw alreadyAnswered(id)
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
      // The assembly's own motions first; else decisions taken before this app
      // (paper assemblies), recorded by the committee.
      const voted = votedMotion.get(motionId) as VotedMotionRow | undefined
      const paper = voted ? undefined : (db.prepare('SELECT motion_id, community_id, matter, passed, title FROM motion_decisions WHERE motion_id = ?').get(motionId) as MotionDecisionRow | undefined)
      return toMotionDecision(voted, paper)
    },
  }
}
