import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { versionsKey } from '../../../shared/consultations/query-keys';

export type VersionSummary = components['schemas']['VersionSummaryDto'];

/** `GET /api/consultations/{id}/versions`: the published versions of the draft (and, for those running it, the one being edited). */
export function listVersions(consultationId: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  return unwrap(apiClient.GET('/api/consultations/{id}/versions', { params: { path: { id: consultationId } }, signal }));
}

export function getVersionsQueryOptions(consultationId: string) {
  return queryOptions({
    queryKey: versionsKey(consultationId),
    queryFn: ({ signal }) => listVersions(consultationId, signal),
  });
}

/** Only the published versions: what residents read and comment on. */
export function usePublishedVersions(consultationId: string, enabled = true) {
  return useQuery({ ...getVersionsQueryOptions(consultationId), enabled, select: (versions) => versions.filter((v) => v.published) });
}
