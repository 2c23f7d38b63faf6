import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { versionsKey } from '../../../shared/consultations/query-keys';

export type VersionSummary = components['schemas']['VersionSummaryDto'];

/** `GET /api/consultations/{id}/versions`: the published versions, and for those who run it the one being edited. */
export function listVersions(consultationId: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  return unwrap(apiClient.GET('/api/consultations/{id}/versions', { params: { path: { id: consultationId } }, signal }));
}

export function getVersionsQueryOptions(consultationId: string) {
  return queryOptions({
    queryKey: versionsKey(consultationId),
    queryFn: ({ signal }) => listVersions(consultationId, signal),
    staleTime: 0,
  });
}

export function useVersions(consultationId: string) {
  return useQuery(getVersionsQueryOptions(consultationId));
}
