import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '@yishi/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';
import { refreshTopics } from './keys';
import type { Topic } from './list-topics';

export const PHOTO_MAX_BYTES = LIMITS.fileBytes;
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'] as const;

/** `POST /api/topics/{id}/photos` (multipart `file`): a photo of the paper of an offline topic (at most three). */
export function addTopicPhoto(topicId: string, file: File, client: ApiClient = apiClient): Promise<Topic> {
  return unwrap(client.POST('/api/topics/{id}/photos', { params: { path: { id: topicId } }, ...multipartBody({ file }) }));
}

export function useAddTopicPhoto(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, file }: { topicId: string; file: File }) => addTopicPhoto(topicId, file),
    onSuccess: (topic) => refreshTopics(queryClient, unitId, topic.id),
  });
}
