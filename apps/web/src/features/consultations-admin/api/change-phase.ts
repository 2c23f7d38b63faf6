import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { ALL_UNIT_CONSULTATIONS_KEY, consultationKey } from '../../../shared/consultations/query-keys';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';

export type ChangePhaseInput = components['schemas']['ChangePhaseDto'];

/**
 * `POST /api/consultations/{id}/phase`: moves the consultation on, or back with a reason (both
 * audited; residents of its units are told). 409 CONFLICT when no draft is published yet.
 */
export function changePhase(id: string, body: ChangePhaseInput): Promise<ConsultationDetail> {
  return unwrap(apiClient.POST('/api/consultations/{id}/phase', { params: { path: { id } }, body }));
}

export function useChangePhase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePhaseInput) => changePhase(id, body),
    // The phase decides what may be done everywhere: comments, replies, drafts, briefings.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationKey(id) }),
        queryClient.invalidateQueries({ queryKey: ALL_UNIT_CONSULTATIONS_KEY }),
      ]);
    },
  });
}
