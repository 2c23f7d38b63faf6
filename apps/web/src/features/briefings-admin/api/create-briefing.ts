import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { briefingsKey } from './keys';
import type { Briefing } from './list-briefings';

export type CreateBriefingInput = components['schemas']['CreateBriefingDto'];

/** `POST /api/consultations/{id}/briefings`: schedules a session (time, place, capacity, notes). */
export function createBriefing(consultationId: string, body: CreateBriefingInput): Promise<Briefing> {
  return unwrap(apiClient.POST('/api/consultations/{id}/briefings', { params: { path: { id: consultationId } }, body }));
}

export function useCreateBriefing(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBriefingInput) => createBriefing(consultationId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingsKey(consultationId), exact: true }),
  });
}
