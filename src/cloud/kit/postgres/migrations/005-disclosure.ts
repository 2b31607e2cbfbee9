// Quarterly disclosure, as sqlite/migrations/005-disclosure.ts: each
// community's fee model, drafts being prepared, published versions (never
// changed: triggers refuse UPDATE, DELETE and TRUNCATE), owners' questions on a
// line (answered once, never deleted), and the assembly decisions recorded
// before the app that authorise repair-fund withdrawals.
//
// CREATE TABLE IF NOT EXISTS leaves alone a relation of that name created
// earlier by the voting migrations, as on SQLite.
export default `
CREATE TABLE disclosure_settings (
  community_id TEXT PRIMARY KEY REFERENCES communities(id),
  fee_model TEXT NOT NULL CHECK (fee_model IN ('lump-sum','commission','hybrid')),
  set_by TEXT,
  set_at BIGINT NOT NULL
);
CREATE TABLE report_drafts (
  community_id TEXT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
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
  published_at BIGINT NOT NULL,
  audit_seq INTEGER NOT NULL,
  PRIMARY KEY (community_id, quarter, version),
  CHECK (version = 1 OR (reason IS NOT NULL AND length(trim(reason)) > 0))
);
-- The refusal trigger function voting's migration 003 defines too, word for
-- word: whichever of the two runs first creates it, the other replaces it
-- with the same text. The message comes from the trigger's argument.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END $$;
CREATE TRIGGER report_versions_no_update BEFORE UPDATE ON report_versions FOR EACH ROW EXECUTE FUNCTION refuse_change('published report versions are immutable');
CREATE TRIGGER report_versions_no_delete BEFORE DELETE ON report_versions FOR EACH ROW EXECUTE FUNCTION refuse_change('published report versions are immutable');
CREATE TRIGGER report_versions_no_truncate BEFORE TRUNCATE ON report_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('published report versions are immutable');
CREATE TABLE report_questions (
  id BIGSERIAL PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  version INTEGER NOT NULL,
  line_key TEXT NOT NULL,
  line_label TEXT NOT NULL,
  asked_by TEXT NOT NULL,
  text TEXT NOT NULL,
  asked_at BIGINT NOT NULL,
  answer TEXT,
  answered_by TEXT,
  answered_at BIGINT,
  FOREIGN KEY (community_id, quarter, version) REFERENCES report_versions(community_id, quarter, version)
);
CREATE INDEX report_questions_open ON report_questions(community_id, answered_at, asked_at);
-- A question is answered once; the answer then stands like the report.
CREATE TRIGGER report_questions_answer_once BEFORE UPDATE ON report_questions FOR EACH ROW
  WHEN (OLD.answer IS NOT NULL OR NEW.text IS DISTINCT FROM OLD.text OR NEW.line_key IS DISTINCT FROM OLD.line_key OR NEW.asked_by IS DISTINCT FROM OLD.asked_by)
  EXECUTE FUNCTION refuse_change('questions and answers are immutable once answered');
CREATE TRIGGER report_questions_no_delete BEFORE DELETE ON report_questions FOR EACH ROW EXECUTE FUNCTION refuse_change('questions are public record');
CREATE TRIGGER report_questions_no_truncate BEFORE TRUNCATE ON report_questions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('questions are public record');
CREATE TABLE IF NOT EXISTS motion_decisions (
  motion_id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  matter INTEGER NOT NULL,
  passed BOOLEAN NOT NULL,
  title TEXT NOT NULL,
  decided_at BIGINT NOT NULL
);
`
