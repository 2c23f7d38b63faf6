import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { Version } from '../../../shared/consultations/get-version';
import { getVersion } from '../../../shared/consultations/get-version';
import { versionKey } from '../../../shared/consultations/query-keys';
import { useVersions } from './list-versions';

export type { Clause, Version, VersionAttachment } from '../../../shared/consultations/get-version';

export function getVersionQueryOptions(consultationId: string, number: number) {
  return queryOptions({
    queryKey: versionKey(consultationId, number),
    queryFn: ({ signal }) => getVersion(consultationId, number, signal),
  });
}

export function useVersion(consultationId: string, number: number | null) {
  return useQuery({ ...getVersionQueryOptions(consultationId, number ?? 0), enabled: number !== null });
}

/**
 * Every published version with its clauses (oldest first): what the opinions are about, and the
 * clauses an official reply can point to. Null until all have loaded.
 */
export function usePublishedVersions(consultationId: string): { data: Version[] | null; error: unknown; isFetching: boolean; refetch: () => void } {
  const list = useVersions(consultationId);
  const published = (list.data ?? []).filter((version) => version.published);
  return useQueries({
    queries: published.map((version) => getVersionQueryOptions(consultationId, version.number)),
    combine: (results) => ({
      data: list.isSuccess && results.every((result) => result.isSuccess) ? results.map((result) => result.data) : null,
      error: list.error ?? results.find((result) => result.isError)?.error ?? null,
      isFetching: list.isFetching || results.some((result) => result.isFetching),
      refetch: () => {
        void list.refetch();
        for (const result of results) if (result.isError) void result.refetch();
      },
    }),
  });
}
