import { queryOptions, useQuery } from '@tanstack/react-query';
import { listVersions } from '../../../shared/consultations/list-versions';
import { versionsKey } from '../../../shared/consultations/query-keys';

export type { VersionSummary } from '../../../shared/consultations/list-versions';

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
