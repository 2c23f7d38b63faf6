import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type OrgTreeNode = components['schemas']['OrgTreeNodeDto'];
export type OrgNodeKind = components['schemas']['OrgNodeKind'];
export type UnitStats = components['schemas']['UnitStatsDto'];

/** `GET /api/organizations/tree`: streets → communities → units, with roll figures for units. */
export function getOrganizationTree(signal?: AbortSignal): Promise<OrgTreeNode[]> {
  return unwrap(apiClient.GET('/api/organizations/tree', { signal }));
}

export function getOrganizationTreeQueryOptions() {
  return queryOptions({
    queryKey: ['organizations', 'tree'],
    queryFn: ({ signal }) => getOrganizationTree(signal),
    // The tree changes when staff edit the organization, rarely: five minutes is fresh enough.
    staleTime: 5 * 60 * 1000,
  });
}

export function useOrganizationTree() {
  return useQuery(getOrganizationTreeQueryOptions());
}
