import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { briefingsKey } from './keys';
import type { Briefing } from './list-briefings';

/** `POST /api/briefings/{id}/cancel`: the session stays on the list, marked cancelled; those signed up are told. */
export function cancelBriefing(briefingId: string, reason: string | null): Promise<Briefing> {
  return unwrap(apiClient.POST('/api/briefings/{id}/cancel', { params: { path: { id: briefingId } }, body: reason ? { reason } : {} }));
}

export function useCancelBriefing(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ briefingId, reason }: { briefingId: string; reason: string | null }) => cancelBriefing(briefingId, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingsKey(consultationId), exact: true }),
  });
}
