// People, communities, roles, the owner roll and the audit chain: the same
// tables and meaning as sqlite/migrations/001-foundation.ts. Times are UTC
// milliseconds (BIGINT); JSON lists stay TEXT so what is hashed is what is stored.
export default `
CREATE TABLE communities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  openid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phone TEXT,
  created_at BIGINT NOT NULL
);
CREATE TABLE memberships (
  community_id TEXT NOT NULL REFERENCES communities(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('owner','resident','captain','committee','property','supervisor')),
  buildings TEXT NOT NULL DEFAULT '[]',
  granted_at BIGINT NOT NULL,
  PRIMARY KEY (community_id, person_id, role)
);
CREATE INDEX memberships_person ON memberships(person_id);
CREATE TABLE roll_versions (
  community_id TEXT NOT NULL REFERENCES communities(id),
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT,
  source_sha256 TEXT,
  units INTEGER NOT NULL,
  total_area BIGINT NOT NULL,
  total_heads INTEGER NOT NULL,
  buildings TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (community_id, version)
);
CREATE TABLE roll_units (
  community_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  area BIGINT NOT NULL CHECK (area > 0),
  area_basis TEXT NOT NULL CHECK (area_basis IN ('registered','surveyed','contract')),
  owner_key TEXT NOT NULL,
  owner_names TEXT NOT NULL,
  phones TEXT NOT NULL,
  developer_unsold BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (community_id, version, building, unit_no),
  FOREIGN KEY (community_id, version) REFERENCES roll_versions(community_id, version)
);
CREATE INDEX roll_units_owner ON roll_units(community_id, version, owner_key);
CREATE TABLE owner_bindings (
  community_id TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  owner_key TEXT NOT NULL,
  bound_at BIGINT NOT NULL,
  PRIMARY KEY (community_id, person_id, owner_key)
);
CREATE INDEX owner_bindings_key ON owner_bindings(community_id, owner_key);
CREATE TABLE resident_links (
  community_id TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (community_id, person_id, building, unit_no)
);
CREATE TABLE audit_log (
  community_id TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  at BIGINT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (community_id, seq)
);
-- One row per community, moved by every append in the same statement that
-- inserts the entry: the row lock queues a community's appends one at a time
-- while other communities append in parallel.
CREATE TABLE audit_heads (
  community_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`
