import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { commentsKey } from './keys';

export type Thread = components['schemas']['ThreadDto'];
export type Comment = components['schemas']['CommentDto'];
export type OfficialReply = components['schemas']['OfficialReplyDto'];

const PAGE = 100;
/** Enough for any consultation of a compound or a village; past it the workspace says so. */
export const MAX_PAGES = 50;

export interface AllComments {
  threads: Thread[];
  /** More opinions exist than were read (MAX_PAGES pages). */
  truncated: boolean;
}

/**
 * `GET /api/consultations/{id}/comments`, every page: all top-level opinions with their replies
 * and official answers (moderators also get hidden texts and report counts), newest first.
 */
export async function listAllComments(consultationId: string, signal?: AbortSignal): Promise<AllComments> {
  const threads: Thread[] = [];
  let before: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query: { limit: number; before?: string } = before ? { limit: PAGE, before } : { limit: PAGE };
    const result = await unwrap(apiClient.GET('/api/consultations/{id}/comments', { params: { path: { id: consultationId }, query }, signal }));
    threads.push(...result.items);
    if (!result.next) return { threads, truncated: false };
    before = result.next;
  }
  return { threads, truncated: true };
}

export function getAllCommentsQueryOptions(consultationId: string) {
  return queryOptions({
    queryKey: [...commentsKey(consultationId), 'console', 'all'],
    queryFn: ({ signal }) => listAllComments(consultationId, signal),
    staleTime: 0,
  });
}

export function useAllComments(consultationId: string) {
  return useQuery(getAllCommentsQueryOptions(consultationId));
}
