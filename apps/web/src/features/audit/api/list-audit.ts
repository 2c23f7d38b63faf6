import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type AuditPage = components['schemas']['AuditPageDto'];
export type AuditEntry = components['schemas']['AuditEntryDto'];

export const AUDIT_PAGE_SIZE = 20;

/** `GET /api/nodes/{nodeId}/audit`: a page of the trail of a node and all below it, newest first. */
export function listAudit(nodeId: string, options: { before?: string; action?: string }, signal?: AbortSignal): Promise<AuditPage> {
  const query = { limit: AUDIT_PAGE_SIZE, ...(options.before ? { before: options.before } : {}), ...(options.action ? { action: options.action } : {}) };
  return unwrap(apiClient.GET('/api/nodes/{nodeId}/audit', { params: { path: { nodeId }, query }, signal }));
}

export function getAuditQueryOptions(nodeId: string, action: string | null) {
  return infiniteQueryOptions({
    queryKey: ['audit', nodeId, action ?? 'all'],
    queryFn: ({ pageParam, signal }) => listAudit(nodeId, { before: pageParam ?? undefined, action: action ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    // The trail grows with every change anyone makes: always read it afresh when opened.
    staleTime: 0,
  });
}

export function useAudit(nodeId: string, action: string | null) {
  return useInfiniteQuery(getAuditQueryOptions(nodeId, action));
}
