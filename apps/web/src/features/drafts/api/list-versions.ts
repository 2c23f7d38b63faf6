import { queryOptions, useQuery } from '@tanstack/react-query';
import { listVersions } from '../../../shared/consultations/list-versions';
import { versionsKey } from '../../../shared/consultations/query-keys';

export type { VersionSummary } from '../../../shared/consultations/list-versions';

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
