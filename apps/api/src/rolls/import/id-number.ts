import { parseIsoDate } from '@yishi/domain';

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6 digits of region, 8 of birth date,
 * 3 of sequence and a check character over the first 17 under ISO 7064 MOD 11-2. Yishi never
 * stores one: only a keyed hash of the normalised number and its last four characters.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** Full-width digits and letters to ASCII, spaces dropped, a lower-case check `x` made upper. */
export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export type IdNumberCheck =
  | { ok: true; normalised: string; birthDate: string; last4: string }
  | { ok: false; reason: 'format' | 'first-generation' | 'birth-date' | 'checksum' };

/**
 * Checks an identity number as written in a roll file: 18 characters, a real birth date not
 * after `today` (ISO date), and the check character. 15-digit first-generation numbers stopped
 * being valid in 2013 and are refused with their own reason.
 */
export function checkIdNumber(raw: string, today: string): IdNumberCheck {
  const value = normaliseIdNumber(raw);
  if (/^\d{15}$/.test(value)) return { ok: false, reason: 'first-generation' };
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  try {
    parseIsoDate(birthDate);
  } catch {
    return { ok: false, reason: 'birth-date' };
  }
  if (birthDate > today || birthDate < '1900-01-01') return { ok: false, reason: 'birth-date' };
  if (idNumberCheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, normalised: value, birthDate, last4: value.slice(14) };
}
