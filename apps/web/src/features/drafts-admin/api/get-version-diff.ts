import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { versionDiffKey } from '../../../shared/consultations/query-keys';

export type VersionDiff = components['schemas']['VersionDiffDto'];
export type ClauseDiff = components['schemas']['ClauseDiffDto'];
export type DiffSegment = components['schemas']['DiffSegmentDto'];

/** `GET /api/consultations/{id}/versions/{number}/diff`: clause by clause, what changed from the previous version and why. */
export function getVersionDiff(consultationId: string, number: number, signal?: AbortSignal): Promise<VersionDiff> {
  return unwrap(apiClient.GET('/api/consultations/{id}/versions/{number}/diff', { params: { path: { id: consultationId, number } }, signal }));
}

export function getVersionDiffQueryOptions(consultationId: string, number: number) {
  return queryOptions({
    queryKey: versionDiffKey(consultationId, number),
    queryFn: ({ signal }) => getVersionDiff(consultationId, number, signal),
    staleTime: 0,
  });
}

export function useVersionDiff(consultationId: string, number: number, enabled: boolean) {
  return useQuery({ ...getVersionDiffQueryOptions(consultationId, number), enabled });
}
