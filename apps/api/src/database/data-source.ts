import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@yishi/migrations';
import { ENTITIES } from './entities';
import { PreparingClient } from './preparing-client';
import { TargetRecordExpiry } from './target-records';

/** Connections one API process opens at most (DB_POOL_SIZE shares this among the workers). */
export const DEFAULT_POOL_SIZE = 20;

/**
 * The one definition of Yishi's TypeORM DataSource, used by the API, the migration CLI and the
 * tests. The schema only ever changes through the migrations in `migrations/`.
 *
 * `preparedReads`: the pool's connections send reads as prepared statements (PreparingClient), for
 * the serving API. Off for migrations and tools, whose statements run once and may change the
 * tables between two reads.
 */
export function dataSourceOptions(url: string, poolSize = DEFAULT_POOL_SIZE, { preparedReads = false }: { preparedReads?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [TargetRecordExpiry],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    applicationName: 'yishi',
    // pipeline: a query issued while another is running on the same connection goes out at once
    // instead of after its answer (PostgreSQL answers in order). Code that awaits each query runs
    // as before; the cast sends BEGIN with its first statement (casting.service.ts).
    extra: { max: poolSize, pipeline: true, ...(preparedReads ? { Client: PreparingClient } : {}) },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
