import type { ClientBase, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';

/**
 * One query on a caller's connection or transaction, rows out. A `name` asks for a prepared
 * statement where the connection is a `pg` client (onClient: parsed once per connection, for the
 * statements every cast runs); elsewhere it is ignored.
 */
export type TxQuery = <T = unknown>(sql: string, params?: unknown[], name?: string) => Promise<T[]>;

/** A caller's transaction or connection, as the feature stores take it: an EntityManager, or a TxQuery. */
export type Queryable = EntityManager | TxQuery;

/** A Queryable as a TxQuery. */
export function queryOn(q: Queryable): TxQuery {
  return typeof q === 'function' ? q : <T>(sql: string, params?: unknown[]): Promise<T[]> => q.query<T[]>(sql, params);
}

/**
 * A connection of the API's own pool (TypeORM's), straight through `pg`, with the function that
 * gives it back (`release(error)` drops a broken one instead). For the paths every request or
 * every ballot takes: TypeORM's per-query machinery (a query runner, events, logging hooks)
 * cost more CPU there than the statements themselves.
 */
export function pooledConnection(dataSource: DataSource): Promise<[PoolClient, (error?: Error) => void]> {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<[PoolClient, (error?: Error) => void]> };
  return driver.obtainMasterConnection();
}

/** A `pg` client's query as a TxQuery, failing with TypeORM's QueryFailedError (which the API's error filter maps). */
export function onClient(client: ClientBase): TxQuery {
  return async <T>(sql: string, params?: unknown[], name?: string): Promise<T[]> => {
    try {
      return (await client.query<T & QueryResultRow>(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows;
    } catch (error) {
      throw new QueryFailedError(sql, params, error as Error);
    }
  };
}

/**
 * One statement on a pooled connection (see pooledConnection), outside any transaction. A `name`
 * makes it a prepared statement: each connection parses and plans it once, for the statements
 * nearly every request runs.
 */
export async function pooledQuery<T>(dataSource: DataSource, sql: string, params: unknown[], name?: string): Promise<T[]> {
  const [client, release] = await pooledConnection(dataSource);
  try {
    return (await client.query<T & QueryResultRow>({ name, text: sql, values: params })).rows;
  } catch (error) {
    throw new QueryFailedError(sql, params, error as Error);
  } finally {
    release();
  }
}
