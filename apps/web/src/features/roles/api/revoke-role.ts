import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { rolesQueryKey } from './list-roles';

/** `DELETE /api/roles/{grantId}`: revokes a role grant (204). */
export async function revokeRole(grantId: string): Promise<void> {
  await unwrap(apiClient.DELETE('/api/roles/{grantId}', { params: { path: { grantId } } }));
}

export function useRevokeRole(nodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey(nodeId) }),
  });
}
