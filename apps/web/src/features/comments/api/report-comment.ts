import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { CommentThread } from './list-comments';
import { commentsQueryKey } from './list-comments';

/** `POST /api/comments/{commentId}/reports`: report abuse in a comment, once, with a reason. */
export function reportComment(commentId: string, reason: string): Promise<CommentThread> {
  return unwrap(apiClient.POST('/api/comments/{commentId}/reports', { params: { path: { commentId } }, body: { reason } }));
}

export function useReportComment(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, reason }: { commentId: string; reason: string }) => reportComment(commentId, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsQueryKey(consultationId) }),
  });
}
