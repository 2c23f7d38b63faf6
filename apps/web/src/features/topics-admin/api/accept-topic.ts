import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { consultationKey } from '../../../shared/consultations/query-keys';
import { refreshTopics } from './keys';
import type { Topic } from './list-topics';

export type AcceptTopicInput = components['schemas']['AcceptTopicDto'];
export type NewConsultationInput = components['schemas']['CreateConsultationDto'];

/**
 * `POST /api/topics/{id}/accept`: into an existing consultation of the unit (not past its comment
 * period: 409 `consultation_closed`), or into a new one opened in the same step. The submitter is told.
 */
export function acceptTopic(topicId: string, body: AcceptTopicInput): Promise<Topic> {
  return unwrap(apiClient.POST('/api/topics/{id}/accept', { params: { path: { id: topicId } }, body }));
}

export function useAcceptTopic(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, body }: { topicId: string; body: AcceptTopicInput }) => acceptTopic(topicId, body),
    onSuccess: async (topic) => {
      await refreshTopics(queryClient, unitId, topic.id, true);
      if (topic.decision?.consultationId) await queryClient.invalidateQueries({ queryKey: consultationKey(topic.decision.consultationId) });
    },
  });
}
