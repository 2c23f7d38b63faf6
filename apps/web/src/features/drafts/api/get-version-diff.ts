import { queryOptions, useQuery } from '@tanstack/react-query';
import { getVersionDiff } from '../../../shared/consultations/get-version-diff';
import { versionDiffKey } from '../../../shared/consultations/query-keys';

export type { ClauseDiff, DiffSegment, VersionDiff } from '../../../shared/consultations/get-version-diff';

export function getVersionDiffQueryOptions(consultationId: string, number: number) {
  return queryOptions({
    queryKey: versionDiffKey(consultationId, number),
    queryFn: ({ signal }) => getVersionDiff(consultationId, number, signal),
    staleTime: 10 * 60 * 1000,
  });
}

/** Only for version 2 and later: the first has nothing to compare with. */
export function useVersionDiff(consultationId: string, number: number | null) {
  return useQuery({ ...getVersionDiffQueryOptions(consultationId, number ?? 0), enabled: number !== null && number > 1 });
}
