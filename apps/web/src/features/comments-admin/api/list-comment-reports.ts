import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { commentsKey } from './keys';

export type CommentReports = components['schemas']['CommentReportListDto'];

/** `GET /api/comments/{commentId}/reports`: why people reported a comment (reporters are not named). */
export function listCommentReports(commentId: string, signal?: AbortSignal): Promise<CommentReports> {
  return unwrap(apiClient.GET('/api/comments/{commentId}/reports', { params: { path: { commentId } }, signal }));
}

export function getCommentReportsQueryOptions(consultationId: string, commentId: string) {
  return queryOptions({
    queryKey: [...commentsKey(consultationId), 'console', 'reports', commentId],
    queryFn: ({ signal }) => listCommentReports(commentId, signal),
    staleTime: 0,
  });
}

export function useCommentReports(consultationId: string, commentId: string, enabled: boolean) {
  return useQuery({ ...getCommentReportsQueryOptions(consultationId, commentId), enabled });
}
