import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { refreshOpinions } from './keys';
import type { Thread } from './list-all-comments';

/** `POST /api/comments/{commentId}/unhide`: shows a hidden comment again (the reason goes to the audit trail). */
export function unhideComment(commentId: string, reason: string | null): Promise<Thread> {
  return unwrap(apiClient.POST('/api/comments/{commentId}/unhide', { params: { path: { commentId } }, body: reason ? { reason } : {} }));
}

export function useUnhideComment(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, reason }: { commentId: string; reason: string | null }) => unhideComment(commentId, reason),
    onSuccess: () => refreshOpinions(queryClient, consultationId),
  });
}
