import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '../../../lib/api-client';
import { SESSION_QUERY_KEY } from '../../../lib/auth';
import { MY_ROLL_QUERY_KEY } from './get-my-roll';

/** `POST /api/me/invitations`: links my account to the roll entry of a letter's code (204). */
export async function redeemInvitation(code: string): Promise<void> {
  await unwrap(apiClient.POST('/api/me/invitations', { body: { code } }));
}

/** Linking changes my roll and my roles (a resident role on the unit): both are read again. */
export function useRedeemInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: redeemInvitation,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: MY_ROLL_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
      ]);
    },
  });
}
