import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

/** The published result: the vote, result.json of the recount kit (every figure, the words), the objection window, and the legal clock it opened under (vote.json's safeguards; null for votes opened before it was recorded). */
export type VoteResult = components['schemas']['VoteResultDto'];

/** `GET /api/votes/{id}/result` (409 `not_counted` before the count). */
export async function getResult(voteId: string, signal?: AbortSignal): Promise<VoteResult> {
  return unwrap(apiClient.GET('/api/votes/{id}/result', { params: { path: { id: voteId } }, signal }));
}

export function useVoteResult(voteId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...voteKey(voteId), 'result'],
      queryFn: ({ signal }) => getResult(voteId, signal),
      retry: false,
    }),
  );
}

/** Where the files of a counted vote are downloaded from. */
export const recountKitHref = (voteId: string): string => `/api/votes/${voteId}/recount-kit`;
export const resultExportHref = (voteId: string, format: 'csv' | 'xlsx'): string => `/api/votes/${voteId}/result/export?format=${format}`;
