import { queryOptions } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';
import { voteKey } from './query-keys';

export type VoteDetail = components['schemas']['VoteDetailDto'];
export type MyVoter = components['schemas']['MyVoterDto'];
export type VoteStatus = components['schemas']['VoteStatus'];
export type VoteMatter = components['schemas']['MatterViewDto'];
export type MarkView = components['schemas']['MarkViewDto'];

/** `GET /api/votes/{id}`: the vote, and the voters I may cast for in it (myself, principals by written proxy). */
export function getVote(voteId: string, signal?: AbortSignal): Promise<VoteDetail> {
  return unwrap(apiClient.GET('/api/votes/{id}', { params: { path: { id: voteId } }, signal }));
}

/** A vote's detail, one cache entry for the resident pages and the console alike. */
export function getVoteQueryOptions(voteId: string) {
  return queryOptions({
    queryKey: [...voteKey(voteId), 'detail'],
    queryFn: ({ signal }) => getVote(voteId, signal),
    // It opens and closes by the clock on the server: read again whenever the page is shown.
    staleTime: 0,
  });
}
