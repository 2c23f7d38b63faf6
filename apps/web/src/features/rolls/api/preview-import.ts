import { useMutation } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import type { ApiClient } from '../../../lib/api-client';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';

export type RollImportPreview = components['schemas']['RollImportPreviewDto'];
export type RollProblem = components['schemas']['RollProblemDto'];
export type RollChange = components['schemas']['RollChangeDto'];

/** The API's limit on a roll file (`ROLL_FILE_MAX_BYTES`): checked here first, to say so before uploading. */
export const ROLL_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const ROLL_FILE_EXTENSIONS = ['.xlsx', '.csv'] as const;

/**
 * `POST /api/units/{unitId}/roll/imports` (multipart, field `file`): every problem of the file by
 * row and column, or what committing it would change. Nothing is saved to the roll.
 */
export function previewRollImport(unitId: string, file: File, client: ApiClient = apiClient): Promise<RollImportPreview> {
  return unwrap(client.POST('/api/units/{unitId}/roll/imports', { params: { path: { unitId } }, ...multipartBody({ file }) }));
}

export function usePreviewRollImport(unitId: string) {
  return useMutation({ mutationFn: (file: File) => previewRollImport(unitId, file) });
}
