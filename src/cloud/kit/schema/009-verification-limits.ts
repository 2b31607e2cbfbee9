import type { Migration } from './dialect'

// Limits on what someone not yet a member can put in front of the committee:
// each person's count of pending proof requests per community (taken in the
// same transaction as the request, given back when it is decided), and a
// daily counter of proof files uploaded.
// The same text on both engines.
const verificationLimits: Migration = () => `
CREATE TABLE verification_open (
  community_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  pending INTEGER NOT NULL CHECK (pending >= 0),
  PRIMARY KEY (community_id, person_id)
);
INSERT INTO verification_open (community_id, person_id, pending)
  SELECT community_id, person_id, COUNT(*) FROM verification_requests WHERE status = 'pending' GROUP BY community_id, person_id;
CREATE TABLE proof_uploads (
  person_id TEXT NOT NULL,
  day TEXT NOT NULL,
  files INTEGER NOT NULL CHECK (files >= 0),
  PRIMARY KEY (person_id, day)
);
`

export default verificationLimits
