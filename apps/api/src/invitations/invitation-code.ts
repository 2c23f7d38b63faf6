import { randomInt } from 'node:crypto';

/**
 * Invitation codes are 12 digits, printed in groups of four (4821 0937 5512): easy to type on a
 * phone's number pad, 10^12 possibilities, and guessing is throttled per address and number.
 */
export function newInvitationCode(): string {
  let digits = '';
  for (let i = 0; i < 12; i += 1) digits += String(randomInt(10));
  return digits;
}

export function formatInvitationCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** What a person typed (spaces, dashes, full-width digits) → the 12 digits, or null. */
export function normaliseInvitationCode(input: string): string | null {
  const ascii = input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const digits = ascii.replace(/[\s-]/g, '');
  return /^\d{12}$/.test(digits) ? digits : null;
}
