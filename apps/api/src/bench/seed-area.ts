/**
 * `npm run seed:area`: writes the 千灯湖 area (see area.ts) into Yishi's database — DATABASE_URL,
 * or the embedded PostgreSQL in .data — migrating it first. Refuses a database that already holds
 * the area. Accounts have no password: sign in through an in-person reset or write sessions.
 *
 * Environment: as `npm start` (DATABASE_URL, APP_SECRET or .data/app-secret: ballot receipts are
 * keyed with it, so seed with the secret the server will run with).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createApp } from '../app.factory';
import { StartupError } from '../common/startup-error';
import { resolveAppSecret } from '../config/app-secret';
import { loadEnv } from '../config/env';
import { resolveDatabase } from '../database/resolve-database';
import { areaExists, QIANDENGHU, seedArea } from './area';
import { DataSource } from 'typeorm';

async function main(): Promise<void> {
  const env = { ...loadEnv(), JOBS: false, DEMO_DATA: false, LOG_LEVEL: 'warn' as const };
  const database = await resolveDatabase(env);
  try {
    const app = await createApp({ env, databaseUrl: database.url, secret: resolveAppSecret(env) });
    try {
      const dataSource = app.get(DataSource);
      if (await areaExists((sql, params) => dataSource.query(sql, params))) {
        throw new StartupError(`${database.description} already holds the 千灯湖 area: seed into an empty database (set DATABASE_URL to another one).`);
      }
      const started = performance.now();
      process.stderr.write(`seeding the 千灯湖 area into ${database.description}…\n`);
      const { area, activity } = await seedArea(app, QIANDENGHU);
      const lines = [
        `The 千灯湖 area is written (${((performance.now() - started) / 1000).toFixed(1)} s):`,
        ...Object.entries({ ...area.counts, ...activity.counts }).map(([k, n]) => `  ${k.padEnd(22)} ${n.toLocaleString('en')}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`yishi: ${error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
