import { useQuery } from '@tanstack/react-query';
import { getUnitVotesQueryOptions } from '../../../shared/votes/list-unit-votes';

export type { VoteSummary } from '../../../shared/votes/list-unit-votes';

export function useUnitVotes(unitId: string) {
  return useQuery(getUnitVotesQueryOptions(unitId));
}
