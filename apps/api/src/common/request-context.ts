import { AsyncLocalStorage } from 'node:async_hooks';
import type { Grant } from '@yishi/domain';

/**
 * What the access guard read of the caller for a read (GET or HEAD) on a `@Permission` route, in
 * the statement that looked up the session: all of the account's grants, and the ancestry of each
 * node the route's target belongs to. PermissionsService answers the service's own access reads
 * for that account and those nodes from it, outside a transaction, instead of asking again.
 */
export interface RequestAccess {
  userId: string;
  grants: readonly Grant[];
  ancestries: Readonly<Record<string, readonly string[]>>;
}

/** The tables whose row the guard can hand on for a read (permissions/targets.ts TARGET_RECORD). */
export type RecordTable = 'consultation' | 'vote';

/**
 * The row a read's target hangs from (its consultation or its vote), as the guard's statement read
 * it (jsonb, as `to_jsonb` writes the row), with the target's nodes: what the service's first read
 * of that row would have returned a moment later, outside a transaction.
 */
export interface TargetRecord {
  table: RecordTable;
  row: Record<string, unknown>;
  nodes: readonly string[];
}

/** What every service may want to know about the request it serves, without passing it around. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  access?: RequestAccess;
  record?: TargetRecord;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext {
  return requestContext.getStore() ?? { requestId: null, ip: null, userAgent: null };
}

/**
 * The guard's read of row `id` of `table` for this request, once: the first read of it outside a
 * transaction (`m` has no query runner) takes it, and every later read asks the database again, so
 * a request that changes the row and reads it back sees its change. Undefined inside a
 * transaction (which reads under its own snapshot and locks), once the request has begun one
 * (TargetRecordExpiry drops it), outside a request, or when the guard read another row.
 */
export function takeTargetRecord(m: { queryRunner?: unknown }, table: RecordTable, id: string): TargetRecord | undefined {
  if (m.queryRunner) return undefined;
  const store = requestContext.getStore();
  const record = store?.record;
  if (!record || record.table !== table || record.row['id'] !== id) return undefined;
  store.record = undefined;
  return record;
}
