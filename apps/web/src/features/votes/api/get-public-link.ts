import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

export type VotePublicLink = components['schemas']['VotePublicLinkDto'];

/** `GET /api/votes/{id}/public-link` (409 `not_counted` before the count: there is no public page yet). */
export async function getPublicLink(voteId: string, signal?: AbortSignal): Promise<VotePublicLink> {
  return unwrap(apiClient.GET('/api/votes/{id}/public-link', { params: { path: { id: voteId } }, signal }));
}

/** Where the result's public page is, for the QR code on the notice. */
export function usePublicLink(voteId: string, counted: boolean) {
  return useQuery(
    queryOptions({
      queryKey: [...voteKey(voteId), 'public-link'],
      queryFn: ({ signal }) => getPublicLink(voteId, signal),
      enabled: counted,
      retry: false,
    }),
  );
}
