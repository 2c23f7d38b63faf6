import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { ALL_UNIT_CONSULTATIONS_KEY, consultationKey } from '../../../shared/consultations/query-keys';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';

export type UpdateConsultationInput = components['schemas']['UpdateConsultationDto'];

/** `PATCH /api/consultations/{id}`: the title, the summary, or the whole phase plan. */
export function updateConsultation(id: string, body: UpdateConsultationInput): Promise<ConsultationDetail> {
  return unwrap(apiClient.PATCH('/api/consultations/{id}', { params: { path: { id } }, body }));
}

export function useUpdateConsultation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateConsultationInput) => updateConsultation(id, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationKey(id) }),
        queryClient.invalidateQueries({ queryKey: ALL_UNIT_CONSULTATIONS_KEY }),
      ]);
    },
  });
}
