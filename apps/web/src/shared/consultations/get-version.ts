import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';

export type Version = components['schemas']['VersionDto'];
export type Clause = components['schemas']['ClauseDto'];
export type VersionAttachment = components['schemas']['VersionAttachmentDto'];

/** `GET /api/consultations/{id}/versions/{number}`: a version with its clauses and attachments (under `versionKey`). */
export function getVersion(consultationId: string, number: number, signal?: AbortSignal): Promise<Version> {
  return unwrap(apiClient.GET('/api/consultations/{id}/versions/{number}', { params: { path: { id: consultationId, number } }, signal }));
}
