import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { ALL_UNIT_CONSULTATIONS_KEY, consultationKey } from '../../../shared/consultations/query-keys';
import type { Version } from './get-version';

/** `POST /api/consultations/{id}/versions/{number}/publish`: from now on its text never changes. */
export function publishVersion(consultationId: string, number: number): Promise<Version> {
  return unwrap(apiClient.POST('/api/consultations/{id}/versions/{number}/publish', { params: { path: { id: consultationId, number } } }));
}

export function usePublishVersion(consultationId: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishVersion(consultationId, number),
    // The consultation's current version changes with it, wherever it is shown.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationKey(consultationId) }),
        queryClient.invalidateQueries({ queryKey: ALL_UNIT_CONSULTATIONS_KEY }),
      ]);
    },
  });
}
