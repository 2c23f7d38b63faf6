import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';
import type { Topic } from './list-topics';
import { topicListQueryKey, topicQueryKey } from './query-keys';

/** `POST /api/topics/{id}/photos`: one photo (JPEG, PNG, WebP, at most 10 MB), three at most, while the topic is open. */
export function addTopicPhoto(topicId: string, file: File): Promise<Topic> {
  return unwrap(apiClient.POST('/api/topics/{id}/photos', { params: { path: { id: topicId } }, ...multipartBody({ file }) }));
}

export function useAddTopicPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, file }: { topicId: string; file: File }) => addTopicPhoto(topicId, file),
    onSuccess: (topic) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: topicQueryKey(topic.id) }), queryClient.invalidateQueries({ queryKey: topicListQueryKey(topic.unitId) })]),
  });
}
