import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { consultationKey } from '../../../shared/consultations/query-keys';

export type Briefing = components['schemas']['BriefingDto'];

export const briefingsQueryKey = (consultationId: string) => [...consultationKey(consultationId), 'briefings'] as const;

/** `GET /api/consultations/{id}/briefings`: the sessions, with seats taken and whether I signed up. */
export function listBriefings(consultationId: string, signal?: AbortSignal): Promise<Briefing[]> {
  return unwrap(apiClient.GET('/api/consultations/{id}/briefings', { params: { path: { id: consultationId } }, signal }));
}

export function getBriefingsQueryOptions(consultationId: string) {
  return queryOptions({
    queryKey: briefingsQueryKey(consultationId),
    queryFn: ({ signal }) => listBriefings(consultationId, signal),
    staleTime: 0,
  });
}

export function useBriefings(consultationId: string) {
  return useQuery(getBriefingsQueryOptions(consultationId));
}
