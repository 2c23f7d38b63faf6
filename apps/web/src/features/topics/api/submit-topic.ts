import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { Topic } from './list-topics';
import { addTopicPhoto } from './add-topic-photo';
import { topicListQueryKey } from './query-keys';

export type CreateTopicInput = components['schemas']['CreateTopicDto'];

export interface SubmittedTopic {
  topic: Topic;
  /** Photos that could not be added (the topic stands; they can be added again on its page). */
  failedPhotos: number;
}

/** `POST /api/units/{unitId}/topics`: raise a topic in my unit. */
export function submitTopic(unitId: string, body: CreateTopicInput): Promise<Topic> {
  return unwrap(apiClient.POST('/api/units/{unitId}/topics', { params: { path: { unitId } }, body }));
}

/** The topic first, then its photos one at a time (as the API takes them). */
export async function submitTopicWithPhotos(unitId: string, body: CreateTopicInput, photos: readonly File[]): Promise<SubmittedTopic> {
  let topic = await submitTopic(unitId, body);
  let failedPhotos = 0;
  for (const photo of photos) {
    try {
      topic = await addTopicPhoto(topic.id, photo);
    } catch {
      failedPhotos += 1;
    }
  }
  return { topic, failedPhotos };
}

export function useSubmitTopic(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, photos }: { body: CreateTopicInput; photos: readonly File[] }) => submitTopicWithPhotos(unitId, body, photos),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicListQueryKey(unitId) }),
  });
}
