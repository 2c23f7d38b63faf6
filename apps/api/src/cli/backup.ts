// `npm run backup [-- <file or folder>]`: a consistent backup of a running Yishi (DATABASE_URL, or
// the embedded PostgreSQL, running or not) and its uploaded files, in one zip file.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError, backupFileName, writeBackup } from '../backup/backup-archive';
import { StartupError } from '../common/startup-error';
import { loadEnv, WORKSPACE_ROOT } from '../config/env';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../database/embedded-postgres';

async function main(): Promise<void> {
  const env = loadEnv();
  const target = process.argv[2] ?? path.join(WORKSPACE_ROOT, '.data', 'backups');
  const file = target.endsWith('.zip') ? path.resolve(target) : backupFileName(path.resolve(target));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The running instance's own database: DATABASE_URL, or the embedded server on its folder.
  const running = env.DATABASE_URL ?? runningEmbeddedUrl(env.EMBEDDED_PG_DIR);
  const embedded = running ? null : await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: 0 });
  try {
    const manifest = await writeBackup(running ?? embedded!.url, env.STORAGE_DIR, file);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    process.stdout.write(
      `Backup written: ${file}\n  ${rows} rows in ${manifest.tables.length} tables as of ${manifest.snapshotAt}, ${manifest.files.length} uploaded files, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB\n`,
    );
    if (manifest.missingFiles.length > 0) {
      process.stderr.write(`yishi: ${manifest.missingFiles.length} uploaded file(s) the database names are missing or damaged in ${env.STORAGE_DIR} and are not in the backup: ${manifest.missingFiles.join(', ')}\n`);
      process.exitCode = 2;
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`yishi: ${error instanceof StartupError || error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
