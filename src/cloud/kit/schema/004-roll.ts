import type { Migration } from './dialect'

// Owner verification: the daily counter of failed bind attempts, proof
// requests the committee decides, and invite codes an owner gives residents.
// Also the uploaded file each roll version came from. (roll_versions,
// roll_units, owner_bindings and resident_links are in 001.)
const roll: Migration = (d) => `
ALTER TABLE roll_versions ADD COLUMN source_file TEXT;
CREATE TABLE bind_attempts (
  person_id TEXT NOT NULL,
  day TEXT NOT NULL,
  failures INTEGER NOT NULL,
  PRIMARY KEY (person_id, day)
);
CREATE TABLE verification_requests (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  claimed_name TEXT NOT NULL,
  file_id TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
  reason TEXT,
  created_at ${d.bigint} NOT NULL,
  decided_by TEXT,
  decided_at ${d.bigint}
);
CREATE INDEX verification_requests_queue ON verification_requests(community_id, status, created_at);
CREATE INDEX verification_requests_person ON verification_requests(person_id, created_at);
-- One open request per person and unit: a second one is refused by the key.
CREATE UNIQUE INDEX verification_requests_one_pending ON verification_requests(community_id, person_id, building, unit_no) WHERE status = 'pending';
CREATE TABLE resident_invites (
  code TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES people(id),
  created_at ${d.bigint} NOT NULL,
  expires_at ${d.bigint} NOT NULL,
  used_by TEXT,
  used_at ${d.bigint}
);
CREATE INDEX resident_links_unit ON resident_links(community_id, building, unit_no);
`

export default roll
