/**
 * Checks made in the browser before anything is sent, so a mistake is pointed out at once and
 * in the person's language. The API checks everything again (and the common-password list is
 * only there). Each check returns the i18n key of the problem, or null.
 */
import { normaliseInvitationCode } from '../../../shared/invitations/code';

/** Mainland mobile numbers: 11 digits starting with 1 and a second digit of 3–9. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const DISPLAY_NAME_MAX_LENGTH = 40;

/** `138 0000 0003`, `138-0000-0003`, `+86 13800000003` or full-width digits → `13800000003`. */
export function normalisePhone(input: string): string {
  const ascii = input.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/＋/g, '+');
  const compact = ascii.replace(/[\s\-()（）]/g, '');
  const withoutCountry = compact.replace(/^(?:\+86|0086)(?=1\d{10}$)/, '');
  return /^861\d{10}$/.test(withoutCountry) ? withoutCountry.slice(2) : withoutCountry;
}

export type PhoneProblem = 'auth.errors.phoneRequired' | 'auth.errors.phoneInvalid';

export function phoneProblem(input: string): PhoneProblem | null {
  const phone = normalisePhone(input);
  if (!phone) return 'auth.errors.phoneRequired';
  return MAINLAND_MOBILE.test(phone) ? null : 'auth.errors.phoneInvalid';
}

export function loginPasswordProblem(password: string): 'auth.errors.passwordRequired' | null {
  return password.length === 0 ? 'auth.errors.passwordRequired' : null;
}

export type NewPasswordProblem =
  | 'auth.errors.passwordRequired'
  | 'auth.passwordProblem.too_short'
  | 'auth.passwordProblem.too_long'
  | 'auth.passwordProblem.one_character'
  | 'auth.passwordProblem.contains_phone';

/** The rules the API applies to a new password, except the common-password list (too big to ship). */
export function newPasswordProblem(password: string, phoneInput: string): NewPasswordProblem | null {
  const length = [...password].length;
  if (length === 0) return 'auth.errors.passwordRequired';
  if (length < PASSWORD_MIN_LENGTH) return 'auth.passwordProblem.too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'auth.passwordProblem.too_long';
  if (/^(.)\1+$/u.test(password)) return 'auth.passwordProblem.one_character';
  const phone = normalisePhone(phoneInput);
  const lower = password.toLowerCase();
  if (MAINLAND_MOBILE.test(phone) && (lower.includes(phone) || lower.includes(phone.slice(-8)))) return 'auth.passwordProblem.contains_phone';
  return null;
}

export function smsCodeProblem(input: string): 'auth.errors.smsCodeRequired' | 'auth.errors.smsCodeInvalid' | null {
  const code = input.replace(/\s/g, '');
  if (!code) return 'auth.errors.smsCodeRequired';
  return /^\d{6}$/.test(code) ? null : 'auth.errors.smsCodeInvalid';
}

/** An invitation code is optional; when given it must be the twelve digits of a letter. */
export function invitationCodeProblem(input: string): 'auth.errors.invitationCodeInvalid' | null {
  if (!input.trim()) return null;
  return normaliseInvitationCode(input) ? null : 'auth.errors.invitationCodeInvalid';
}

/** Without an invitation code the account needs a name to be called by; with one the roll's name is used. */
export function displayNameProblem(name: string, hasInvitationCode: boolean): 'auth.errors.displayNameRequired' | 'auth.errors.displayNameTooLong' | null {
  const trimmed = name.trim();
  if (!trimmed) return hasInvitationCode ? null : 'auth.errors.displayNameRequired';
  return [...trimmed].length > DISPLAY_NAME_MAX_LENGTH ? 'auth.errors.displayNameTooLong' : null;
}
