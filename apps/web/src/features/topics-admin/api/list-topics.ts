import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { IntakeChannel, TopicStatus } from '@yishi/contracts';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { unitTopicsKey } from '../../../shared/consultations/query-keys';

export type Topic = components['schemas']['TopicDto'];
export type TopicPage = components['schemas']['TopicPageDto'];

export const TOPICS_PAGE_SIZE = 20;

export interface TopicSearch {
  status: TopicStatus | null;
  channel: IntakeChannel | null;
  /** 1-based. */
  page: number;
}

/** `GET /api/units/{unitId}/topics`: a unit's topics, newest first, by status and channel, a page at a time. */
export function listTopics(unitId: string, search: TopicSearch, pageSize = TOPICS_PAGE_SIZE, signal?: AbortSignal): Promise<TopicPage> {
  const query = { page: search.page, pageSize, ...(search.status ? { status: search.status } : {}), ...(search.channel ? { channel: search.channel } : {}) };
  return unwrap(apiClient.GET('/api/units/{unitId}/topics', { params: { path: { unitId }, query }, signal }));
}

export function getTopicsQueryOptions(unitId: string, search: TopicSearch, pageSize = TOPICS_PAGE_SIZE) {
  return queryOptions({
    queryKey: [...unitTopicsKey(unitId), 'console', search, pageSize],
    queryFn: ({ signal }) => listTopics(unitId, search, pageSize, signal),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useTopics(unitId: string, search: TopicSearch) {
  return useQuery(getTopicsQueryOptions(unitId, search));
}

/** Topics another may be merged into: the unit's open and accepted ones (the newest hundred of each). */
export function useMergeTargets(unitId: string, enabled: boolean): { data: Topic[] | null; error: unknown } {
  return useQueries({
    queries: (['open', 'accepted'] as const).map((status) => ({ ...getTopicsQueryOptions(unitId, { status, channel: null, page: 1 }, 100), enabled })),
    combine: (results) => ({
      data: results.every((result) => result.isSuccess) ? results.flatMap((result) => result.data?.items ?? []) : null,
      error: results.find((result) => result.isError)?.error ?? null,
    }),
  });
}
