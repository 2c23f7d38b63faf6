import type { TxQuery } from '../database/pooled';

/**
 * The backup's statements. A backup is of the whole database, so these name every table by design
 * (from the catalogue, never by a feature's name), on the one connection a backup or a restore
 * holds: the snapshot a backup reads in, each table's rows out as JSON lines and back in, the
 * applied migrations, and the identity sequences after a load. The uploaded files a snapshot
 * names come from the storage store (`storedFileDigests`).
 */

/** The migrations' own bookkeeping table: its rows are the schema's name, not data to back up. */
const MIGRATIONS_TABLE = 'schema_migration';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Runs `work` in one REPEATABLE READ, read-only snapshot, given the moment of the snapshot as the
 * database's clock has it: everything `work` reads is that one moment of the database.
 */
export async function inSnapshot<T>(q: TxQuery, work: (snapshotAt: Date) => Promise<T>): Promise<T> {
  await q('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const [{ now }] = (await q<{ now: Date }>('SELECT now() AS now')) as [{ now: Date }];
    const result = await work(now);
    await q('COMMIT');
    return result;
  } catch (error) {
    await q('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The names of the applied migrations, in order; none on a database without Yishi's schema. */
export async function appliedMigrations(q: TxQuery): Promise<string[]> {
  const exists = await q(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = $1`, [MIGRATIONS_TABLE]);
  if (exists.length === 0) return [];
  const rows = await q<{ name: string }>(`SELECT name FROM ${quoteIdent(MIGRATIONS_TABLE)} ORDER BY id`);
  return rows.map((r) => r.name);
}

/** The application's tables (the migrations' own bookkeeping aside), in a stable order. */
export async function applicationTables(q: TxQuery): Promise<string[]> {
  const rows = await q<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename`, [MIGRATIONS_TABLE]);
  return rows.map((r) => r.name);
}

/**
 * The rows of `table`, each as one line of JSON (`to_jsonb`), `batch` at a time through a cursor:
 * a table of millions of ballots never sits in memory whole. Inside a transaction (a snapshot).
 */
export async function* tableRows(q: TxQuery, table: string, batch: number): AsyncGenerator<string[]> {
  await q(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${quoteIdent(table)} t`);
  try {
    for (;;) {
      const rows = await q<{ row: string }>(`FETCH ${batch} FROM backup_rows`);
      if (rows.length === 0) return;
      yield rows.map((r) => r.row);
    }
  } finally {
    await q('CLOSE backup_rows');
  }
}

/** Whether any of `tables` holds a row. */
export async function anyRows(q: TxQuery, tables: readonly string[]): Promise<boolean> {
  for (const table of tables) {
    if ((await q(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`)).length > 0) return true;
  }
  return false;
}

/**
 * Runs `work` in one transaction with foreign keys and triggers set aside, as pg_restore loads
 * data: the order of tables does not matter and the append-only tables take their rows. Needs a
 * superuser (PostgreSQL refuses `session_replication_role` to others; the embedded one is).
 */
export async function inLoad<T>(q: TxQuery, work: () => Promise<T>): Promise<T> {
  await q('BEGIN');
  try {
    await q(`SET LOCAL session_replication_role = replica`);
    const result = await work();
    await q('COMMIT');
    return result;
  } catch (error) {
    await q('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The columns a row of `table` is written with (generated ones are computed, not written), in order. */
async function writableColumns(q: TxQuery, table: string): Promise<string[]> {
  const rows = await q<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [quoteIdent(table)],
  );
  return rows.map((r) => quoteIdent(r.name));
}

/** Writes rows of `table` given as lines of JSON (as `tableRows` reads them), `batch` at a time, identities as they were. */
export async function insertRows(q: TxQuery, table: string, lines: readonly string[], batch: number): Promise<void> {
  const list = (await writableColumns(q, table)).join(', ');
  for (let i = 0; i < lines.length; i += batch) {
    await q(`INSERT INTO ${quoteIdent(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM jsonb_populate_recordset(NULL::${quoteIdent(table)}, $1::jsonb)`, [
      `[${lines.slice(i, i + batch).join(',')}]`,
    ]);
  }
}

/** Moves every identity and serial column's sequence past the rows its table holds. */
export async function moveSequencesPastRows(q: TxQuery): Promise<void> {
  const columns = await q<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
  );
  for (const c of columns) {
    await q(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quoteIdent(c.column_name)}) FROM ${quoteIdent(c.table_name)}), 0) + 1, false)`, [
      quoteIdent(c.table_name),
      c.column_name,
    ]);
  }
}
