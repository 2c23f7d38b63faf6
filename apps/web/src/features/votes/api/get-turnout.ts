import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

/** Live turnout: the quorum conditions (who took part, against the threshold), never a choice. */
export type VoteTurnout = components['schemas']['VoteTurnoutDto'];

/** `GET /api/votes/{id}/turnout` (403 `turnout_private` unless the convenor made it public). */
export async function getTurnout(voteId: string, signal?: AbortSignal): Promise<VoteTurnout> {
  return unwrap(apiClient.GET('/api/votes/{id}/turnout', { params: { path: { id: voteId } }, signal }));
}

export function useTurnout(voteId: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: [...voteKey(voteId), 'turnout'],
      queryFn: ({ signal }) => getTurnout(voteId, signal),
      enabled,
      // Live while the vote runs: every half minute.
      refetchInterval: 30_000,
      retry: false,
    }),
  );
}
