import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';
import { consultationKey } from './query-keys';

export type ConsultationDetail = components['schemas']['ConsultationDetailDto'];

/** `GET /api/consultations/{id}`: a consultation with its phases, the body that decides, and what I may do in it. */
export function getConsultation(consultationId: string, signal?: AbortSignal): Promise<ConsultationDetail> {
  return unwrap(apiClient.GET('/api/consultations/{id}', { params: { path: { id: consultationId } }, signal }));
}

export function getConsultationQueryOptions(consultationId: string) {
  return queryOptions({
    queryKey: [...consultationKey(consultationId), 'detail'],
    queryFn: ({ signal }) => getConsultation(consultationId, signal),
    // Phases move by date on the server: read again when the page is opened again.
    staleTime: 0,
  });
}

/** A consultation as the resident page and the console both read it (one cache entry). */
export function useConsultation(consultationId: string) {
  return useQuery(getConsultationQueryOptions(consultationId));
}
