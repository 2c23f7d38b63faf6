import { useMutation } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type SmsCodeSent = components['schemas']['SmsCodeSentDto'];

/** `POST /api/auth/sms-code`: sends a sign-up (or password-reset) code to the number (202). */
export function requestSmsCode(phone: string, purpose: 'signup' | 'reset' = 'signup'): Promise<SmsCodeSent> {
  return unwrap(apiClient.POST('/api/auth/sms-code', { body: { phone, purpose } }));
}

export function useRequestSmsCode(purpose: 'signup' | 'reset' = 'signup') {
  return useMutation({ mutationFn: (phone: string) => requestSmsCode(phone, purpose) });
}

/** `POST /api/auth/password-reset`: a new password with the reset code (every session ends). */
export function useResetPassword() {
  return useMutation({ mutationFn: (body: { phone: string; smsCode: string; password: string }) => unwrap(apiClient.POST('/api/auth/password-reset', { body })) });
}
