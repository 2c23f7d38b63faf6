import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { Client } from 'pg';
import { runMigrations } from '../database/migrate';
import { onClient } from '../database/pooled';
import { LocalFolderStorage } from '../storage/file-storage';
import { storedFileDigests } from '../storage/storage-store';
import { anyRows, applicationTables, appliedMigrations, inLoad, inSnapshot, insertRows, moveSequencesPastRows, tableRows } from './backup-store';

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

/** Writes the backup of the database at `url` (and the files of `storageDir` it names) to `outFile`. */
export async function writeBackup(url: string, storageDir: string, outFile: string): Promise<BackupManifest> {
  const client = new Client({ connectionString: url, application_name: 'yishi-backup' });
  await client.connect();
  const q = onClient(client);
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
  /** A table's rows as one entry, streamed batch by batch. */
  const addTable = async (name: string): Promise<BackupManifest['tables'][number]> => {
    let rows = 0;
    const entry = `db/${name}.jsonl`;
    const lines = async function* (): AsyncGenerator<Uint8Array> {
      for await (const batch of tableRows(q, name, BATCH)) {
        rows += batch.length;
        yield Buffer.from(batch.map((row) => `${row}\n`).join(''), 'utf8');
      }
    };
    const hash = await add(entry, lines());
    return { name, rows, entry, sha256: hash };
  };
  /** The uploaded files the database names, each as it was stored (same SHA-256), or listed as missing. */
  const addFiles = async (named: { storageKey: string; sha256: string }[]): Promise<Pick<BackupManifest, 'files' | 'missingFiles'>> => {
    const storage = new LocalFolderStorage(storageDir);
    const files: BackupManifest['files'] = [];
    const missingFiles: string[] = [];
    for (const f of named) {
      let bytes: Buffer | null;
      try {
        bytes = await storage.get(f.storageKey);
      } catch {
        bytes = null;
      }
      if (bytes === null || sha256(bytes) !== f.sha256) {
        missingFiles.push(f.storageKey);
        continue;
      }
      const entry = `files/${f.storageKey}`;
      files.push({ key: f.storageKey, sizeBytes: bytes.length, sha256: await add(entry, [bytes]), entry });
    }
    return { files, missingFiles };
  };
  try {
    // One snapshot for every table and the list of files: the dump is one moment of the database.
    const manifest = await inSnapshot(q, async (at): Promise<BackupManifest> => {
      const migrations = await appliedMigrations(q);
      if (migrations.length === 0) throw new BackupError('The database has no Yishi schema (no migrations applied): nothing to back up.');
      const tables: BackupManifest['tables'] = [];
      for (const name of await applicationTables(q)) tables.push(await addTable(name));
      const { files, missingFiles } = await addFiles(await storedFileDigests(q));
      return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, snapshotAt: at.toISOString(), migrations, tables, files, missingFiles };
    });
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
  const q = onClient(client);
  try {
    const present = await appliedMigrations(q);
    if (present.length > 0) {
      if (await anyRows(q, await applicationTables(q))) {
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
    try {
      await inLoad(q, async () => {
        const known = new Set(await applicationTables(q));
        for (const table of manifest.tables) {
          if (!known.has(table.name)) throw new BackupError(`The backup holds a table ${table.name} this schema does not have.`);
          const lines = Buffer.from(entries[table.entry]!).toString('utf8').split('\n').filter(Boolean);
          if (lines.length !== table.rows) throw new BackupError(`${table.entry} holds ${lines.length} rows, the manifest says ${table.rows}.`);
          await insertRows(q, table.name, lines, BATCH);
          rows += lines.length;
        }
        // Identity and serial columns go on after the restored rows.
        await moveSequencesPastRows(q);
      });
    } catch (error) {
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
