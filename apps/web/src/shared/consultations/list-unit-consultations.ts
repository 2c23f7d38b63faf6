import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';

export type ConsultationSummary = components['schemas']['ConsultationSummaryDto'];

/**
 * `GET /api/units/{unitId}/consultations`: the consultations of a unit I may read, newest first
 * (drafts only for those who run them). Both sides cache it under `unitConsultationsKey`.
 */
export function listUnitConsultations(unitId: string, signal?: AbortSignal): Promise<ConsultationSummary[]> {
  return unwrap(apiClient.GET('/api/units/{unitId}/consultations', { params: { path: { unitId } }, signal }));
}
