import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components, operations } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { consultationKey } from '../../../shared/consultations/query-keys';

export type CommentPage = components['schemas']['CommentPageDto'];
export type CommentThread = components['schemas']['ThreadDto'];
export type CommentItem = components['schemas']['CommentDto'];
export type OfficialReply = components['schemas']['OfficialReplyDto'];
export type CommentPlaceCount = components['schemas']['CommentPlaceCountDto'];

/** Where comments are: one version's whole draft (clauseId null) or one of its clauses. */
export interface CommentPlace {
  versionId: string;
  clauseId: string | null;
}

export const THREADS_PAGE_SIZE = 20;

/** Everything cached about a consultation's comments: a new one, a report or a reply invalidates it all. */
export const commentsQueryKey = (consultationId: string) => [...consultationKey(consultationId), 'comments'] as const;

type ListQuery = NonNullable<operations['listComments']['parameters']['query']>;

/** `GET /api/consultations/{id}/comments`: top-level comments, newest first, with replies, answers and counts per place. */
export function listComments(consultationId: string, query: ListQuery, signal?: AbortSignal): Promise<CommentPage> {
  return unwrap(apiClient.GET('/api/consultations/{id}/comments', { params: { path: { id: consultationId }, query }, signal }));
}

export function getThreadsQueryOptions(consultationId: string, place: CommentPlace) {
  return infiniteQueryOptions({
    queryKey: [...commentsQueryKey(consultationId), 'threads', place],
    queryFn: ({ pageParam, signal }) =>
      listComments(
        consultationId,
        {
          versionId: place.versionId,
          ...(place.clauseId ? { clauseId: place.clauseId } : { wholeDraft: true }),
          limit: THREADS_PAGE_SIZE,
          ...(pageParam ? { before: pageParam } : {}),
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    staleTime: 0,
  });
}

export function useCommentThreads(consultationId: string, place: CommentPlace) {
  return useInfiniteQuery(getThreadsQueryOptions(consultationId, place));
}

/** The counts per place of one version (the list's counts, with a single comment asked for). */
export function getCommentCountsQueryOptions(consultationId: string, versionId: string) {
  return queryOptions({
    queryKey: [...commentsQueryKey(consultationId), 'counts', versionId],
    queryFn: async ({ signal }) => (await listComments(consultationId, { versionId, limit: 1 }, signal)).counts,
    staleTime: 0,
  });
}

export function useCommentCounts(consultationId: string, versionId: string | null) {
  return useQuery({ ...getCommentCountsQueryOptions(consultationId, versionId ?? ''), enabled: versionId !== null });
}
