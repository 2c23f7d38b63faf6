import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { PersonType } from './link-in-person';
import { rollQueryKey } from './query-keys';

export type UnlinkResult = components['schemas']['UnlinkResultDto'];

/**
 * `POST /api/units/{unitId}/links/{personType}/{personId}/unlink`: staff undo the link between a
 * person on the roll and an account (a letter redeemed by the wrong person), with a reason that
 * the audit trail keeps and the person is told.
 */
export function unlinkPerson(unitId: string, personType: PersonType, personId: string, reason: string): Promise<UnlinkResult> {
  return unwrap(
    apiClient.POST('/api/units/{unitId}/links/{personType}/{personId}/unlink', { params: { path: { unitId, personType, personId } }, body: { reason } }),
  );
}

export function useUnlinkPerson(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personType, personId, reason }: { personType: PersonType; personId: string; reason: string }) => unlinkPerson(unitId, personType, personId, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rollQueryKey(unitId) }),
  });
}
