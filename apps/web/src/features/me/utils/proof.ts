/**
 * What a person typed to prove a letter is theirs, as the API takes it: the code sent to the
 * roll's phone, or the whole identity number (spaces dropped, a lower-case x made upper).
 */
export interface ProofMethods {
  phoneMatches: boolean;
  rollPhone: string | null;
  idNumber: boolean;
}

export type ProofField = 'phoneCode' | 'idNumber';

export type ProofInput =
  | { ok: true; proof: { phoneCode?: string; idNumber?: string } }
  | { ok: false; field: ProofField | null; message: 'me.link.phoneCodeInvalid' | 'me.link.idNumberInvalid' | 'me.link.proofRequired' };

/** Full-width digits and letters to ASCII, spaces dropped, upper case. */
function normalise(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function proofInput(methods: ProofMethods, typed: { phoneCode: string; idNumber: string }): ProofInput {
  if (methods.phoneMatches) return { ok: true, proof: {} };
  const phoneCode = normalise(typed.phoneCode);
  const idNumber = normalise(typed.idNumber);
  if (methods.rollPhone && phoneCode) {
    return /^\d{6}$/.test(phoneCode) ? { ok: true, proof: { phoneCode } } : { ok: false, field: 'phoneCode', message: 'me.link.phoneCodeInvalid' };
  }
  if (methods.idNumber && idNumber) {
    return /^\d{17}[\dX]$/.test(idNumber) ? { ok: true, proof: { idNumber } } : { ok: false, field: 'idNumber', message: 'me.link.idNumberInvalid' };
  }
  const first: ProofField | null = methods.rollPhone ? 'phoneCode' : methods.idNumber ? 'idNumber' : null;
  return { ok: false, field: first, message: 'me.link.proofRequired' };
}
