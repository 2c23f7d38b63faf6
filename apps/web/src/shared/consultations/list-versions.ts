import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';

export type VersionSummary = components['schemas']['VersionSummaryDto'];

/**
 * `GET /api/consultations/{id}/versions`: the published versions of the draft, and for those who
 * run it the one being edited. The resident pages and the console's editor read it under the same
 * key (`versionsKey`), each with its own freshness.
 */
export function listVersions(consultationId: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  return unwrap(apiClient.GET('/api/consultations/{id}/versions', { params: { path: { id: consultationId } }, signal }));
}
