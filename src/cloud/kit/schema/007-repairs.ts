import type { Migration } from './dialect'

// Repair requests, their timeline, each community's service-time commitments
// and common areas, and the link of a repair to its repair-fund withdrawal.
const repairs: Migration = (d) => `
CREATE TABLE repair_commitments (
  community_id TEXT NOT NULL REFERENCES communities(id),
  category ${d.sortedText} NOT NULL,
  urgency ${d.sortedText} NOT NULL CHECK (urgency IN ('urgent','normal')),
  response_minutes INTEGER NOT NULL CHECK (response_minutes > 0),
  completion_minutes INTEGER NOT NULL CHECK (completion_minutes >= response_minutes),
  PRIMARY KEY (community_id, category, urgency)
);
CREATE TABLE repair_common_areas (
  community_id TEXT NOT NULL REFERENCES communities(id),
  name ${d.sortedText} NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (community_id, name)
);
CREATE TABLE repair_requests (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  no INTEGER NOT NULL,
  reporter_id TEXT NOT NULL,
  location_kind TEXT NOT NULL CHECK (location_kind IN ('unit','common')),
  building TEXT,
  unit_no TEXT,
  status TEXT NOT NULL,
  reported_at ${d.bigint} NOT NULL,
  -- The deadline staff work to now; NULL once nothing is owed (completed, confirmed).
  due_at ${d.bigint},
  version INTEGER NOT NULL,
  -- The whole request as the domain sees it; the columns above are its indexed parts.
  data TEXT NOT NULL,
  UNIQUE (community_id, no)
);
CREATE INDEX repair_queue ON repair_requests(community_id, due_at, no) WHERE due_at IS NOT NULL;
CREATE INDEX repair_reporter ON repair_requests(community_id, reporter_id, reported_at);
CREATE INDEX repair_unit ON repair_requests(community_id, building, unit_no, reported_at) WHERE location_kind = 'unit';
CREATE INDEX repair_common ON repair_requests(community_id, reported_at) WHERE location_kind = 'common';
CREATE INDEX repair_reported ON repair_requests(community_id, reported_at);
CREATE INDEX repair_completed ON repair_requests(community_id, status) WHERE status = 'completed';
${d.pg ? pgRepairNumbers : ''}
CREATE TABLE repair_events (
  request_id TEXT NOT NULL REFERENCES repair_requests(id),
  seq INTEGER NOT NULL,
  at ${d.bigint} NOT NULL,
  actor_id TEXT,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (request_id, seq)
);
CREATE TABLE repair_fund_links (
  request_id TEXT PRIMARY KEY REFERENCES repair_requests(id),
  community_id TEXT NOT NULL,
  -- A withdrawal's reference, e.g. 2026-Q2#1, checked against the published reports by repair-link-fund.
  withdrawal_id TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  linked_at ${d.bigint} NOT NULL
);
`

// One table more on PostgreSQL: each community's last request number, moved by
// an upsert, because concurrent reports there must not both read the same
// MAX(no) (SQLite runs one writer at a time and needs no counter).
const pgRepairNumbers = `CREATE TABLE repair_numbers (
  community_id TEXT PRIMARY KEY REFERENCES communities(id),
  last_no INTEGER NOT NULL
);`

export default repairs
