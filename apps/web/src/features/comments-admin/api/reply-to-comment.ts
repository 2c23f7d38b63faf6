import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { refreshOpinions } from './keys';
import type { Thread } from './list-all-comments';

export type OfficialReplyInput = components['schemas']['OfficialReplyInputDto'];

/**
 * `PUT /api/comments/{commentId}/official-reply`: answers an opinion (采纳 / 部分采纳 / 未采纳 /
 * 已知悉) with a reason, optionally the clause of a later version that carries the change;
 * answering again replaces the answer. The author is told.
 */
export function replyToComment(commentId: string, body: OfficialReplyInput): Promise<Thread> {
  return unwrap(apiClient.PUT('/api/comments/{commentId}/official-reply', { params: { path: { commentId } }, body }));
}

export function useReplyToComment(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: OfficialReplyInput }) => replyToComment(commentId, body),
    onSuccess: () => refreshOpinions(queryClient, consultationId),
  });
}
