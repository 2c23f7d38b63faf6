/**
 * The backup and restore commands as a person runs them — the built commands `npm run backup -- <file>`
 * and `npm run restore -- <file>` start once they have built the API — against the PostgreSQL of
 * DATABASE_URL. The test starts the built commands itself, from the run's copy of the build
 * (builtCopy): `npm run` would rebuild dist/api while other test files run the built API from it (a
 * module missing mid-build made main.int-spec fail). A backup writes its zip; a
 * restore into an empty database brings the rows and the uploaded file back; a database that
 * holds anything, and a zip changed after it was written, are refused with one line saying why,
 * a non-zero exit and nothing written.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createEmptyDatabase, dropDatabase, withClient } from '../../test/postgres';
import { builtCopy } from '../../test/run-built-api';
import { createTestDatabase } from '../../test/test-app';

const ROOT = path.resolve(__dirname, '../../../..');
const PDF = Buffer.from('%PDF-1.4\n% 千灯湖片区联席会议纪要（第三次）\n%%EOF\n', 'utf8');
const STORAGE_KEY = '2026/12/0c0ffee0-0000-4000-8000-000000000001';

interface Run {
  code: number | null;
  stdout: string;
  /** What stderr said before the command's own `yishi: …` lines (nothing, for the built command). */
  build: string;
  /** What the command itself said on stderr: its `yishi: …` lines. */
  said: string;
}

/** The built command (what `npm run <command>` starts after its build), with only the environment given. */
function run(command: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCopy().cli(command), ...args], {
      cwd: ROOT,
      env: { PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH']!}`, HOME: process.env['HOME'] ?? os.homedir(), NX_NO_CLOUD: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const at = stderr.search(/^yishi: /m);
      resolve({ code, stdout, build: at < 0 ? stderr : stderr.slice(0, at), said: at < 0 ? '' : stderr.slice(at) });
    });
  });
}

const tablesIn = (url: string): Promise<number> =>
  withClient(url, async (c) => Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0]!.n));

describe('npm run backup and npm run restore', () => {
  const admin = process.env['YISHI_TEST_ADMIN_URL']!;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-cli-'));
  const uploads = path.join(folder, 'uploads');
  const file = path.join(folder, 'nightly.zip');
  let source: { url: string; drop(): Promise<void> };
  const empties: { name: string; url: string }[] = [];
  const envFor = (url: string, storage: string): Record<string, string> => ({
    DATABASE_URL: url,
    STORAGE_DIR: storage,
    // Never the developer's own embedded database, whatever happens.
    EMBEDDED_PG_DIR: path.join(folder, 'no-embedded-pg'),
  });
  const emptyDatabase = async (): Promise<string> => {
    const db = await createEmptyDatabase(admin, 'yishi_cli_restore');
    empties.push(db);
    return db.url;
  };

  beforeAll(async () => {
    // An instance with a street, the staff member who uploaded a document, and the document itself.
    source = await createTestDatabase();
    await withClient(source.url, async (c) => {
      await c.query(`INSERT INTO org_node (kind, code, name) VALUES ('street', 'guicheng', '桂城街道')`);
      const [user] = (await c.query<{ id: string }>(`INSERT INTO app_user (phone, display_name) VALUES ('13800138000', '梁秀英') RETURNING id`)).rows;
      await c.query(`INSERT INTO stored_file (mime, size_bytes, sha256, original_name, storage_key, created_by) VALUES ('application/pdf', $1, $2, '会议纪要.pdf', $3, $4)`, [
        PDF.length,
        createHash('sha256').update(PDF).digest('hex'),
        STORAGE_KEY,
        user!.id,
      ]);
    });
    fs.mkdirSync(path.dirname(path.join(uploads, STORAGE_KEY)), { recursive: true });
    fs.writeFileSync(path.join(uploads, STORAGE_KEY), PDF);
  });
  afterAll(async () => {
    await source.drop();
    for (const db of empties) await dropDatabase(admin, db.name);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('backs up into the named zip, and restores it into an empty database with its uploaded file', async () => {
    const backup = await run('backup', [file], envFor(source.url, uploads));
    // Nothing on stderr before the command's own lines: it started and ran.
    expect(backup.build).toBe('');
    expect(backup.said).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^Backup written: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n  \\d+ rows in \\d+ tables as of .+, 1 uploaded files, `));
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const target = await emptyDatabase();
    const restoredUploads = path.join(folder, 'uploads-restored');
    const restore = await run('restore', [file], envFor(target, restoredUploads));
    expect(restore.said).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .*nightly\.zip: \d+ rows in \d+ tables, 1 uploaded files into /);
    // The street and the document are there, the document byte for byte.
    const names = await withClient(target, async (c) => (await c.query<{ name: string }>(`SELECT name FROM org_node WHERE code = 'guicheng'`)).rows.map((r) => r.name));
    expect(names).toEqual(['桂城街道']);
    expect(fs.readFileSync(path.join(restoredUploads, STORAGE_KEY)).equals(PDF)).toBe(true);
  });

  it('refuses to restore into a database that is not empty, and leaves it as it was', async () => {
    const streets = () => withClient(source.url, async (c) => Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM org_node`)).rows[0]!.n));
    const before = await streets();
    const restore = await run('restore', [file], envFor(source.url, path.join(folder, 'uploads-refused')));
    expect(restore.code).toBe(1);
    expect(restore.stdout).toBe('');
    expect(restore.said).toBe('yishi: The database is not empty: restore into a new, empty one (another DATABASE_URL, or EMBEDDED_PG_DIR set to a new folder), so nothing already there is mixed with the backup.\n');
    expect(await streets()).toBe(before);
    expect(fs.existsSync(path.join(folder, 'uploads-refused'))).toBe(false);
  });

  it('refuses a zip changed after it was written, before writing anything', async () => {
    const entries = unzipSync(fs.readFileSync(file));
    const streets = Buffer.from(entries['db/org_node.jsonl']!).toString('utf8');
    expect(streets).toContain('桂城街道');
    const tampered = path.join(folder, 'tampered.zip');
    fs.writeFileSync(tampered, zipSync({ ...entries, 'db/org_node.jsonl': strToU8(streets.replace('桂城街道', '大沥镇')) }));
    const target = await emptyDatabase();
    const restore = await run('restore', [tampered], envFor(target, path.join(folder, 'uploads-tampered')));
    expect(restore.code).toBe(1);
    expect(restore.stdout).toBe('');
    expect(restore.said).toBe(`yishi: ${tampered}: the entry db/org_node.jsonl does not match its SHA-256 in the manifest; the file is damaged or was changed.\n`);
    expect(await tablesIn(target)).toBe(0);
    expect(fs.existsSync(path.join(folder, 'uploads-tampered'))).toBe(false);
  });
});
