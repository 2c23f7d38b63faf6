import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { SESSION_QUERY_KEY } from '../../../lib/auth';
import { MY_ROLL_QUERY_KEY } from './get-my-roll';

export type LetterCheck = components['schemas']['LetterCheckDto'];
export type LinkCodeSent = components['schemas']['LinkCodeSentDto'];
export type RedeemRequest = components['schemas']['RedeemInvitationDto'];

/** `POST /api/me/invitations/check`: what a letter is for and how I can prove it is mine (links nothing). */
export function checkInvitation(code: string): Promise<LetterCheck> {
  return unwrap(apiClient.POST('/api/me/invitations/check', { body: { code } }));
}

export function useCheckInvitation() {
  return useMutation({ mutationFn: checkInvitation });
}

/** `POST /api/me/invitations/phone-code`: a code to the phone number the roll holds for the letter's person. */
export function sendInvitationPhoneCode(code: string): Promise<LinkCodeSent> {
  return unwrap(apiClient.POST('/api/me/invitations/phone-code', { body: { code } }));
}

export function useSendInvitationPhoneCode() {
  return useMutation({ mutationFn: sendInvitationPhoneCode });
}

/** `POST /api/me/invitations`: links my account to the letter's roll entry, with my proof (204). */
export async function redeemInvitation(request: RedeemRequest): Promise<void> {
  await unwrap(apiClient.POST('/api/me/invitations', { body: request }));
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
