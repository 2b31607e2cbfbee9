import type { Migration } from './dialect'

// Corrections to recorded ballots, each the outcome of an objection (询异) the
// committee upheld. A cast ballot is never changed (its triggers refuse it):
// the count reads ballots and corrections together, and both are published.
// At most one correction per owner per motion, by the key; append-only.
const ballotCorrections: Migration = (d) => `
CREATE TABLE ballot_corrections (
  motion_id TEXT NOT NULL,
  voter_key TEXT NOT NULL,
  assembly_id TEXT NOT NULL REFERENCES assemblies(id),
  objection_id TEXT NOT NULL REFERENCES objections(id),
  choice TEXT CHECK (choice IN ('agree','oppose','abstain')),
  -- Elections: {"approve":[...],"oppose":[...]}; exactly one of choice/marks, as in ballots.
  marks TEXT,
  corrected_by TEXT NOT NULL REFERENCES people(id),
  corrected_at ${d.bigint} NOT NULL,
  CHECK ((choice IS NULL) <> (marks IS NULL)),
  PRIMARY KEY (motion_id, voter_key),
  FOREIGN KEY (motion_id, voter_key) REFERENCES ballots(motion_id, voter_key)
)${d.withoutRowid};
CREATE INDEX ballot_corrections_assembly ON ballot_corrections(assembly_id);
${d.appendOnly('ballot_corrections', 'a ballot correction cannot be changed', 'a ballot correction cannot be deleted')}
`

export default ballotCorrections
