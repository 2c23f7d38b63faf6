import { queryOptions, useQueries } from '@tanstack/react-query';
import type { ConsultationSummary } from '../../../shared/consultations/list-unit-consultations';
import { listUnitConsultations } from '../../../shared/consultations/list-unit-consultations';
import { unitConsultationsKey } from '../../../shared/consultations/query-keys';

export type { ConsultationSummary } from '../../../shared/consultations/list-unit-consultations';

export function getUnitConsultationsQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: unitConsultationsKey(unitId),
    queryFn: ({ signal }) => listUnitConsultations(unitId, signal),
    // Phases move by date and by other convenors: read afresh when the page opens.
    staleTime: 0,
  });
}

export interface UnitsConsultations {
  /** Every consultation of the units, once each (one may concern several), newest first. */
  data: ConsultationSummary[] | null;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => void;
}

/** Merges the lists of several units (a community's page), each consultation once. */
export function mergeConsultations(lists: readonly (readonly ConsultationSummary[])[]): ConsultationSummary[] {
  const byId = new Map<string, ConsultationSummary>();
  for (const list of lists) for (const consultation of list) byId.set(consultation.id, consultation);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** The consultations of one or several units, read in parallel. */
export function useUnitsConsultations(unitIds: readonly string[]): UnitsConsultations {
  return useQueries({
    queries: unitIds.map((unitId) => getUnitConsultationsQueryOptions(unitId)),
    combine: (results) => {
      const failed = results.find((result) => result.isError);
      const done = results.every((result) => result.isSuccess);
      return {
        data: done ? mergeConsultations(results.map((result) => result.data ?? [])) : null,
        isPending: results.some((result) => result.isPending),
        isFetching: results.some((result) => result.isFetching),
        error: failed?.error ?? null,
        refetch: () => {
          for (const result of results) if (result.isError) void result.refetch();
        },
      };
    },
  });
}
