import { withAdvisoryLock } from './advisory-lock';
import { createDataSource } from './data-source';

/** Any fixed 64-bit number; all Yishi instances agree on it so only one migrates at a time. */
const MIGRATION_LOCK = 7_301_944_128_001;

/**
 * Applies pending migrations, each in its own transaction, holding an advisory lock so several
 * instances starting together never run the same migration twice. Returns the names applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    return await withAdvisoryLock(dataSource, MIGRATION_LOCK, async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    });
  } finally {
    await dataSource.destroy();
  }
}
