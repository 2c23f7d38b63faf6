import { useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type OpenMatters = components['schemas']['MyOpenMattersDto'];

export const openMattersKey = ['me', 'open-matters'] as const;

/** `GET /api/me/open-matters`: the open votes I may cast in, consultations open for comment, sessions I am invited to. */
export function useOpenMatters(enabled = true) {
  return useQuery({
    queryKey: openMattersKey,
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/me/open-matters', { signal })),
    enabled,
    staleTime: 0,
  });
}
