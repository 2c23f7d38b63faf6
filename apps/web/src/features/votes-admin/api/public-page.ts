import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

export type VotePublicLink = components['schemas']['VotePublicLinkDto'];

const publicLinkKey = (voteId: string) => [...voteKey(voteId), 'public-link'] as const;

/** `GET /api/votes/{id}/public-link`: the counted result's public page, and whether its board is public there. */
export function usePublicLink(voteId: string, counted: boolean) {
  return useQuery({
    queryKey: publicLinkKey(voteId),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/votes/{id}/public-link', { params: { path: { id: voteId } }, signal })),
    enabled: counted,
    retry: false,
  });
}

/** `POST /api/votes/{id}/board/publish`: show the board of receipts on the public page too (for good). */
export function usePublishBoard(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(apiClient.POST('/api/votes/{id}/board/publish', { params: { path: { id: voteId } } })),
    onSuccess: (link) => {
      queryClient.setQueryData(publicLinkKey(voteId), link);
      return queryClient.invalidateQueries({ queryKey: voteKey(voteId) });
    },
  });
}
