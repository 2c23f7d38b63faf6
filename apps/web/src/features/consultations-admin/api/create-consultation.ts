import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { ALL_UNIT_CONSULTATIONS_KEY } from '../../../shared/consultations/query-keys';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';

export type CreateConsultationInput = components['schemas']['CreateConsultationDto'];

/** `POST /api/nodes/{nodeId}/consultations`: opens a consultation (in its draft phase) on a unit, or on a community for the units named. */
export function createConsultation(nodeId: string, body: CreateConsultationInput): Promise<ConsultationDetail> {
  return unwrap(apiClient.POST('/api/nodes/{nodeId}/consultations', { params: { path: { nodeId } }, body }));
}

export function useCreateConsultation(nodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsultationInput) => createConsultation(nodeId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ALL_UNIT_CONSULTATIONS_KEY }),
  });
}
