import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type PublicResult = components['schemas']['PublicResultDto'];
export type PublicBoard = components['schemas']['PublicResultBoardDto'];

/** Whatever one public page shows starts with this key. */
export const publicResultKey = (token: string | null) => ['public-result', token] as const;

/** `GET /api/public/results/{token}`: no account needed (404 for a key that is unknown or not yet published). */
export async function getPublicResult(token: string, signal?: AbortSignal): Promise<PublicResult> {
  return unwrap(apiClient.GET('/api/public/results/{token}', { params: { path: { token } }, signal }));
}

/** The result behind a key; `null` (a key that cannot be one) asks nothing. */
export function usePublicResult(token: string | null) {
  return useQuery(
    queryOptions({
      queryKey: publicResultKey(token),
      queryFn: ({ signal }) => getPublicResult(token!, signal),
      enabled: token !== null,
      retry: false,
    }),
  );
}

/** `GET /api/public/results/{token}/board`: the board of receipts, once the convenor has published it. */
export async function getPublicBoard(token: string, signal?: AbortSignal): Promise<PublicBoard> {
  return unwrap(apiClient.GET('/api/public/results/{token}/board', { params: { path: { token } }, signal }));
}

export function usePublicBoard(token: string | null, published: boolean) {
  return useQuery(
    queryOptions({
      queryKey: [...publicResultKey(token), 'board'],
      queryFn: ({ signal }) => getPublicBoard(token!, signal),
      enabled: token !== null && published,
      retry: false,
    }),
  );
}

/** Where the recount kit is downloaded from, with no account. */
export const publicKitHref = (token: string): string => `/api/public/results/${token}/recount-kit`;
