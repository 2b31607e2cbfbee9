import { pgRefuseChange, type Migration } from './dialect'

// Owners' assemblies: motions, elections, the electorate fixed when voting
// opens, ballots (one per owner per motion across every channel, enforced by
// the primary key), proxies, objections and results. Nothing here is ever
// updated in place except the open/close markers of an assembly and the
// resolution of an objection or revocation of a proxy; ballots and results are
// append-only (triggers refuse UPDATE and DELETE, and TRUNCATE on PostgreSQL).
// Choice lists and results stay JSON text so what is hashed into the audit
// chain is what is stored.
const voting: Migration = (d) => `
CREATE TABLE assemblies (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  title TEXT NOT NULL,
  notice TEXT NOT NULL,
  attachments TEXT NOT NULL DEFAULT '[]',
  notice_at ${d.bigint} NOT NULL,
  opens_at ${d.bigint} NOT NULL,
  closes_at ${d.bigint} NOT NULL CHECK (closes_at > opens_at),
  short_notice_reason TEXT,
  -- Fixed once, when voting opens; the electorate below is its snapshot.
  roll_version INTEGER,
  opened_at ${d.bigint},
  created_by TEXT NOT NULL REFERENCES people(id),
  created_at ${d.bigint} NOT NULL
);
CREATE INDEX assemblies_community ON assemblies(community_id, opens_at);

-- No threshold column: the threshold follows from the matter (民法典 第二百七十八条).
CREATE TABLE motions (
  id TEXT PRIMARY KEY,
  assembly_id TEXT NOT NULL REFERENCES assemblies(id),
  position INTEGER NOT NULL,
  matter INTEGER NOT NULL CHECK (matter BETWEEN 1 AND 9),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  seats INTEGER CHECK (seats IS NULL OR (seats >= 1 AND matter = 3)),
  UNIQUE (assembly_id, position)${d.pg ? pgMotionKey : ''}
);
CREATE TABLE candidates (
  motion_id TEXT NOT NULL REFERENCES motions(id),
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  statement TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (motion_id, id)
);

-- The roll as it stood when voting opened, reduced to voters (第九条).
CREATE TABLE electorate (
  assembly_id TEXT NOT NULL REFERENCES assemblies(id),
  voter_key TEXT NOT NULL,
  area ${d.bigint} NOT NULL CHECK (area > 0),
  PRIMARY KEY (assembly_id, voter_key)
)${d.withoutRowid};
CREATE TABLE electorate_units (
  assembly_id TEXT NOT NULL,
  voter_key TEXT NOT NULL,
  owner_key TEXT NOT NULL,
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  area ${d.bigint} NOT NULL,
  PRIMARY KEY (assembly_id, building, unit_no),
  FOREIGN KEY (assembly_id, voter_key) REFERENCES electorate(assembly_id, voter_key)
)${d.withoutRowid};
CREATE INDEX electorate_units_owner ON electorate_units(assembly_id, owner_key);

-- One row per owner per motion. The primary key is the uniqueness guarantee
-- across channels: a second ballot is refused by the database, never by a read.
CREATE TABLE ballots (
  motion_id TEXT NOT NULL${d.pg ? '' : ' REFERENCES motions(id)'},
  voter_key TEXT NOT NULL,
  assembly_id TEXT NOT NULL${d.pg ? '' : ' REFERENCES assemblies(id)'},
  choice TEXT CHECK (choice IN ('agree','oppose','abstain')),
  -- Elections: {"approve":[...],"oppose":[...]}; exactly one of choice/marks.
  marks TEXT,
  area ${d.bigint} NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('online','paper','proxy')),
  cast_by TEXT NOT NULL REFERENCES people(id),
  cast_at ${d.bigint} NOT NULL,
  tracking_code TEXT NOT NULL,
  photo TEXT,
  proxy_id TEXT,
  CHECK ((choice IS NULL) <> (marks IS NULL)),
  ${d.constraint('ballots_one_per_owner')}PRIMARY KEY (motion_id, voter_key)${d.pg ? pgBallotMotionKey : ''}
)${d.withoutRowid};${d.pg ? pgBallotPartlyCast : ''}
CREATE INDEX ballots_assembly ON ballots(assembly_id, voter_key);
CREATE INDEX ballots_tracking ON ballots(assembly_id, tracking_code);
${d.pg ? pgRefuseChange : ''}
${d.appendOnly('ballots', 'a cast ballot cannot be changed', 'a cast ballot cannot be deleted')}

CREATE TABLE proxies (
  id TEXT PRIMARY KEY,
  assembly_id TEXT NOT NULL REFERENCES assemblies(id),
  voter_key TEXT NOT NULL,
  proxy_person_id TEXT NOT NULL REFERENCES people(id),
  -- JSON array of motion ids, or NULL for the whole assembly.
  motions TEXT,
  letter_photo TEXT NOT NULL,
  granted_by TEXT NOT NULL REFERENCES people(id),
  granted_at ${d.bigint} NOT NULL,
  revoked_at ${d.bigint},
  revoked_by TEXT
);
-- One standing proxy per owner per assembly.
CREATE UNIQUE INDEX proxies_active ON proxies(assembly_id, voter_key) WHERE revoked_at IS NULL;
CREATE INDEX proxies_holder ON proxies(assembly_id, proxy_person_id);

CREATE TABLE results (
  assembly_id TEXT NOT NULL REFERENCES assemblies(id),
  stage TEXT NOT NULL CHECK (stage IN ('preliminary','certified')),
  result TEXT NOT NULL,
  published_at ${d.bigint} NOT NULL,
  published_by TEXT NOT NULL,
  objection_until ${d.bigint},
  audit_seq INTEGER NOT NULL,
  PRIMARY KEY (assembly_id, stage)
);
${d.appendOnly('results', 'a published result cannot be changed', 'a published result cannot be deleted')}

CREATE TABLE objections (
  id TEXT PRIMARY KEY,
  assembly_id TEXT NOT NULL REFERENCES assemblies(id),
  voter_key TEXT NOT NULL,
  filed_by TEXT NOT NULL REFERENCES people(id),
  tracking_code TEXT NOT NULL,
  text TEXT NOT NULL,
  filed_at ${d.bigint} NOT NULL,
  resolution TEXT CHECK (resolution IN ('upheld','dismissed')),
  reason TEXT,
  resolved_by TEXT,
  resolved_at ${d.bigint}
);
CREATE INDEX objections_assembly ON objections(assembly_id, filed_at);
`

// What a ballot's one foreign key points at (see pgBallotMotionKey).
const pgMotionKey = `,
  UNIQUE (id, assembly_id)`

// One key for motion and assembly (SQLite checks each on its own): the motion
// must be one of that assembly's, and the deadline rush pays for one
// foreign-key check per row instead of two.
const pgBallotMotionKey = `,
  FOREIGN KEY (motion_id, assembly_id) REFERENCES motions(id, assembly_id)`

// A submission stands or falls whole: when ON CONFLICT skipped some of its
// motions but not all, the cast statement calls this to abort itself, with
// the same error a plain duplicate key would raise.
const pgBallotPartlyCast = `
CREATE FUNCTION ballot_partly_cast() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'some motions of this submission already have a ballot from this owner'
    USING ERRCODE = 'unique_violation', CONSTRAINT = 'ballots_one_per_owner';
END $$;`

export default voting
