import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { voteKey } from '../../../shared/votes/query-keys';

export type VoteObjection = components['schemas']['VoteObjectionDto'];

const objectionsKey = (voteId: string) => [...voteKey(voteId), 'objections'] as const;

/** `GET /api/votes/{id}/objections`: objections to the result and their answers. */
export async function listObjections(voteId: string, signal?: AbortSignal): Promise<VoteObjection[]> {
  return unwrap(apiClient.GET('/api/votes/{id}/objections', { params: { path: { id: voteId } }, signal }));
}

export function useObjections(voteId: string) {
  return useQuery(queryOptions({ queryKey: objectionsKey(voteId), queryFn: ({ signal }) => listObjections(voteId, signal) }));
}

/** `POST /api/votes/{id}/objections` while the provisional result is on notice. */
export function objectToResult(voteId: string, body: string): Promise<{ id: string }> {
  return unwrap(apiClient.POST('/api/votes/{id}/objections', { params: { path: { id: voteId } }, body: { body } }));
}

export function useObjectToResult(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => objectToResult(voteId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: objectionsKey(voteId) }),
  });
}
