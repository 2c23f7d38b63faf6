import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

/** One receipt on the board (`superseded`: a named voter's earlier cast, replaced by a later one). */
export type BoardEntry = components['schemas']['BoardEntryDto'];

/** The bulletin board: every receipt sealed in the vote's chain, and the chain's head. */
export type VoteBoard = components['schemas']['VoteBoardDto'];

/** `GET /api/votes/{id}/board`. */
export async function getBoard(voteId: string, signal?: AbortSignal): Promise<VoteBoard> {
  return unwrap(apiClient.GET('/api/votes/{id}/board', { params: { path: { id: voteId } }, signal }));
}

export function useBoard(voteId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...voteKey(voteId), 'board'],
      queryFn: ({ signal }) => getBoard(voteId, signal),
      staleTime: 0,
    }),
  );
}
