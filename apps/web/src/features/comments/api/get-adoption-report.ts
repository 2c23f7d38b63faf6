import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { consultationKey } from '../../../shared/consultations/query-keys';

export type AdoptionReport = components['schemas']['AdoptionReportDto'];
export type AdoptionReportSection = components['schemas']['AdoptionReportSectionDto'];
export type AdoptionReportItem = components['schemas']['AdoptionReportItemDto'];

/** `GET /api/consultations/{id}/adoption-report`: every opinion by version and clause with its answer, and the totals. */
export function getAdoptionReport(consultationId: string, signal?: AbortSignal): Promise<AdoptionReport> {
  return unwrap(apiClient.GET('/api/consultations/{id}/adoption-report', { params: { path: { id: consultationId } }, signal }));
}

export function getAdoptionReportQueryOptions(consultationId: string) {
  return queryOptions({
    queryKey: [...consultationKey(consultationId), 'report'],
    queryFn: ({ signal }) => getAdoptionReport(consultationId, signal),
    staleTime: 0,
  });
}

export function useAdoptionReport(consultationId: string) {
  return useQuery(getAdoptionReportQueryOptions(consultationId));
}

/** The report as an XLSX workbook: a plain link (the session cookie authenticates it; the API names the file). */
export function adoptionReportXlsxUrl(consultationId: string): string {
  return `/api/consultations/${encodeURIComponent(consultationId)}/adoption-report/xlsx`;
}
