import { useMutation } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type SmsCodeSent = components['schemas']['SmsCodeSentDto'];

/** `POST /api/auth/sms-code`: sends a sign-up code to the number (202). */
export function requestSmsCode(phone: string): Promise<SmsCodeSent> {
  return unwrap(apiClient.POST('/api/auth/sms-code', { body: { phone, purpose: 'signup' } }));
}

export function useRequestSmsCode() {
  return useMutation({ mutationFn: requestSmsCode });
}
