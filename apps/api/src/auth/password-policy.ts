import { dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn-ts's list of ~49,000 common passwords, plus patterns common on Chinese sites. */
const COMMON = new Set<string>([
  ...dictionary['passwords-common'],
  '5201314',
  '1314520',
  'woaini1314',
  'woaini520',
  'aini1314',
  'a5201314',
  'qq123456',
  'wang123456',
  'zhang123456',
  'li123456',
]);

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_phone' | 'one_character';

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, phone: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if ([...password].length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'common';
  if (/^(.)\1+$/u.test(password)) return 'one_character';
  if (lower.includes(phone) || lower.includes(phone.slice(-8))) return 'contains_phone';
  return null;
}
