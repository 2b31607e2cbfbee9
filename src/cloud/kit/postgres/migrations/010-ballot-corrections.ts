// Corrections to recorded ballots, as sqlite/migrations/010-ballot-corrections.ts:
// each the outcome of an objection (询异) the committee upheld. A cast ballot
// is never changed; the count reads ballots and corrections together. At most
// one correction per owner per motion, by the key; append-only.
export default `
CREATE TABLE ballot_corrections (
  motion_id TEXT NOT NULL,
  voter_key TEXT NOT NULL,
  assembly_id TEXT NOT NULL REFERENCES assemblies(id),
  objection_id TEXT NOT NULL REFERENCES objections(id),
  choice TEXT CHECK (choice IN ('agree','oppose','abstain')),
  -- Elections: {"approve":[...],"oppose":[...]}; exactly one of choice/marks, as in ballots.
  marks TEXT,
  corrected_by TEXT NOT NULL REFERENCES people(id),
  corrected_at BIGINT NOT NULL,
  CHECK ((choice IS NULL) <> (marks IS NULL)),
  PRIMARY KEY (motion_id, voter_key),
  FOREIGN KEY (motion_id, voter_key) REFERENCES ballots(motion_id, voter_key)
);
CREATE INDEX ballot_corrections_assembly ON ballot_corrections(assembly_id);
CREATE TRIGGER ballot_corrections_no_update BEFORE UPDATE ON ballot_corrections FOR EACH ROW EXECUTE FUNCTION refuse_change('a ballot correction cannot be changed');
CREATE TRIGGER ballot_corrections_no_delete BEFORE DELETE ON ballot_corrections FOR EACH ROW EXECUTE FUNCTION refuse_change('a ballot correction cannot be deleted');
CREATE TRIGGER ballot_corrections_no_truncate BEFORE TRUNCATE ON ballot_corrections FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('a ballot correction cannot be deleted');
`
