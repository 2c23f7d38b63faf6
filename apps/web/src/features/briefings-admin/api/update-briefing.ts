import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { briefingsKey } from './keys';
import type { Briefing } from './list-briefings';

export type UpdateBriefingInput = components['schemas']['UpdateBriefingDto'];

/** `PATCH /api/briefings/{id}`: time, place, notes, or capacity (not below the seats taken: 409 `below_taken`). */
export function updateBriefing(briefingId: string, body: UpdateBriefingInput): Promise<Briefing> {
  return unwrap(apiClient.PATCH('/api/briefings/{id}', { params: { path: { id: briefingId } }, body }));
}

export function useUpdateBriefing(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ briefingId, body }: { briefingId: string; body: UpdateBriefingInput }) => updateBriefing(briefingId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingsKey(consultationId), exact: true }),
  });
}
