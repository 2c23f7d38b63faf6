import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '@yishi/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';
import type { VersionAttachment } from './get-version';
import { versionKey, versionsKey } from '../../../shared/consultations/query-keys';

export const ATTACHMENT_MAX_BYTES = LIMITS.fileBytes;
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.webp'] as const;
export const ATTACHMENT_TITLE_MAX = 200;

export interface AttachmentInput {
  title: string;
  file: File;
}

/** `POST /api/consultations/{id}/versions/{number}/attachments` (multipart `title`, `file`): a PDF or photo on the version being edited. */
export function addAttachment(consultationId: string, number: number, input: AttachmentInput, client: ApiClient = apiClient): Promise<VersionAttachment> {
  return unwrap(
    client.POST('/api/consultations/{id}/versions/{number}/attachments', {
      params: { path: { id: consultationId, number } },
      ...multipartBody({ title: input.title, file: input.file }),
    }),
  );
}

export function useAddAttachment(consultationId: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttachmentInput) => addAttachment(consultationId, number, input),
    onSuccess: async () => {
      // The version (its attachments) and the list (their count).
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKey(consultationId, number), exact: true }),
        queryClient.invalidateQueries({ queryKey: versionsKey(consultationId), exact: true }),
      ]);
    },
  });
}
