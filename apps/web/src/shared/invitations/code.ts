/**
 * Invitation codes as people meet them: twelve digits printed in groups of four
 * (「4821 0937 5512」), typed on a phone's number pad, scanned from a letter's QR code
 * (`/signup?code=482109375512`). The API accepts spaces and dashes; these helpers keep the
 * screens and the letters consistent.
 */
export const INVITATION_CODE_LENGTH = 12;

/** Half-width digits for full-width ones (「４８２１」 from a Chinese input method). */
function toAsciiDigits(input: string): string {
  return input.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** The digits of what a person typed or pasted, ignoring spaces, dashes and anything else. */
export function invitationCodeDigits(input: string): string {
  return toAsciiDigits(input).replace(/\D/g, '');
}

/** The twelve digits of a complete code, or null when the input is not one. */
export function normaliseInvitationCode(input: string): string | null {
  const stripped = toAsciiDigits(input).replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${INVITATION_CODE_LENGTH}}$`).test(stripped) ? stripped : null;
}

/** Groups of four, as printed: `482109375512` → `4821 0937 5512`; a partial code groups what it has. */
export function formatInvitationCode(input: string): string {
  return invitationCodeDigits(input)
    .slice(0, INVITATION_CODE_LENGTH)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The sign-up address a letter's QR code opens: `<origin>/signup?code=<digits>`. */
export function signupUrl(origin: string, code: string): string {
  const url = new URL('/signup', origin);
  url.searchParams.set('code', invitationCodeDigits(code));
  return url.toString();
}
