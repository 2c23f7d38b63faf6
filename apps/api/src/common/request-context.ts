import { AsyncLocalStorage } from 'node:async_hooks';

/** What every service may want to know about the request it serves, without passing it around. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext {
  return requestContext.getStore() ?? { requestId: null, ip: null, userAgent: null };
}
