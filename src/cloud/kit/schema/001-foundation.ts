import type { Migration } from './dialect'

// People, communities, roles, the owner roll and the audit chain. Times are
// UTC milliseconds; JSON lists stay TEXT so what is hashed is what is stored.
const foundation: Migration = (d) => `
CREATE TABLE communities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at ${d.bigint} NOT NULL
);
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  openid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phone TEXT,
  created_at ${d.bigint} NOT NULL
);
CREATE TABLE memberships (
  community_id TEXT NOT NULL REFERENCES communities(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('owner','resident','captain','committee','property','supervisor')),
  buildings TEXT NOT NULL DEFAULT '[]',
  granted_at ${d.bigint} NOT NULL,
  PRIMARY KEY (community_id, person_id, role)
);
CREATE INDEX memberships_person ON memberships(person_id);
CREATE TABLE roll_versions (
  community_id TEXT NOT NULL REFERENCES communities(id),
  version INTEGER NOT NULL,
  created_at ${d.bigint} NOT NULL,
  created_by TEXT,
  source_sha256 TEXT,
  units INTEGER NOT NULL,
  total_area ${d.bigint} NOT NULL,
  total_heads INTEGER NOT NULL,
  buildings TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (community_id, version)
);
CREATE TABLE roll_units (
  community_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  area ${d.bigint} NOT NULL CHECK (area > 0),
  area_basis TEXT NOT NULL CHECK (area_basis IN ('registered','surveyed','contract')),
  owner_key TEXT NOT NULL,
  owner_names TEXT NOT NULL,
  phones TEXT NOT NULL,
  developer_unsold ${d.bool} NOT NULL DEFAULT ${d.false},
  PRIMARY KEY (community_id, version, building, unit_no),
  FOREIGN KEY (community_id, version) REFERENCES roll_versions(community_id, version)
);
CREATE INDEX roll_units_owner ON roll_units(community_id, version, owner_key);
CREATE TABLE owner_bindings (
  community_id TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  owner_key TEXT NOT NULL,
  bound_at ${d.bigint} NOT NULL,
  PRIMARY KEY (community_id, person_id, owner_key)
);
CREATE INDEX owner_bindings_key ON owner_bindings(community_id, owner_key);
CREATE TABLE resident_links (
  community_id TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  linked_at ${d.bigint} NOT NULL,
  PRIMARY KEY (community_id, person_id, building, unit_no)
);
CREATE TABLE audit_log (
  community_id TEXT NOT NULL,
  seq INTEGER NOT NULL${d.pg ? ' CHECK (seq > 0)' : ''},
  at ${d.bigint} NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (community_id, seq)
);
${d.pg ? pgAuditAppendOnly : sqliteAuditAppendOnly}
`

const sqliteAuditAppendOnly = `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`

// PostgreSQL appends through a head row per community, moved by every append
// in the same statement that inserts the entry: the row lock queues a
// community's appends one at a time while other communities append in
// parallel (SQLite runs one writer at a time and needs none).
const pgAuditAppendOnly = `
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
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();`

export default foundation
