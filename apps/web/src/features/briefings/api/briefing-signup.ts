import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { Briefing } from './list-briefings';
import { briefingsQueryKey } from './list-briefings';

/** `PUT /api/briefings/{id}/signup` (409 `full` when no seat is left) or `DELETE` to withdraw before it starts. */
export function setBriefingSignup(briefingId: string, signedUp: boolean): Promise<Briefing> {
  const params = { params: { path: { id: briefingId } } };
  if (signedUp) return unwrap(apiClient.PUT('/api/briefings/{id}/signup', params));
  return unwrap(apiClient.DELETE('/api/briefings/{id}/signup', params));
}

export function useBriefingSignup(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ briefingId, signedUp }: { briefingId: string; signedUp: boolean }) => setBriefingSignup(briefingId, signedUp),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingsQueryKey(consultationId) }),
  });
}
