import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { NOTIFICATIONS_QUERY_KEY } from './query-keys';

export type InboxPage = components['schemas']['InboxPageDto'];
export type InboxNotification = components['schemas']['NotificationDto'];

export const INBOX_PAGE_SIZE = 20;
/** How often the header asks for the unread count while the page is visible (and on focus). */
export const UNREAD_POLL_MS = 60_000;

interface InboxQuery {
  before?: string;
  limit?: number;
  unreadOnly?: boolean;
}

/** `GET /api/me/notifications`: my inbox, newest first, a page at a time, with the unread count. */
export function listNotifications(query: InboxQuery, signal?: AbortSignal): Promise<InboxPage> {
  return unwrap(apiClient.GET('/api/me/notifications', { params: { query }, signal }));
}

export function getInboxQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'inbox'],
    queryFn: ({ pageParam, signal }) => listNotifications({ limit: INBOX_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    staleTime: 0,
  });
}

export function useInbox() {
  return useInfiniteQuery(getInboxQueryOptions());
}

/** The unread count alone: one message asked for, the count comes with it. */
export function getUnreadCountQueryOptions() {
  return queryOptions({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'unread'],
    queryFn: async ({ signal }) => (await listNotifications({ unreadOnly: true, limit: 1 }, signal)).unread,
    staleTime: UNREAD_POLL_MS / 2,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    // A failed poll is tried again at the next interval; no burst of retries from every open tab.
    retry: false,
  });
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...getUnreadCountQueryOptions(), enabled });
}
