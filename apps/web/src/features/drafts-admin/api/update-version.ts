import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { Version } from './get-version';
import { versionDiffKey, versionKey, versionsKey } from '../../../shared/consultations/query-keys';

export type UpdateVersionInput = components['schemas']['UpdateVersionDto'];

/**
 * `PUT /api/consultations/{id}/versions/{number}`: replaces the whole content of the version
 * being edited (clauses numbered in the order sent; a clause sent without its id is new).
 */
export function updateVersion(consultationId: string, number: number, body: UpdateVersionInput): Promise<Version> {
  return unwrap(apiClient.PUT('/api/consultations/{id}/versions/{number}', { params: { path: { id: consultationId, number } }, body }));
}

export function useUpdateVersion(consultationId: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateVersionInput) => updateVersion(consultationId, number, body),
    onSuccess: async (version) => {
      queryClient.setQueryData(versionKey(consultationId, number), version);
      // The list (clause counts) and this version's diff; the version itself is what came back.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: versionsKey(consultationId), exact: true }),
        queryClient.invalidateQueries({ queryKey: versionDiffKey(consultationId, number) }),
      ]);
    },
  });
}
