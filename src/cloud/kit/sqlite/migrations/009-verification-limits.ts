// Limits on what someone not yet a member can put in front of the committee:
// a counter of each person's open proof requests per community (taken in the
// same transaction as the request, given back when it is decided), and a
// daily counter of proof files uploaded. Also an index for listing a
// community's repair-fund links.
export default `
CREATE TABLE verification_open (
  community_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  open INTEGER NOT NULL CHECK (open >= 0),
  PRIMARY KEY (community_id, person_id)
);
INSERT INTO verification_open (community_id, person_id, open)
  SELECT community_id, person_id, COUNT(*) FROM verification_requests WHERE status = 'pending' GROUP BY community_id, person_id;
CREATE TABLE proof_uploads (
  person_id TEXT NOT NULL,
  day TEXT NOT NULL,
  files INTEGER NOT NULL CHECK (files >= 0),
  PRIMARY KEY (person_id, day)
);
CREATE INDEX repair_fund_links_community ON repair_fund_links(community_id);
`
