import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { sessionKey } from '../../../shared/sessions/sessions-api';

export type SelfCheckInResult = components['schemas']['SelfCheckInResultDto'];

/** `POST /api/sessions/{id}/self-check-ins`: checks me in by the code of the room's QR. */
export function useSelfCheckIn(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(apiClient.POST('/api/sessions/{id}/self-check-ins', { params: { path: { id: sessionId } }, body: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) }),
  });
}
