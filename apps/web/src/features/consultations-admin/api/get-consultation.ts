import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { consultationKey } from '../../../shared/consultations/query-keys';

export type ConsultationDetail = components['schemas']['ConsultationDetailDto'];
export type ConsultationRightsView = components['schemas']['MyConsultationRightsDto'];
export type PhasePlanView = components['schemas']['PhasePlanViewDto'];

/** `GET /api/consultations/{id}`: a consultation with its phase plan and what I may do in it. */
export function getConsultation(id: string, signal?: AbortSignal): Promise<ConsultationDetail> {
  return unwrap(apiClient.GET('/api/consultations/{id}', { params: { path: { id } }, signal }));
}

export function getConsultationQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...consultationKey(id), 'detail'],
    queryFn: ({ signal }) => getConsultation(id, signal),
    staleTime: 0,
  });
}

export function useConsultation(id: string) {
  return useQuery(getConsultationQueryOptions(id));
}
