import { queryOptions, useQuery } from '@tanstack/react-query';
import { listUnitConsultations } from '../../../shared/consultations/list-unit-consultations';
import { unitConsultationsKey } from '../../../shared/consultations/query-keys';

export type { ConsultationSummary } from '../../../shared/consultations/list-unit-consultations';

export function getUnitConsultationsQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: unitConsultationsKey(unitId),
    queryFn: ({ signal }) => listUnitConsultations(unitId, signal),
  });
}

export function useUnitConsultations(unitId: string) {
  return useQuery(getUnitConsultationsQueryOptions(unitId));
}
