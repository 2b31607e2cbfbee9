import type { Migration } from './dialect'

// Uploaded files (photos, documents, spreadsheets) and the notification
// outbox. On PostgreSQL the bytes live in the database too, so every host of
// a city-wide platform serves every file.
const filesAndOutbox: Migration = (d) => `
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at ${d.bigint} NOT NULL${d.pg ? ',\n  bytes BYTEA NOT NULL' : ''}
);
CREATE INDEX files_owner ON files(community_id, owner_id);
CREATE TABLE outbox (
  id ${d.serialKey},
  community_id TEXT NOT NULL,
  recipient_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  page TEXT,
  dedupe_key TEXT UNIQUE,
  created_at ${d.bigint} NOT NULL
);
CREATE INDEX outbox_recipient ON outbox(recipient_id, created_at);
`

export default filesAndOutbox
