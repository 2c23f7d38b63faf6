// `npm run restore -- <backup.zip>`: loads a backup into an empty instance (DATABASE_URL, or the
// embedded PostgreSQL's folder, which must not be in use) and its files into STORAGE_DIR.
import 'reflect-metadata';
import path from 'node:path';
import { BackupError, restoreBackup } from '../backup/backup-archive';
import { StartupError } from '../common/startup-error';
import { loadEnv } from '../config/env';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../database/embedded-postgres';

async function main(): Promise<void> {
  const env = loadEnv();
  const file = process.argv[2];
  if (!file) throw new BackupError('Name the backup to restore: npm run restore -- .data/backups/yishi-backup-….zip');
  if (!env.DATABASE_URL && runningEmbeddedUrl(env.EMBEDDED_PG_DIR)) {
    throw new BackupError(`Yishi is running on ${env.EMBEDDED_PG_DIR}: a restore goes into an empty instance. Stop it, or set EMBEDDED_PG_DIR to a new folder for the restored one.`);
  }
  const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: 0 });
  try {
    const summary = await restoreBackup(env.DATABASE_URL ?? embedded!.url, env.STORAGE_DIR, path.resolve(file));
    process.stdout.write(
      `Restored ${path.resolve(file)}: ${summary.rows} rows in ${summary.tables} tables, ${summary.files} uploaded files into ${env.STORAGE_DIR}` +
        (summary.migratedAfter.length ? `; then applied ${summary.migratedAfter.length} newer migration(s)` : '') +
        `.\nStart it with npm start${env.DATABASE_URL ? '' : ` (EMBEDDED_PG_DIR=${env.EMBEDDED_PG_DIR})`} and DEMO_DATA=false.\n`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`yishi: ${error instanceof StartupError || error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
