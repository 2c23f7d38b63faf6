/** Mainland mobile numbers, as the API accepts them: 11 digits starting with 1[3-9]. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** What a person typed, without the spaces and dashes people write numbers with. */
export function normalisePhone(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function isMainlandMobile(phone: string): boolean {
  return MAINLAND_MOBILE.test(phone);
}
