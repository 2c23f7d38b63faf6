import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { versionKey, versionsKey } from '../../../shared/consultations/query-keys';

/** `DELETE /api/consultations/{id}/versions/{number}/attachments/{fileId}` (204): off the version being edited. */
export async function removeAttachment(consultationId: string, number: number, fileId: string): Promise<void> {
  await unwrap(apiClient.DELETE('/api/consultations/{id}/versions/{number}/attachments/{fileId}', { params: { path: { id: consultationId, number, fileId } } }));
}

export function useRemoveAttachment(consultationId: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => removeAttachment(consultationId, number, fileId),
    onSuccess: async () => {
      // The version (its attachments) and the list (their count).
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKey(consultationId, number), exact: true }),
        queryClient.invalidateQueries({ queryKey: versionsKey(consultationId), exact: true }),
      ]);
    },
  });
}
