import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { rollQueryKey } from './query-keys';

export type RollImportCommit = components['schemas']['RollImportCommitDto'];

/**
 * `POST /api/units/{unitId}/roll/imports/{importId}/commit`: the previewed file becomes the new
 * roll revision, in one transaction (409 ROLL_CHANGED when the roll changed since the preview,
 * 409 ROLL_IMPORT_CLOSED when it was committed already or expired).
 */
export function commitRollImport(unitId: string, importId: string): Promise<RollImportCommit> {
  return unwrap(apiClient.POST('/api/units/{unitId}/roll/imports/{importId}/commit', { params: { path: { unitId, importId } } }));
}

export function useCommitRollImport(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => commitRollImport(unitId, importId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rollQueryKey(unitId) }),
  });
}
