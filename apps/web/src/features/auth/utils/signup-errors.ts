/**
 * Where a refused sign-up's error belongs: next to the field it is about (a wrong SMS code, a
 * weak password, an invalid invitation) or at the top of the form (a taken number, throttling).
 */
import type { TFunction } from 'i18next';
import { ApiError, errorMessage } from '../../../lib/api-client';

export const SIGNUP_FIELDS = ['phone', 'smsCode', 'password', 'invitationCode', 'displayName'] as const;
export type SignupField = (typeof SIGNUP_FIELDS)[number];

export interface PlacedErrors {
  fields: Partial<Record<SignupField, string>>;
  /** A message for the whole form, or null. */
  alert: string | null;
}

const PASSWORD_REASONS = ['too_short', 'too_long', 'common', 'one_character', 'contains_phone'] as const;
type PasswordReason = (typeof PASSWORD_REASONS)[number];

function isPasswordReason(value: unknown): value is PasswordReason {
  return typeof value === 'string' && (PASSWORD_REASONS as readonly string[]).includes(value);
}

function isSignupField(value: unknown): value is SignupField {
  return typeof value === 'string' && (SIGNUP_FIELDS as readonly string[]).includes(value);
}

/** The fields named by a VALIDATION_FAILED error's `details.fields` (or `details.field`). */
function invalidFields(details: Record<string, unknown> | null): SignupField[] {
  if (!details) return [];
  const named: unknown[] = Array.isArray(details['fields'])
    ? (details['fields'] as unknown[]).map((f) => (typeof f === 'object' && f !== null ? (f as Record<string, unknown>)['field'] : null))
    : [details['field']];
  return named.filter(isSignupField);
}

export function placeSignupError(error: unknown, t: TFunction): PlacedErrors {
  if (!(error instanceof ApiError)) return { fields: {}, alert: errorMessage(error, t) };
  switch (error.code) {
    case 'INVALID_SMS_CODE':
      return { fields: { smsCode: t('errors.INVALID_SMS_CODE') }, alert: null };
    case 'INVALID_INVITATION':
      return { fields: { invitationCode: t('errors.INVALID_INVITATION') }, alert: null };
    case 'PASSWORD_TOO_WEAK': {
      const reason = error.details?.['reason'];
      return { fields: { password: isPasswordReason(reason) ? t(`auth.passwordProblem.${reason}`) : t('errors.PASSWORD_TOO_WEAK') }, alert: null };
    }
    case 'VALIDATION_FAILED': {
      const fields = invalidFields(error.details);
      if (fields.length === 0) return { fields: {}, alert: errorMessage(error, t) };
      return { fields: Object.fromEntries(fields.map((field) => [field, t(`auth.errors.${field}Rejected`)])), alert: null };
    }
    default:
      return { fields: {}, alert: errorMessage(error, t) };
  }
}
