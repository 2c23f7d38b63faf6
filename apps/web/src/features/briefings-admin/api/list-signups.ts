import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { signupsKey } from './keys';

export type BriefingSignup = components['schemas']['BriefingSignupDto'];

/** `GET /api/briefings/{id}/signups`: who signed up, and who was recorded present. */
export function listSignups(briefingId: string, signal?: AbortSignal): Promise<BriefingSignup[]> {
  return unwrap(apiClient.GET('/api/briefings/{id}/signups', { params: { path: { id: briefingId } }, signal }));
}

export function getSignupsQueryOptions(consultationId: string, briefingId: string) {
  return queryOptions({ queryKey: signupsKey(consultationId, briefingId), queryFn: ({ signal }) => listSignups(briefingId, signal), staleTime: 0 });
}

export function useSignups(consultationId: string, briefingId: string, enabled: boolean) {
  return useQuery({ ...getSignupsQueryOptions(consultationId, briefingId), enabled });
}
