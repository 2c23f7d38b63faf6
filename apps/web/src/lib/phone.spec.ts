import { describe, expect, it } from '@jest/globals';
import { isMainlandMobile, normalisePhone } from './phone';

describe('phone numbers', () => {
  it('are read without the spaces and dashes people type', () => {
    expect(normalisePhone(' 139 0000-0031 ')).toBe('13900000031');
  });

  it('are mainland mobile numbers: 11 digits from 13 to 19', () => {
    expect(isMainlandMobile('13900000031')).toBe(true);
    expect(isMainlandMobile('12900000031')).toBe(false);
    expect(isMainlandMobile('1390000003')).toBe(false);
    expect(isMainlandMobile('+8613900000031')).toBe(false);
  });
});
