import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { refreshTopics } from './keys';
import type { Topic } from './list-topics';

/** `POST /api/topics/{id}/decline`: with a reason everyone reading the topic sees. The submitter is told. */
export function declineTopic(topicId: string, reason: string): Promise<Topic> {
  return unwrap(apiClient.POST('/api/topics/{id}/decline', { params: { path: { id: topicId } }, body: { reason } }));
}

export function useDeclineTopic(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, reason }: { topicId: string; reason: string }) => declineTopic(topicId, reason),
    onSuccess: (topic) => refreshTopics(queryClient, unitId, topic.id),
  });
}
