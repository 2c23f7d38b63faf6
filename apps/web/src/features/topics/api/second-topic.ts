import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { topicListQueryKey, topicQueryKey } from './query-keys';

export type TopicSecondState = components['schemas']['TopicSecondStateDto'];

/** `PUT /api/topics/{id}/second` to second (附议) a topic, `DELETE` to withdraw, while it is open. */
export function setTopicSecond(topicId: string, seconded: boolean): Promise<TopicSecondState> {
  const params = { params: { path: { id: topicId } } };
  if (seconded) return unwrap(apiClient.PUT('/api/topics/{id}/second', params));
  return unwrap(apiClient.DELETE('/api/topics/{id}/second', params));
}

/** A second changes the count on the topic and in every list that shows it. */
export function useSecondTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, seconded }: { topicId: string; unitId: string; seconded: boolean }) => setTopicSecond(topicId, seconded),
    onSuccess: (_state, { topicId, unitId }) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: topicQueryKey(topicId) }), queryClient.invalidateQueries({ queryKey: topicListQueryKey(unitId) })]),
  });
}
