import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { refreshTopics, topicKey } from './keys';
import type { Topic } from './list-topics';

export type MergeTopicInput = components['schemas']['MergeTopicDto'];

/** `POST /api/topics/{id}/merge`: into another open or accepted topic of the unit; its seconds carry over. */
export function mergeTopic(topicId: string, body: MergeTopicInput): Promise<Topic> {
  return unwrap(apiClient.POST('/api/topics/{id}/merge', { params: { path: { id: topicId } }, body }));
}

export function useMergeTopic(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, body }: { topicId: string; body: MergeTopicInput }) => mergeTopic(topicId, body),
    onSuccess: async (topic) => {
      await refreshTopics(queryClient, unitId, topic.id);
      if (topic.decision?.mergedIntoId) await queryClient.invalidateQueries({ queryKey: topicKey(topic.decision.mergedIntoId) });
    },
  });
}
