import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

export type CastReceipt = components['schemas']['CastReceiptDto'];

/**
 * `POST /api/votes/{id}/ballots`: cast (or, where allowed, change) the ballot of one of my voters.
 * A retried submit of the same choice returns the same receipt (`changed: false`), never a second ballot.
 */
export function castBallot(voteId: string, choice: string, voterId: string): Promise<CastReceipt> {
  return unwrap(apiClient.POST('/api/votes/{id}/ballots', { params: { path: { id: voteId } }, body: { choice, voterId } }));
}

export function useCastBallot(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ choice, voterId }: { choice: string; voterId: string }) => castBallot(voteId, choice, voterId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: voteKey(voteId) }),
  });
}
