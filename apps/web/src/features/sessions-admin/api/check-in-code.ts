import { useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { sessionKey } from '../../../shared/sessions/sessions-api';

/** `GET /api/sessions/{id}/check-in-code`: the room's code now, asked again when it rotates. */
export function useCheckInCode(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...sessionKey(sessionId), 'check-in-code'],
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/check-in-code', { params: { path: { id: sessionId } }, signal })),
    enabled,
    staleTime: 0,
    // Ask again just after the code rotates (every 30 s).
    refetchInterval: (query) => {
      const rotatesAt = query.state.data ? Date.parse(query.state.data.rotatesAt) : Date.now() + 30_000;
      return Math.max(1000, rotatesAt - Date.now() + 500);
    },
  });
}
