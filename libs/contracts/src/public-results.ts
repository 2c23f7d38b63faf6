/**
 * The public link of a published result, as people meet it: a QR code on the paper notice, and
 * the same address written out beside it for typing (`http://…/r/k7qm-3xfa-…`). Its key is 28
 * characters of lower-case Crockford base32 (140 random bits): no i, l, o or u, no shift key on a
 * phone, printed in groups of four. What a person types is forgiven the way Crockford's alphabet
 * intends (capitals, full-width characters, spaces and dashes, i/l for 1, o for 0); the API
 * accepts only the canonical form.
 */
export const PUBLIC_TOKEN_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const PUBLIC_TOKEN_LENGTH = 28;
/** The canonical key, as stored and as the API takes it. */
export const PUBLIC_TOKEN_PATTERN = /^[0-9a-hjkmnp-tv-z]{28}$/;

/** Where the public page of a result lives in the web app. */
export const PUBLIC_RESULT_ROUTE = '/r';

export function isPublicToken(value: string): boolean {
  return PUBLIC_TOKEN_PATTERN.test(value);
}

/** The canonical key of what a person typed, scanned or pasted, or null when it cannot be one. */
export function normalisePublicToken(input: string): string | null {
  const ascii = input.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const key = ascii
    .toLowerCase()
    .replace(/[\s\-\u00a0\u3000]/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  return isPublicToken(key) ? key : null;
}

/** Groups of four joined by dashes, as printed: `k7qm3xfa…` → `k7qm-3xfa-…`. */
export function formatPublicToken(token: string): string {
  return token.replace(/(.{4})(?=.)/g, '$1-');
}

/** The page's path: `/r/k7qm-3xfa-…`. */
export function publicResultPath(token: string): string {
  return `${PUBLIC_RESULT_ROUTE}/${formatPublicToken(token)}`;
}

/** The page's address on the origin the notice was printed from (what the QR code holds). */
export function publicResultUrl(origin: string, token: string): string {
  return new URL(publicResultPath(token), origin).toString();
}
