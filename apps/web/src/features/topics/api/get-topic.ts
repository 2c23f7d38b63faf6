import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { Topic } from './list-topics';
import { topicQueryKey } from './query-keys';

/** `GET /api/topics/{id}`: a topic with its seconds, photos and screening decision. */
export function getTopic(topicId: string, signal?: AbortSignal): Promise<Topic> {
  return unwrap(apiClient.GET('/api/topics/{id}', { params: { path: { id: topicId } }, signal }));
}

export function getTopicQueryOptions(topicId: string) {
  return queryOptions({ queryKey: topicQueryKey(topicId), queryFn: ({ signal }) => getTopic(topicId, signal), staleTime: 0 });
}

export function useTopic(topicId: string) {
  return useQuery(getTopicQueryOptions(topicId));
}
