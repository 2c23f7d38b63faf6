import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { RollSearch } from './query-keys';
import { ROLL_PAGE_SIZE, rollQueryKey } from './query-keys';

export type RollExclusiveUnitPage = components['schemas']['RollExclusiveUnitPageDto'];
export type RollExclusiveUnit = components['schemas']['RollExclusiveUnitDto'];
export type RollOwner = components['schemas']['RollOwnerDto'];
export type RollTenant = components['schemas']['RollTenantDto'];
export type RollBuilding = components['schemas']['RollBuildingDto'];

export interface ExclusiveUnitSearch extends RollSearch {
  /** Only this building's units; null for all. */
  buildingId: string | null;
}

/** `GET /api/units/{unitId}/roll/exclusive-units`: a compound's units with owners and tenants, a page at a time, and its buildings. */
export function listRollExclusiveUnits(unitId: string, search: ExclusiveUnitSearch, pageSize = ROLL_PAGE_SIZE, signal?: AbortSignal): Promise<RollExclusiveUnitPage> {
  const query = { page: search.page, pageSize, ...(search.q ? { q: search.q } : {}), ...(search.buildingId ? { buildingId: search.buildingId } : {}) };
  return unwrap(apiClient.GET('/api/units/{unitId}/roll/exclusive-units', { params: { path: { unitId }, query }, signal }));
}

export function getRollExclusiveUnitsQueryOptions(unitId: string, search: ExclusiveUnitSearch) {
  return queryOptions({
    queryKey: [...rollQueryKey(unitId), 'exclusive-units', search],
    queryFn: ({ signal }) => listRollExclusiveUnits(unitId, search, ROLL_PAGE_SIZE, signal),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useRollExclusiveUnits(unitId: string, search: ExclusiveUnitSearch, enabled = true) {
  return useQuery({ ...getRollExclusiveUnitsQueryOptions(unitId, search), enabled });
}

/**
 * A compound's buildings (for the building pickers of letters and roles): the list comes with
 * every page of exclusive units, so one unit's page is asked for.
 */
export function getRollBuildingsQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: [...rollQueryKey(unitId), 'buildings'],
    queryFn: async ({ signal }) => (await listRollExclusiveUnits(unitId, { q: '', page: 1, buildingId: null }, 1, signal)).buildings,
  });
}

export function useRollBuildings(unitId: string, enabled: boolean) {
  return useQuery({ ...getRollBuildingsQueryOptions(unitId), enabled });
}
