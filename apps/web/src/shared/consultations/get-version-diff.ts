import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';

export type VersionDiff = components['schemas']['VersionDiffDto'];
export type ClauseDiff = components['schemas']['ClauseDiffDto'];
export type DiffSegment = components['schemas']['DiffSegmentDto'];

/** `GET /api/consultations/{id}/versions/{number}/diff`: clause by clause, what this version changed from the one before, and why (under `versionDiffKey`). */
export function getVersionDiff(consultationId: string, number: number, signal?: AbortSignal): Promise<VersionDiff> {
  return unwrap(apiClient.GET('/api/consultations/{id}/versions/{number}/diff', { params: { path: { id: consultationId, number } }, signal }));
}
