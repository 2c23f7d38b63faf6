import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { versionKey } from '../../../shared/consultations/query-keys';

export type DraftVersion = components['schemas']['VersionDto'];
export type Clause = components['schemas']['ClauseDto'];
export type VersionAttachment = components['schemas']['VersionAttachmentDto'];

/** `GET /api/consultations/{id}/versions/{number}`: a version with its clauses and attachments. */
export function getVersion(consultationId: string, number: number, signal?: AbortSignal): Promise<DraftVersion> {
  return unwrap(apiClient.GET('/api/consultations/{id}/versions/{number}', { params: { path: { id: consultationId, number } }, signal }));
}

export function getVersionQueryOptions(consultationId: string, number: number) {
  return queryOptions({
    queryKey: versionKey(consultationId, number),
    queryFn: ({ signal }) => getVersion(consultationId, number, signal),
    // A published version never changes.
    staleTime: 10 * 60 * 1000,
  });
}

export function useVersion(consultationId: string, number: number | null) {
  return useQuery({ ...getVersionQueryOptions(consultationId, number ?? 0), enabled: number !== null });
}
