/** Everything cached about my inbox: the list and the header's unread count. */
export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;
