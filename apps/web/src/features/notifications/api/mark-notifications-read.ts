import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { NOTIFICATIONS_QUERY_KEY } from './query-keys';

/** `POST /api/me/notifications/read`: the given notifications, or all of mine, marked read. */
export async function markNotificationsRead(ids?: readonly string[]): Promise<number> {
  const result = await unwrap(apiClient.POST('/api/me/notifications/read', { body: ids ? { ids: [...ids] } : {} }));
  return result.marked;
}

/** Marking read changes the inbox and the header's count: both are read again (even after leaving the page). */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: readonly string[]) => markNotificationsRead(ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  });
}
