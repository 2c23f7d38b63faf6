import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { RollSearch } from './query-keys';
import { ROLL_PAGE_SIZE, rollQueryKey } from './query-keys';

export type RollHouseholdPage = components['schemas']['RollHouseholdPageDto'];
export type RollHousehold = components['schemas']['RollHouseholdDto'];
export type RollMember = components['schemas']['RollMemberDto'];
export type RollRevision = components['schemas']['RollRevisionDto'];

/** `GET /api/units/{unitId}/roll/households`: a cooperative's households with their members, a page at a time. */
export function listRollHouseholds(unitId: string, search: RollSearch, signal?: AbortSignal): Promise<RollHouseholdPage> {
  const query = { page: search.page, pageSize: ROLL_PAGE_SIZE, ...(search.q ? { q: search.q } : {}) };
  return unwrap(apiClient.GET('/api/units/{unitId}/roll/households', { params: { path: { unitId }, query }, signal }));
}

export function getRollHouseholdsQueryOptions(unitId: string, search: RollSearch) {
  return queryOptions({
    queryKey: [...rollQueryKey(unitId), 'households', search],
    queryFn: ({ signal }) => listRollHouseholds(unitId, search, signal),
    // Residents sign up and staff import at any time: read afresh, keep the last page on screen meanwhile.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useRollHouseholds(unitId: string, search: RollSearch, enabled = true) {
  return useQuery({ ...getRollHouseholdsQueryOptions(unitId, search), enabled });
}
