import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from './query-keys';

export interface BoardEntry {
  seq: number | null;
  receipt: string;
  channel: string | null;
  at: string | null;
  /** A named voter's earlier cast, replaced by a later one. */
  superseded: boolean;
}

/** The bulletin board: every receipt sealed in the vote's chain, and the chain's head. */
export interface VoteBoard {
  chainHead: string | null;
  chainLength: number;
  entries: BoardEntry[];
}

/** `GET /api/votes/{id}/board`. */
export async function getBoard(voteId: string, signal?: AbortSignal): Promise<VoteBoard> {
  return (await unwrap(apiClient.GET('/api/votes/{id}/board', { params: { path: { id: voteId } }, signal }))) as unknown as VoteBoard;
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
