import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { TopicSearch } from '../utils/topic-search';
import { TOPICS_PAGE_SIZE, topicListQueryKey } from './query-keys';

export type TopicPage = components['schemas']['TopicPageDto'];
export type Topic = components['schemas']['TopicDto'];

/** `GET /api/units/{unitId}/topics`: a unit's topics, newest first, by status, channel, or only mine. */
export function listTopics(unitId: string, search: TopicSearch, signal?: AbortSignal): Promise<TopicPage> {
  const query = {
    page: search.page,
    pageSize: TOPICS_PAGE_SIZE,
    ...(search.status ? { status: search.status } : {}),
    ...(search.channel ? { channel: search.channel } : {}),
    ...(search.mine ? { mine: true } : {}),
  };
  return unwrap(apiClient.GET('/api/units/{unitId}/topics', { params: { path: { unitId }, query }, signal }));
}

export function getTopicsQueryOptions(unitId: string, search: TopicSearch) {
  return queryOptions({
    queryKey: [...topicListQueryKey(unitId), search],
    queryFn: ({ signal }) => listTopics(unitId, search, signal),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useTopics(unitId: string, search: TopicSearch) {
  return useQuery(getTopicsQueryOptions(unitId, search));
}
