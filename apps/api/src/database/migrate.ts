import { withAdvisoryLock } from './advisory-lock';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { MIGRATIONS } from '@yishi/migrations';

/** Any fixed 64-bit number; all Yishi instances agree on it so only one migrates at a time. */
const MIGRATION_LOCK = 7_301_944_128_001;

/**
 * Applies pending migrations, each in its own transaction, holding an advisory lock so several
 * instances starting together never run the same migration twice. Returns the names applied.
 * With `upTo` (a restore loading an older backup), only those migrations, which must be the
 * first ones of this build, in order.
 */
export async function runMigrations(url: string, upTo?: readonly string[]): Promise<string[]> {
  let migrations = MIGRATIONS;
  if (upTo) {
    const names = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);
    if (upTo.length > names.length || upTo.some((name, i) => names[i] !== name)) {
      throw new Error(`the schema (${upTo.length} migrations, the last ${upTo.at(-1) ?? 'none'}) is not one this build knows: it comes from a newer or a different Yishi`);
    }
    migrations = MIGRATIONS.slice(0, upTo.length);
  }
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrations });
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
