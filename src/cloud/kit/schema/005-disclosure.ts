import { pgRefuseChange, type Migration } from './dialect'

// Quarterly disclosure: each community's fee model, drafts being prepared,
// published versions (never changed: triggers refuse UPDATE and DELETE, and
// TRUNCATE on PostgreSQL), owners' questions on a line (answered once, never
// deleted), and the assembly decisions that authorise repair-fund withdrawals.
//
// motion_decisions is what this capability needs from voting: one row per
// decided motion. CREATE TABLE IF NOT EXISTS leaves alone a view of that name
// created earlier by the voting migrations (which then is the source of truth).
// refuse_change is also defined by 003, word for word, so either may run first.
const disclosure: Migration = (d) => `
CREATE TABLE disclosure_settings (
  community_id TEXT PRIMARY KEY REFERENCES communities(id),
  fee_model TEXT NOT NULL CHECK (fee_model IN ('lump-sum','commission','hybrid')),
  set_by TEXT,
  set_at ${d.bigint} NOT NULL
);
CREATE TABLE report_drafts (
  community_id TEXT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at ${d.bigint} NOT NULL,
  PRIMARY KEY (community_id, quarter)
);
CREATE TABLE report_versions (
  community_id TEXT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  fee_model TEXT NOT NULL,
  body TEXT NOT NULL,
  reason TEXT,
  published_by TEXT NOT NULL,
  published_at ${d.bigint} NOT NULL,
  audit_seq INTEGER NOT NULL,
  PRIMARY KEY (community_id, quarter, version),
  CHECK (version = 1 OR (reason IS NOT NULL AND length(trim(reason)) > 0))
);
${d.pg ? pgRefuseChange : ''}
${d.appendOnly('report_versions', 'published report versions are immutable', 'published report versions are immutable')}
CREATE TABLE report_questions (
  id ${d.serialKey},
  community_id TEXT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  version INTEGER NOT NULL,
  line_key TEXT NOT NULL,
  line_label TEXT NOT NULL,
  asked_by TEXT NOT NULL,
  text TEXT NOT NULL,
  asked_at ${d.bigint} NOT NULL,
  answer TEXT,
  answered_by TEXT,
  answered_at ${d.bigint},
  FOREIGN KEY (community_id, quarter, version) REFERENCES report_versions(community_id, quarter, version)
);
CREATE INDEX report_questions_open ON report_questions(community_id, answered_at, asked_at);
-- A question is answered once; the answer then stands like the report.
${d.pg ? pgQuestionTriggers : sqliteQuestionTriggers}
CREATE TABLE IF NOT EXISTS motion_decisions (
  motion_id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  matter INTEGER NOT NULL,
  passed ${d.bool} NOT NULL,
  title TEXT NOT NULL,
  decided_at ${d.bigint} NOT NULL
);
`

// The same rule in each engine's trigger language (PostgreSQL's IS DISTINCT
// FROM is SQLite's IS NOT), and PostgreSQL refuses TRUNCATE too.
const sqliteQuestionTriggers = `CREATE TRIGGER report_questions_answer_once BEFORE UPDATE ON report_questions
  WHEN OLD.answer IS NOT NULL OR NEW.text IS NOT OLD.text OR NEW.line_key IS NOT OLD.line_key OR NEW.asked_by IS NOT OLD.asked_by
  BEGIN SELECT RAISE(ABORT, 'questions and answers are immutable once answered'); END;
CREATE TRIGGER report_questions_no_delete BEFORE DELETE ON report_questions BEGIN SELECT RAISE(ABORT, 'questions are public record'); END;`

const pgQuestionTriggers = `CREATE TRIGGER report_questions_answer_once BEFORE UPDATE ON report_questions FOR EACH ROW
  WHEN (OLD.answer IS NOT NULL OR NEW.text IS DISTINCT FROM OLD.text OR NEW.line_key IS DISTINCT FROM OLD.line_key OR NEW.asked_by IS DISTINCT FROM OLD.asked_by)
  EXECUTE FUNCTION refuse_change('questions and answers are immutable once answered');
CREATE TRIGGER report_questions_no_delete BEFORE DELETE ON report_questions FOR EACH ROW EXECUTE FUNCTION refuse_change('questions are public record');
CREATE TRIGGER report_questions_no_truncate BEFORE TRUNCATE ON report_questions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('questions are public record');`

export default disclosure
