import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { unitConsultationsKey } from '../../../shared/consultations/query-keys';

export type ConsultationSummary = components['schemas']['ConsultationSummaryDto'];

/** `GET /api/units/{unitId}/consultations`: the consultations of a unit I may read, newest first. */
export function listUnitConsultations(unitId: string, signal?: AbortSignal): Promise<ConsultationSummary[]> {
  return unwrap(apiClient.GET('/api/units/{unitId}/consultations', { params: { path: { unitId } }, signal }));
}

export function getUnitConsultationsQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: unitConsultationsKey(unitId),
    queryFn: ({ signal }) => listUnitConsultations(unitId, signal),
  });
}

export function useUnitConsultations(unitId: string) {
  return useQuery(getUnitConsultationsQueryOptions(unitId));
}
