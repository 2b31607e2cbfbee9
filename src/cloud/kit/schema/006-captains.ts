import type { Migration } from './dialect'

// Building captains: reception days and bookings, rectification items and
// their steps, the claim board. Indexed for the board's pages (newest first,
// by building, by assignee) and for the escalation and reminder jobs.
const captains: Migration = (d) => `
CREATE TABLE reception_days (
  id ${d.sortedText} PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  building TEXT NOT NULL,
  series_id TEXT NOT NULL,
  starts_at ${d.bigint} NOT NULL,
  ends_at ${d.bigint} NOT NULL CHECK (ends_at > starts_at),
  place TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  slot_minutes INTEGER NOT NULL CHECK (slot_minutes > 0),
  status TEXT NOT NULL CHECK (status IN ('scheduled','cancelled')),
  change_reason TEXT NOT NULL DEFAULT '',
  moved_from ${d.bigint},
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX reception_days_building ON reception_days(community_id, building, starts_at);
CREATE INDEX reception_days_start ON reception_days(starts_at);
-- Named keys on PostgreSQL: a refused booking is told apart by which one refused it.
CREATE TABLE reception_bookings (
  day_id ${d.sortedText} NOT NULL REFERENCES reception_days(id),
  slot INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  booked_at ${d.bigint} NOT NULL,
  ${d.constraint('reception_bookings_slot')}PRIMARY KEY (day_id, slot),
  ${d.constraint('reception_bookings_person')}UNIQUE (day_id, person_id)
);
CREATE TABLE rect_items (
  id ${d.sortedText} PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  photos TEXT NOT NULL DEFAULT '[]',
  raised_by TEXT NOT NULL,
  raised_via TEXT NOT NULL CHECK (raised_via IN ('captain','owner')),
  reception_day_id TEXT,
  raised_at ${d.bigint} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('raised','assigned','in_progress','completed','confirmed','reopened')),
  assignee TEXT CHECK (assignee IN ('property','committee')),
  deadline ${d.bigint},
  escalation ${d.smallint} NOT NULL DEFAULT 0 CHECK (escalation IN (0,1,2)),
  escalated_at ${d.bigint},
  completed_at ${d.bigint},
  confirmed_at ${d.bigint},
  reopen_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  updated_at ${d.bigint} NOT NULL
);
CREATE INDEX rect_items_board ON rect_items(community_id, raised_at DESC, id DESC);
CREATE INDEX rect_items_building ON rect_items(community_id, building, raised_at DESC, id DESC);
CREATE INDEX rect_items_assignee ON rect_items(community_id, assignee, status, raised_at DESC);
CREATE INDEX rect_items_status ON rect_items(community_id, status);
CREATE INDEX rect_items_household ON rect_items(community_id, building, unit_no);
CREATE INDEX rect_items_raiser ON rect_items(community_id, raised_by);
CREATE INDEX rect_items_open_deadline ON rect_items(deadline) WHERE status IN ('assigned','in_progress','reopened');
CREATE TABLE rect_steps (
  item_id ${d.sortedText} NOT NULL REFERENCES rect_items(id),
  seq INTEGER NOT NULL,
  community_id TEXT NOT NULL,
  action TEXT NOT NULL,
  at ${d.bigint} NOT NULL,
  actor_id TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  photos TEXT NOT NULL DEFAULT '[]',
  data TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (item_id, seq)
);
CREATE INDEX rect_steps_action ON rect_steps(community_id, action, at);
CREATE TABLE claim_tasks (
  id ${d.sortedText} PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open','taken','done','withdrawn')),
  published_by TEXT NOT NULL,
  published_at ${d.bigint} NOT NULL,
  taker_id TEXT,
  taken_how TEXT CHECK (taken_how IN ('claimed','dispatched')),
  taken_at ${d.bigint},
  dispatched_by TEXT,
  done_note TEXT NOT NULL DEFAULT '',
  done_at ${d.bigint},
  version INTEGER NOT NULL
);
CREATE INDEX claim_tasks_list ON claim_tasks(community_id, published_at DESC, id DESC);
`

export default captains
