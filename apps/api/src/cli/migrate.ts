// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import 'reflect-metadata';
import { StartupError } from '../common/startup-error';
import { loadEnv } from '../config/env';
import { resolveDatabase } from '../database/resolve-database';

async function main(): Promise<void> {
  const database = await resolveDatabase(loadEnv());
  try {
    const applied = database.migrationsApplied;
    process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'The schema is up to date.\n');
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`yishi: ${error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
