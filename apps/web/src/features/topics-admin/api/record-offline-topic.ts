import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { refreshTopics } from './keys';
import type { Topic } from './list-topics';

export type OfflineTopicInput = components['schemas']['RecordOfflineTopicDto'];

/** `POST /api/units/{unitId}/topics/offline`: a topic from a suggestion box, a visit, the hotline…, with its provenance. */
export function recordOfflineTopic(unitId: string, body: OfflineTopicInput): Promise<Topic> {
  return unwrap(apiClient.POST('/api/units/{unitId}/topics/offline', { params: { path: { unitId } }, body }));
}

export function useRecordOfflineTopic(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OfflineTopicInput) => recordOfflineTopic(unitId, body),
    onSuccess: () => refreshTopics(queryClient, unitId, null),
  });
}
