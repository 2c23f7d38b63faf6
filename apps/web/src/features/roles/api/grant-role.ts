import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { NodeRole } from './list-roles';
import { rolesQueryKey } from './list-roles';

export type GrantRoleInput = components['schemas']['GrantRoleDto'];

/** `POST /api/nodes/{nodeId}/roles`: grants a role to the account with this phone number. */
export function grantRole(nodeId: string, body: GrantRoleInput): Promise<NodeRole> {
  return unwrap(apiClient.POST('/api/nodes/{nodeId}/roles', { params: { path: { nodeId } }, body }));
}

export function useGrantRole(nodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantRoleInput) => grantRole(nodeId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey(nodeId) }),
  });
}
