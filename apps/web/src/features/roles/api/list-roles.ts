import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type NodeRole = components['schemas']['NodeRoleDto'];

export const rolesQueryKey = (nodeId: string) => ['roles', nodeId] as const;

/** `GET /api/nodes/{nodeId}/roles`: the roles granted on a node. */
export function listRoles(nodeId: string, signal?: AbortSignal): Promise<NodeRole[]> {
  return unwrap(apiClient.GET('/api/nodes/{nodeId}/roles', { params: { path: { nodeId } }, signal }));
}

export function getRolesQueryOptions(nodeId: string) {
  return queryOptions({ queryKey: rolesQueryKey(nodeId), queryFn: ({ signal }) => listRoles(nodeId, signal) });
}

export function useRoles(nodeId: string) {
  return useQuery(getRolesQueryOptions(nodeId));
}
