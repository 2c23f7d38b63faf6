import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { Client } from 'pg';
import { runMigrations } from '../database/migrate';
import { LocalFolderStorage } from '../storage/file-storage';

/**
 * A backup of one Yishi instance in a single zip file: every table's rows as JSON lines, read in
 * one REPEATABLE READ snapshot (so the dump is one moment of the database: a ballot acknowledged
 * before that moment is in it, with the chain line sealing it if it was sealed), the uploaded files
 * the snapshot names, and a manifest listing each entry with its SHA-256, the row counts and the
 * schema's migrations.
 *
 * A restore loads it into an empty instance: the schema of the backup's migrations first, then
 * every row in one transaction (foreign keys and triggers set aside while loading, as pg_restore
 * does, so the order of tables does not matter and the append-only triggers let the rows in), the
 * identity sequences moved past the restored rows, then any newer migrations of this build. It
 * checks what the file says, not what it kept: an entry missing from the manifest, a manifest
 * entry missing from the file, a SHA-256 or a row count that differs, refuses the restore.
 */

export const BACKUP_FORMAT = 'yishi-backup';
export const BACKUP_FORMAT_VERSION = 1;
const BATCH = 1000;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** The moment of the snapshot, as the database's clock had it. */
  snapshotAt: string;
  /** The schema the rows belong to: the names of the applied migrations, in order. */
  migrations: string[];
  tables: { name: string; rows: number; entry: string; sha256: string }[];
  files: { key: string; sizeBytes: number; sha256: string; entry: string }[];
  /** Files the database names but the storage folder did not have when the backup was taken. */
  missingFiles: string[];
}

export class BackupError extends Error {}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The application's tables (the migrations' own bookkeeping aside), in a stable order. */
async function tablesOf(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY tablename`);
  return rows.map((r) => r.name);
}

async function migrationsOf(client: Client): Promise<string[]> {
  const exists = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'schema_migration'`);
  if (exists.rowCount === 0) return [];
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`);
  return rows.map((r) => r.name);
}

/** Writes the backup of the database at `url` (and the files of `storageDir` it names) to `outFile`. */
export async function writeBackup(url: string, storageDir: string, outFile: string): Promise<BackupManifest> {
  const client = new Client({ connectionString: url, application_name: 'yishi-backup' });
  await client.connect();
  const partial = `${outFile}.partial`;
  const out = fs.createWriteStream(partial);
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const failed: { error?: Error } = {};
  const zip = new Zip((error, chunk, final) => {
    if (error) failed.error = error;
    else out.write(chunk);
    if (final || error) out.end();
  });
  const add = (entry: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<string> =>
    (async () => {
      const file = new ZipDeflate(entry, { level: 6 });
      zip.add(file);
      const hash = createHash('sha256');
      for await (const chunk of chunks) {
        hash.update(chunk);
        file.push(chunk);
      }
      file.push(new Uint8Array(0), true);
      return hash.digest('hex');
    })();
  try {
    // One snapshot for every table and the list of files: the dump is one moment of the database.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ now }] = (await client.query<{ now: Date }>('SELECT now() AS now')).rows as [{ now: Date }];
    const migrations = await migrationsOf(client);
    if (migrations.length === 0) throw new BackupError('The database has no Yishi schema (no migrations applied): nothing to back up.');
    const tables: BackupManifest['tables'] = [];
    for (const name of await tablesOf(client)) {
      let rows = 0;
      const entry = `db/${name}.jsonl`;
      const cursor = `backup_${tables.length}`;
      await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${quoteIdent(name)} t`);
      const batches = async function* (): AsyncGenerator<Uint8Array> {
        for (;;) {
          const { rows: batch } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM ${cursor}`);
          if (batch.length === 0) return;
          rows += batch.length;
          yield Buffer.from(batch.map((r) => `${r.row}\n`).join(''), 'utf8');
        }
      };
      const hash = await add(entry, batches());
      await client.query(`CLOSE ${cursor}`);
      tables.push({ name, rows, entry, sha256: hash });
    }
    const storage = new LocalFolderStorage(storageDir);
    const files: BackupManifest['files'] = [];
    const missingFiles: string[] = [];
    const stored = await client.query<{ storage_key: string; sha256: string; size_bytes: number }>(`SELECT storage_key, sha256, size_bytes FROM stored_file ORDER BY storage_key`);
    for (const f of stored.rows) {
      let bytes: Buffer;
      try {
        bytes = await storage.get(f.storage_key);
      } catch {
        missingFiles.push(f.storage_key);
        continue;
      }
      if (sha256(bytes) !== f.sha256) {
        missingFiles.push(f.storage_key);
        continue;
      }
      const entry = `files/${f.storage_key}`;
      files.push({ key: f.storage_key, sizeBytes: bytes.length, sha256: await add(entry, [bytes]), entry });
    }
    await client.query('COMMIT');
    const manifest: BackupManifest = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, snapshotAt: now.toISOString(), migrations, tables, files, missingFiles };
    await add('manifest.json', [Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')]);
    zip.end();
    await written;
    if (failed.error) throw failed.error;
    fs.renameSync(partial, outFile);
    return manifest;
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** The archive's entries, checked against its manifest: nothing more, nothing less, nothing changed. */
export function readArchive(file: string): { manifest: BackupManifest; entries: Record<string, Uint8Array> } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(fs.readFileSync(file));
  } catch (error) {
    throw new BackupError(`${file} is not a Yishi backup (not a readable zip file: ${error instanceof Error ? error.message : String(error)}).`);
  }
  const raw = entries['manifest.json'];
  if (!raw) throw new BackupError(`${file} is not a Yishi backup: it has no manifest.json.`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(Buffer.from(raw).toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${file}: manifest.json is not valid JSON.`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`${file} is not a Yishi backup of format ${BACKUP_FORMAT} version ${BACKUP_FORMAT_VERSION} (it says ${String(manifest.format)} ${String(manifest.formatVersion)}).`);
  }
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.files) || !Array.isArray(manifest.migrations)) throw new BackupError(`${file}: the manifest lacks its tables, files or migrations.`);
  const listed = new Map<string, string>([...manifest.tables.map((t) => [t.entry, t.sha256] as const), ...manifest.files.map((f) => [f.entry, f.sha256] as const)]);
  for (const name of Object.keys(entries)) {
    if (name === 'manifest.json') continue;
    const expected = listed.get(name);
    if (expected === undefined) throw new BackupError(`${file}: the entry ${name} is not in the manifest; the file was changed after it was written.`);
    if (sha256(entries[name]!) !== expected) throw new BackupError(`${file}: the entry ${name} does not match its SHA-256 in the manifest; the file is damaged or was changed.`);
  }
  for (const name of listed.keys()) if (!(name in entries)) throw new BackupError(`${file}: the manifest lists ${name}, which the file does not hold.`);
  return { manifest, entries };
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
  /** Migrations of this build newer than the backup, applied after loading it. */
  migratedAfter: string[];
}

/**
 * Loads the backup `file` into the empty database at `url` and its files into `storageDir`. The
 * backup's schema must be this build's or an older one: a backup of a newer Yishi is refused.
 */
export async function restoreBackup(url: string, storageDir: string, file: string): Promise<RestoreSummary> {
  const { manifest, entries } = readArchive(file);
  const client = new Client({ connectionString: url, application_name: 'yishi-restore' });
  await client.connect();
  try {
    const present = await migrationsOf(client);
    if (present.length > 0) {
      const tables = await tablesOf(client);
      let rows = 0;
      for (const t of tables) rows += Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${quoteIdent(t)} LIMIT 1) AS any_row`)).rows[0]!.n);
      if (rows > 0) {
        throw new BackupError('The database is not empty: restore into a new, empty one (another DATABASE_URL, or EMBEDDED_PG_DIR set to a new folder), so nothing already there is mixed with the backup.');
      }
      if (present.length > manifest.migrations.length || present.some((name, i) => manifest.migrations[i] !== name)) {
        throw new BackupError('The empty database already has a schema other than the backup’s: restore into a database with no schema at all.');
      }
    }
    // The backup's own schema first: its rows fit that schema, newer migrations then carry them forward.
    await runMigrations(url, manifest.migrations);

    // The files first: rows naming a file are only committed once it is there.
    const storage = new LocalFolderStorage(storageDir);
    for (const f of manifest.files) await storage.put(f.key, Buffer.from(entries[f.entry]!));

    let rows = 0;
    await client.query('BEGIN');
    try {
      // As pg_restore loads data: foreign keys and triggers wait, so the order of tables does not
      // matter and the append-only tables take their rows. Needs a superuser (the embedded one is).
      await client.query(`SET LOCAL session_replication_role = replica`);
      const known = new Set(await tablesOf(client));
      for (const table of manifest.tables) {
        if (!known.has(table.name)) throw new BackupError(`The backup holds a table ${table.name} this schema does not have.`);
        const columns = (
          await client.query<{ name: string }>(
            `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
            [quoteIdent(table.name)],
          )
        ).rows.map((r) => quoteIdent(r.name));
        const lines = Buffer.from(entries[table.entry]!).toString('utf8').split('\n').filter(Boolean);
        if (lines.length !== table.rows) throw new BackupError(`${table.entry} holds ${lines.length} rows, the manifest says ${table.rows}.`);
        for (let i = 0; i < lines.length; i += BATCH) {
          const batch = `[${lines.slice(i, i + BATCH).join(',')}]`;
          const list = columns.join(', ');
          await client.query(`INSERT INTO ${quoteIdent(table.name)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM jsonb_populate_recordset(NULL::${quoteIdent(table.name)}, $1::jsonb)`, [batch]);
        }
        rows += lines.length;
      }
      // Identity and serial columns go on after the restored rows.
      const sequences = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
      );
      for (const s of sequences.rows) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quoteIdent(s.column_name)}) FROM ${quoteIdent(s.table_name)}), 0) + 1, false)`,
          [quoteIdent(s.table_name), s.column_name],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof Error && /permission denied to set parameter "session_replication_role"/.test(error.message)) {
        throw new BackupError('Restoring needs a superuser connection (to load rows with their foreign keys and triggers set aside, as pg_restore does): use the database owner’s superuser account in DATABASE_URL.');
      }
      throw error;
    }
    const migratedAfter = await runMigrations(url);
    return { tables: manifest.tables.length, rows, files: manifest.files.length, migratedAfter };
  } finally {
    await client.end();
  }
}

/** A file name for a new backup: `yishi-backup-2026-12-05T10-31-07Z.zip` in `folder`. */
export function backupFileName(folder: string, at = new Date()): string {
  return path.join(folder, `yishi-backup-${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.zip`);
}
