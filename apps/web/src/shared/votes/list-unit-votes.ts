import { queryOptions } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';
import { unitVotesKey } from './query-keys';

export type VoteSummary = components['schemas']['VoteSummaryDto'];

/** `GET /api/units/{unitId}/votes`: the votes of a unit, newest first. */
export function listUnitVotes(unitId: string, signal?: AbortSignal): Promise<VoteSummary[]> {
  return unwrap(apiClient.GET('/api/units/{unitId}/votes', { params: { path: { unitId } }, signal }));
}

export function getUnitVotesQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: unitVotesKey(unitId),
    queryFn: ({ signal }) => listUnitVotes(unitId, signal),
    staleTime: 0,
  });
}
