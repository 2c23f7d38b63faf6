import { queryOptions, useQuery } from '@tanstack/react-query';
import { getVersion } from '../../../shared/consultations/get-version';
import { versionKey } from '../../../shared/consultations/query-keys';

export type { Clause, Version, VersionAttachment } from '../../../shared/consultations/get-version';

export function getVersionQueryOptions(consultationId: string, number: number) {
  return queryOptions({
    queryKey: versionKey(consultationId, number),
    queryFn: ({ signal }) => getVersion(consultationId, number, signal),
    // A published version never changes.
    staleTime: 10 * 60 * 1000,
  });
}

export function useVersion(consultationId: string, number: number | null) {
  return useQuery({ ...getVersionQueryOptions(consultationId, number ?? 0), enabled: number !== null });
}
