import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { refreshOpinions } from './keys';
import type { Thread } from './list-all-comments';

export type OfflineCommentInput = components['schemas']['CreateOfflineCommentDto'];

/**
 * `POST /api/consultations/{id}/offline-comments`: an opinion received on paper, at a briefing,
 * by phone…, with who collected it and when, under the resident's name or anonymously (comment
 * and revision phases). It is answered and reported like any other.
 */
export function recordOfflineComment(consultationId: string, body: OfflineCommentInput): Promise<Thread> {
  return unwrap(apiClient.POST('/api/consultations/{id}/offline-comments', { params: { path: { id: consultationId } }, body }));
}

export function useRecordOfflineComment(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OfflineCommentInput) => recordOfflineComment(consultationId, body),
    onSuccess: () => refreshOpinions(queryClient, consultationId),
  });
}
