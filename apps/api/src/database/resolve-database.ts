import type { Env } from '../config/env';
import { redactUrl, StartupError } from '../common/startup-error';
import type { RunningPostgres } from './embedded-postgres';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';

export interface ResolvedDatabase {
  url: string;
  /** Where the data live, for the start-up banner. */
  description: string;
  embedded: RunningPostgres | null;
  migrationsApplied: string[];
}

/**
 * `DATABASE_URL` when set, otherwise Yishi's own embedded PostgreSQL; then the migrations.
 * Unreachable servers become a one-line StartupError instead of a stack trace.
 */
export async function resolveDatabase(env: Env): Promise<ResolvedDatabase> {
  const embedded = env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT, onNotice: (line) => process.stdout.write(`${line}\n`) });
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    const migrationsApplied = await runMigrations(url);
    return {
      url,
      description: embedded
        ? `embedded PostgreSQL, data in ${env.EMBEDDED_PG_DIR}${embedded.dataDir === env.EMBEDDED_PG_DIR ? '' : ` (→ ${embedded.dataDir})`}`
        : `PostgreSQL at ${redactUrl(url)}`,
      embedded,
      migrationsApplied,
    };
  } catch (error) {
    await embedded?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      env.DATABASE_URL
        ? `Cannot use the database at DATABASE_URL=${redactUrl(env.DATABASE_URL)} (${reason}): check that the server runs and the URL is right, or unset DATABASE_URL to use the embedded one.`
        : `The embedded database could not be prepared (${reason}).`,
    );
  }
}
