// Repair requests, as sqlite/migrations/007-repairs.ts: the requests (their
// indexed columns plus the whole request as JSON), timeline, commitments,
// common areas and repair-fund links, with the same keys and indexes. One
// table more than SQLite: each community's last request number, moved by an
// upsert, because concurrent reports on PostgreSQL must not both read the
// same MAX(no) (SQLite runs one writer at a time and needs no counter).
export default `
CREATE TABLE repair_commitments (
  community_id TEXT NOT NULL REFERENCES communities(id),
  category TEXT COLLATE "C" NOT NULL,
  urgency TEXT COLLATE "C" NOT NULL CHECK (urgency IN ('urgent','normal')),
  response_minutes INTEGER NOT NULL CHECK (response_minutes > 0),
  completion_minutes INTEGER NOT NULL CHECK (completion_minutes >= response_minutes),
  PRIMARY KEY (community_id, category, urgency)
);
CREATE TABLE repair_common_areas (
  community_id TEXT NOT NULL REFERENCES communities(id),
  name TEXT COLLATE "C" NOT NULL,
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
  reported_at BIGINT NOT NULL,
  -- The deadline staff work to now; NULL once nothing is owed (completed, confirmed).
  due_at BIGINT,
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
CREATE TABLE repair_numbers (
  community_id TEXT PRIMARY KEY REFERENCES communities(id),
  last_no INTEGER NOT NULL
);
CREATE TABLE repair_events (
  request_id TEXT NOT NULL REFERENCES repair_requests(id),
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor_id TEXT,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (request_id, seq)
);
CREATE TABLE repair_fund_links (
  request_id TEXT PRIMARY KEY REFERENCES repair_requests(id),
  community_id TEXT NOT NULL,
  -- A plain reference into the accounts capability's withdrawals (see sqlite/repairs.ts).
  withdrawal_id TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  linked_at BIGINT NOT NULL
);
`
