// The few words the SQLite and PostgreSQL schemas say differently. Each
// migration in this folder is written once against a Dialect; what is truly
// one engine's own (plpgsql functions, extra PostgreSQL-only keys and tables)
// stays an explicit branch in that migration, under `d.pg`.
export interface Dialect {
  /** True for PostgreSQL: the branch for what only one engine has. */
  pg: boolean
  /** UTC milliseconds and hundredths of m², which outgrow 32 bits on PostgreSQL. */
  bigint: string
  /** A small enumerated number (escalation level). */
  smallint: string
  /** A yes/no column, and its false default. */
  bool: string
  false: string
  /** A surrogate key the database counts up. */
  serialKey: string
  /** Text compared byte-wise, so keyset pages order alike on both engines whatever the server's locale. */
  sortedText: string
  /** After a clustered table's closing parenthesis (SQLite stores such tables by their key). */
  withoutRowid: string
  /** `CONSTRAINT name ` on PostgreSQL, where adapters tell refusals apart by constraint name; nothing on SQLite. */
  constraint(name: string): string
  /**
   * Triggers making `table` append-only: `<table>_no_update` and
   * `<table>_no_delete` (plus `<table>_no_truncate` on PostgreSQL, with the
   * delete message), each refusing with its message.
   */
  appendOnly(table: string, changed: string, deleted: string): string
}

export const sqliteDialect: Dialect = {
  pg: false,
  bigint: 'INTEGER',
  smallint: 'INTEGER',
  bool: 'INTEGER',
  false: '0',
  serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  sortedText: 'TEXT',
  withoutRowid: ' WITHOUT ROWID',
  constraint: () => '',
  appendOnly: (table, changed, deleted) =>
    [
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${changed}'); END;`,
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${deleted}'); END;`,
    ].join('\n'),
}

// The triggers call refuse_change(message), defined by pgRefuseChange below
// in each migration that uses it first (003 and 005, whichever runs first).
export const postgresDialect: Dialect = {
  pg: true,
  bigint: 'BIGINT',
  smallint: 'SMALLINT',
  bool: 'BOOLEAN',
  false: 'FALSE',
  serialKey: 'BIGSERIAL PRIMARY KEY',
  sortedText: 'TEXT COLLATE "C"',
  withoutRowid: '',
  constraint: (name) => `CONSTRAINT ${name} `,
  appendOnly: (table, changed, deleted) =>
    [
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change('${changed}');`,
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change('${deleted}');`,
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('${deleted}');`,
    ].join('\n'),
}

/**
 * The PostgreSQL trigger function behind appendOnly: the message comes from
 * the trigger's argument. CREATE OR REPLACE with the same text, so either
 * migration that needs it may run first.
 */
export const pgRefuseChange = `CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END $$;`

/** A migration: its SQL for one dialect. */
export type Migration = (d: Dialect) => string
