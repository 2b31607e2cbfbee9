import type { Migration } from './dialect'

// Motions and candidates never change once an assembly is called (the count,
// the export and every published result read them as they were), so both
// engines now refuse UPDATE and DELETE of them. A ballot's motion must be one
// of ITS assembly's: SQLite's foreign keys check motion and assembly each on
// their own, so a trigger there checks the pair.
//
// On PostgreSQL a ballot's two references (its motion, of this assembly; and
// the person who cast it) were checked by foreign keys, once per ROW: ten
// trigger queries for a five-motion ballot, about a fifth of the database's
// CPU at a voting deadline. Ballots are written by one statement only (the
// cast statement, postgres/voting.ts), which now checks both references once
// per SUBMISSION and aborts with the same error class (23503) when either is
// wrong, so nothing is stored. What the foreign keys also gave, that neither
// row can be deleted while a ballot names it, is kept by the triggers: motions
// are never deleted, and a person who cast a ballot cannot be.
const ballotReferences: Migration = (d) => `
${d.appendOnly('motions', 'a motion cannot be changed once the assembly is called', 'a motion cannot be deleted')}
${d.appendOnly('candidates', 'a candidate cannot be changed once the assembly is called', 'a candidate cannot be deleted')}
${d.pg ? pgCheckOncePerSubmission : sqliteMotionOfAssembly}`

const sqliteMotionOfAssembly = `
CREATE TRIGGER ballots_motion_of_assembly BEFORE INSERT ON ballots
WHEN NOT EXISTS (SELECT 1 FROM motions WHERE id = NEW.motion_id AND assembly_id = NEW.assembly_id)
BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: a ballot names a motion that is not this assembly''s'); END;
`

const pgCheckOncePerSubmission = `
ALTER TABLE ballots DROP CONSTRAINT ballots_cast_by_fkey, DROP CONSTRAINT ballots_motion_id_assembly_id_fkey;

CREATE FUNCTION ballot_reference_missing() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a ballot names a motion that is not this assembly''s, or a person who does not exist'
    USING ERRCODE = 'foreign_key_violation';
END $$;

CREATE FUNCTION keep_ballot_casters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ballots WHERE cast_by = OLD.id) THEN
    RAISE EXCEPTION 'a person who cast a ballot cannot be deleted' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER people_keep_ballot_casters BEFORE DELETE ON people FOR EACH ROW EXECUTE FUNCTION keep_ballot_casters();
`

export default ballotReferences
