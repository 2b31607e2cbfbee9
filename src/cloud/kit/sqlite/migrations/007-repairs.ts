// Repair requests, their timeline, each community's service-time commitments
// and common areas, and the link of a repair to its repair-fund withdrawal.
export default `
CREATE TABLE repair_commitments (
  community_id TEXT NOT NULL REFERENCES communities(id),
  category TEXT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('urgent','normal')),
  response_minutes INTEGER NOT NULL CHECK (response_minutes > 0),
  completion_minutes INTEGER NOT NULL CHECK (completion_minutes >= response_minutes),
  PRIMARY KEY (community_id, category, urgency)
);
CREATE TABLE repair_common_areas (
  community_id TEXT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
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
  reported_at INTEGER NOT NULL,
  -- The deadline staff work to now; NULL once nothing is owed (completed, confirmed).
  due_at INTEGER,
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
CREATE TABLE repair_events (
  request_id TEXT NOT NULL REFERENCES repair_requests(id),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
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
  linked_at INTEGER NOT NULL
);
`
