import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@yishi/migrations';
import { ENTITIES } from './entities';

/**
 * The one definition of Yishi's TypeORM DataSource, used by the API, the migration CLI and the
 * tests. The schema only ever changes through the migrations in `migrations/`.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    applicationName: 'yishi',
    extra: { max: 20 },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
