import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { Version } from './get-version';
import { versionKey, versionsKey } from '../../../shared/consultations/query-keys';

/**
 * `POST /api/consultations/{id}/versions`: starts the next version, empty for the first, else a
 * copy of the latest published one whose clauses continue the ones they copy (409
 * `version_editing` while one is being edited).
 */
export function createVersion(consultationId: string): Promise<Version> {
  return unwrap(apiClient.POST('/api/consultations/{id}/versions', { params: { path: { id: consultationId } } }));
}

export function useCreateVersion(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createVersion(consultationId),
    onSuccess: async (version) => {
      queryClient.setQueryData(versionKey(consultationId, version.number), version);
      await queryClient.invalidateQueries({ queryKey: versionsKey(consultationId), exact: true });
    },
  });
}
