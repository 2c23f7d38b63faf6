import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CommentPlaceOf } from '../utils/find-comment';
import { findComment } from '../utils/find-comment';
import { commentsQueryKey, listComments } from './list-comments';

/** Pages of 100 looked through at most: 5,000 opinions on one consultation is beyond any compound. */
const MAX_PAGES = 50;

/**
 * Where a comment is (its version, its clause, its thread), for a link that names the comment
 * only (`?comment=<id>`, from a notification): the consultation's comments, all versions, are
 * read a page at a time until it turns up. Null when it is not there (or not visible to me).
 */
export async function locateComment(consultationId: string, commentId: string, signal?: AbortSignal): Promise<CommentPlaceOf | null> {
  let before: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await listComments(consultationId, { limit: 100, ...(before ? { before } : {}) }, signal);
    const found = findComment(result.items, commentId);
    if (found) return found;
    if (!result.next) return null;
    before = result.next;
  }
  return null;
}

export function getLocateCommentQueryOptions(consultationId: string, commentId: string) {
  return queryOptions({
    queryKey: [...commentsQueryKey(consultationId), 'locate', commentId],
    queryFn: ({ signal }) => locateComment(consultationId, commentId, signal),
    // A comment never moves.
    staleTime: Infinity,
  });
}

export function useLocateComment(consultationId: string, commentId: string | null) {
  return useQuery({ ...getLocateCommentQueryOptions(consultationId, commentId ?? ''), enabled: commentId !== null });
}
