import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { ALL_UNIT_CONSULTATIONS_KEY, consultationKey } from '../../../shared/consultations/query-keys';
import type { CommentThread } from './list-comments';
import { commentsQueryKey } from './list-comments';

export type CreateCommentInput = components['schemas']['CreateCommentDto'];

/** `POST /api/consultations/{id}/comments`: a comment on the whole draft or a clause, or a reply, during the comment period. */
export function createComment(consultationId: string, body: CreateCommentInput): Promise<CommentThread> {
  return unwrap(apiClient.POST('/api/consultations/{id}/comments', { params: { path: { id: consultationId } }, body }));
}

/** A new comment changes the lists and counts of the consultation, its report, and the counts on 「我的议事」. */
export function useCreateComment(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentInput) => createComment(consultationId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: commentsQueryKey(consultationId) }),
        queryClient.invalidateQueries({ queryKey: [...consultationKey(consultationId), 'report'] }),
        queryClient.invalidateQueries({ queryKey: [...consultationKey(consultationId), 'detail'] }),
        queryClient.invalidateQueries({ queryKey: ALL_UNIT_CONSULTATIONS_KEY }),
      ]),
  });
}
