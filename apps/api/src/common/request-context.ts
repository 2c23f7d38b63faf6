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

/** What every service may want to know about the request it serves, without passing it around. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  access?: RequestAccess;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext {
  return requestContext.getStore() ?? { requestId: null, ip: null, userAgent: null };
}
