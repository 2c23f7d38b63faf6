// `npm run db:generate -- <Name>`: diff the entities against a scratch database migrated to the
// latest migration, and write the difference as migrations/<timestamp>-<Name>.ts. Read it,
// complete it by hand where TypeORM cannot express a rule, and add it to migrations/index.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { bin, ROOT, run } from './run.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run db:generate -- <PascalCaseName>');
  process.exit(2);
}
if (run(bin('nx'), ['run', 'api:build', '--output-style=static']) !== 0) process.exit(1);

const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(ROOT, 'dist/api/apps/api/src', file));
const { startEmbeddedPostgres } = dist('database/embedded-postgres.js');
const { runMigrations } = dist('database/migrate.js');

let embedded = null;
let folder = null;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-gen-'));
  fs.chmodSync(folder, 0o755);
  embedded = await startEmbeddedPostgres({ dir: path.join(folder, 'pg'), port: 0 });
  adminUrl = embedded.url;
}
const scratch = `yishi_gen_${process.pid}`;
const admin = async (sql) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
const before = new Set(fs.readdirSync(path.join(ROOT, 'migrations')));
let status = 1;
try {
  await admin(`CREATE DATABASE ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  await runMigrations(url.toString());
  status = run(process.execPath, [
    'node_modules/typeorm/cli.js',
    'migration:generate',
    `migrations/${name}`,
    '-d',
    'dist/api/apps/api/src/database/cli-data-source.js',
  ], { env: { DATABASE_URL: url.toString() } });
} finally {
  await admin(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch(() => undefined);
  await embedded?.stop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
}
const created = fs.readdirSync(path.join(ROOT, 'migrations')).filter((f) => !before.has(f));
if (status === 0 && created.length > 0) {
  console.log(`Wrote migrations/${created.join(', ')}: read it, add what TypeORM cannot express, and list it in migrations/index.ts.`);
}
process.exit(status);
