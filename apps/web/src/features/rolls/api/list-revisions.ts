import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { rollQueryKey } from './query-keys';

export type RollRevisionList = components['schemas']['RollRevisionListDto'];
export type RollKindCounts = components['schemas']['RollKindCountsDto'];

export const REVISIONS_PAGE_SIZE = 20;

/** `GET /api/units/{unitId}/roll/revisions`: the roll's versions, newest first. */
export function listRollRevisions(unitId: string, before: number | null, signal?: AbortSignal): Promise<RollRevisionList> {
  const query = { limit: REVISIONS_PAGE_SIZE, ...(before !== null ? { before } : {}) };
  return unwrap(apiClient.GET('/api/units/{unitId}/roll/revisions', { params: { path: { unitId }, query }, signal }));
}

export function getRollRevisionsQueryOptions(unitId: string) {
  return infiniteQueryOptions({
    queryKey: [...rollQueryKey(unitId), 'revisions'],
    queryFn: ({ pageParam, signal }) => listRollRevisions(unitId, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
    staleTime: 0,
  });
}

export function useRollRevisions(unitId: string) {
  return useInfiniteQuery(getRollRevisionsQueryOptions(unitId));
}
