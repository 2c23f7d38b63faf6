import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { consultationKey } from '../../../shared/consultations/query-keys';

export type AdoptionReport = components['schemas']['AdoptionReportDto'];
export type AdoptionReportSection = components['schemas']['AdoptionReportSectionDto'];
export type AdoptionReportItem = components['schemas']['AdoptionReportItemDto'];

/** Opinions per page of the report: the server's default, named here so the pages line up. */
export const ADOPTION_REPORT_PAGE_SIZE = 100;

/**
 * `GET /api/consultations/{id}/adoption-report`: the totals, and one page of the opinions by
 * version and clause with their answers, from `offset` on (`next` is the next page's offset).
 */
export function getAdoptionReport(consultationId: string, offset: number, signal?: AbortSignal): Promise<AdoptionReport> {
  return unwrap(
    apiClient.GET('/api/consultations/{id}/adoption-report', { params: { path: { id: consultationId }, query: { offset, limit: ADOPTION_REPORT_PAGE_SIZE } }, signal }),
  );
}

export function getAdoptionReportQueryOptions(consultationId: string) {
  return infiniteQueryOptions({
    queryKey: [...consultationKey(consultationId), 'report'],
    queryFn: ({ pageParam, signal }) => getAdoptionReport(consultationId, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (page) => page.next ?? undefined,
    staleTime: 0,
  });
}

export function useAdoptionReport(consultationId: string) {
  return useInfiniteQuery(getAdoptionReportQueryOptions(consultationId));
}

/** The report as an XLSX workbook: a plain link (the session cookie authenticates it; the API names the file). */
export function adoptionReportXlsxUrl(consultationId: string): string {
  return `/api/consultations/${encodeURIComponent(consultationId)}/adoption-report/xlsx`;
}
