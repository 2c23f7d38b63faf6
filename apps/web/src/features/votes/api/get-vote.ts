import { useQuery } from '@tanstack/react-query';
import { getVoteQueryOptions } from '../../../shared/votes/get-vote';

export type { MarkView, MyVoter, VoteDetail, VoteMatter, VoteStatus } from '../../../shared/votes/get-vote';

export function useVote(voteId: string) {
  return useQuery(getVoteQueryOptions(voteId));
}
