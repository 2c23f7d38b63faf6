import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

export type CastReceipt = components['schemas']['CastReceiptDto'];
export type MarkInput = components['schemas']['MarkInputDto'];

/** A ballot: one question's choice, or an assembly's marks matter by matter (a matter not given is blank). */
export type BallotInput = { choice: string; marks?: never } | { marks: MarkInput[]; choice?: never };

/**
 * `POST /api/votes/{id}/ballots`: cast (or, where allowed, change) the ballot of one of my voters.
 * A retried submit of the same choice returns the same receipt (`changed: false`), never a second ballot.
 */
export function castBallot(voteId: string, ballot: BallotInput, voterId: string): Promise<CastReceipt> {
  return unwrap(apiClient.POST('/api/votes/{id}/ballots', { params: { path: { id: voteId } }, body: { ...ballot, voterId } }));
}

export function useCastBallot(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ voterId, ...ballot }: BallotInput & { voterId: string }) => castBallot(voteId, ballot, voterId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: voteKey(voteId) }),
  });
}
