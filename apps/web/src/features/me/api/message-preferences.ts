import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type MessagePreferences = components['schemas']['MessagePreferencesDto'];
export type MessagePreferencesUpdate = components['schemas']['UpdateMessagePreferencesDto'];

export const messagePreferencesKey = ['me', 'message-preferences'] as const;

/** `GET /api/me/message-preferences`: how notices reach me beyond the inbox, and my latest texts. */
export function useMessagePreferences() {
  return useQuery({
    queryKey: messagePreferencesKey,
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/me/message-preferences', { signal })),
  });
}

/** `PUT /api/me/message-preferences`. */
export function useSetMessagePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessagePreferencesUpdate) => unwrap(apiClient.PUT('/api/me/message-preferences', { body })),
    onSuccess: (data) => queryClient.setQueryData(messagePreferencesKey, data),
  });
}

/** `POST /api/me/wechat/binding`: WeChat's sign-in page, to open next. */
export function useStartWechatBinding() {
  return useMutation({ mutationFn: () => unwrap(apiClient.POST('/api/me/wechat/binding')) });
}

/** `DELETE /api/me/wechat/binding`. */
export function useUnbindWechat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(apiClient.DELETE('/api/me/wechat/binding')),
    onSuccess: (data) => queryClient.setQueryData(messagePreferencesKey, data),
  });
}
