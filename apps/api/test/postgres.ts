/**
 * PostgreSQL for the test suites: the server named by DATABASE_URL when set (the project's
 * machines run one on 127.0.0.1:5432), otherwise an embedded server in a temporary folder.
 * Each test file gets its own database, cloned from a template that the migrations built once.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { RunningPostgres } from '../src/database/embedded-postgres';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { MIGRATIONS } from '@yishi/migrations';
import { runMigrations } from '../src/database/migrate';

export interface TestServer {
  /** A URL with rights to create and drop databases. */
  adminUrl: string;
  embedded: RunningPostgres | null;
  folder: string | null;
}

export async function startTestServer(): Promise<TestServer> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    return { adminUrl: url, embedded: null, folder: null };
  }
  // The embedded server runs as the `postgres` user when we are root: its folder must be
  // reachable by that user, so the parent is world-readable (mkdtemp makes it 0700).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-test-pg-'));
  fs.chmodSync(folder, 0o755);
  const embedded = await startEmbeddedPostgres({ dir: path.join(folder, 'data'), port: 0 });
  return { adminUrl: embedded.url, embedded, folder };
}

export async function stopTestServer(server: TestServer): Promise<void> {
  await server.embedded?.stop();
  if (server.folder) fs.rmSync(server.folder, { recursive: true, force: true });
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Creates an empty database and applies every migration: the template for test databases. */
export async function createTemplate(adminUrl: string): Promise<string> {
  const name = uniqueDatabaseName('yishi_tpl');
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  await runMigrations(databaseUrl(adminUrl, name));
  return name;
}

/** A fresh database for one test file: a copy of the migrated template (fast, no migrations). */
export async function cloneDatabase(adminUrl: string, template: string, prefix = 'yishi_t'): Promise<{ name: string; url: string }> {
  const name = uniqueDatabaseName(prefix);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return { name, url: databaseUrl(adminUrl, name) };
}

/**
 * Applies to `url` the migrations that come before the migration `name` of this build, as an
 * older build left its databases: to write rows there and see what the newer migrations do to them.
 */
export async function migrateBefore(url: string, name: string): Promise<void> {
  const names = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);
  if (!names.includes(name)) throw new Error(`this build has no migration ${name}`);
  await runMigrations(url, names.slice(0, names.indexOf(name)));
}

/** What a migration spec works with in its database: the connection, an INSERT … that gives the new row's id, and the rest of the migrations. */
export interface BeforeMigration {
  pg: Client;
  insert(sql: string, params?: unknown[]): Promise<string>;
  migrateRest(): Promise<void>;
}

/**
 * For a migration spec: an empty database of its own migrated up to just before the migration
 * `name` (migrateBefore), where `work` writes rows as an older build would and then applies the
 * rest (`migrateRest`) to see what the migration does to them. The database is dropped afterwards.
 */
export async function beforeMigration(name: string, prefix: string, work: (db: BeforeMigration) => Promise<void>): Promise<void> {
  const adminUrl = process.env['YISHI_TEST_ADMIN_URL']!;
  const database = await createEmptyDatabase(adminUrl, prefix);
  try {
    await migrateBefore(database.url, name);
    await withClient(database.url, (pg) =>
      work({
        pg,
        insert: async (sql, params = []) => (await pg.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]!.id,
        migrateRest: async () => void (await runMigrations(database.url)),
      }),
    );
  } finally {
    await dropDatabase(adminUrl, database.name);
  }
}

export async function createEmptyDatabase(adminUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  const name = uniqueDatabaseName(prefix);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return { name, url: databaseUrl(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
