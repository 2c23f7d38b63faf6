import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { refreshOpinions } from './keys';
import type { Thread } from './list-all-comments';

/** `POST /api/comments/{commentId}/hide`: hides a comment with a reason its author, and everyone in place of the text, sees. */
export function hideComment(commentId: string, reason: string): Promise<Thread> {
  return unwrap(apiClient.POST('/api/comments/{commentId}/hide', { params: { path: { commentId } }, body: { reason } }));
}

export function useHideComment(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, reason }: { commentId: string; reason: string }) => hideComment(commentId, reason),
    onSuccess: () => refreshOpinions(queryClient, consultationId),
  });
}
