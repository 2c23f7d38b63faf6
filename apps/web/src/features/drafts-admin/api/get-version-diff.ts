import { queryOptions, useQuery } from '@tanstack/react-query';
import { getVersionDiff } from '../../../shared/consultations/get-version-diff';
import { versionDiffKey } from '../../../shared/consultations/query-keys';

export type { ClauseDiff, DiffSegment, VersionDiff } from '../../../shared/consultations/get-version-diff';

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
