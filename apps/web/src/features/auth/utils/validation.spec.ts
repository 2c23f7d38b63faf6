import { describe, expect, it } from '@jest/globals';
import { displayNameProblem, invitationCodeProblem, loginPasswordProblem, newPasswordProblem, normalisePhone, phoneProblem, smsCodeProblem } from './validation';

describe('phone numbers', () => {
  it('are read however a person types them', () => {
    for (const typed of ['13800000003', '138 0000 0003', '138-0000-0003', '+86 138 0000 0003', '0086 13800000003', '8613800000003', '１３８０００００００３']) {
      expect(normalisePhone(typed)).toBe('13800000003');
    }
  });

  it('must be a mainland mobile number', () => {
    expect(phoneProblem('138 0000 0003')).toBeNull();
    expect(phoneProblem('')).toBe('auth.errors.phoneRequired');
    expect(phoneProblem('   ')).toBe('auth.errors.phoneRequired');
    expect(phoneProblem('1380000000')).toBe('auth.errors.phoneInvalid');
    expect(phoneProblem('12800000003')).toBe('auth.errors.phoneInvalid');
    expect(phoneProblem('020 8888 8888')).toBe('auth.errors.phoneInvalid');
  });
});

describe('passwords', () => {
  it('to sign in, only need to be there', () => {
    expect(loginPasswordProblem('')).toBe('auth.errors.passwordRequired');
    expect(loginPasswordProblem('x')).toBeNull();
  });

  it('for a new account, follow the API rules the browser can check', () => {
    expect(newPasswordProblem('', '13800000003')).toBe('auth.errors.passwordRequired');
    expect(newPasswordProblem('short7!', '13800000003')).toBe('auth.passwordProblem.too_short');
    expect(newPasswordProblem('x'.repeat(129) + 'y', '13800000003')).toBe('auth.passwordProblem.too_long');
    expect(newPasswordProblem('aaaaaaaaaa', '13800000003')).toBe('auth.passwordProblem.one_character');
    expect(newPasswordProblem('me13800000003', '138 0000 0003')).toBe('auth.passwordProblem.contains_phone');
    expect(newPasswordProblem('00000003abc', '13800000003')).toBe('auth.passwordProblem.contains_phone');
    expect(newPasswordProblem('lantern-river-42', '13800000003')).toBeNull();
  });

  it('count characters, not UTF-16 units', () => {
    expect(newPasswordProblem('议事议事议事议', '13800000003')).toBe('auth.passwordProblem.too_short');
    expect(newPasswordProblem('议事平台很好用的', '13800000003')).toBeNull();
  });
});

describe('the other sign-up fields', () => {
  it('want six digits of SMS code', () => {
    expect(smsCodeProblem('123456')).toBeNull();
    expect(smsCodeProblem('123 456')).toBeNull();
    expect(smsCodeProblem('')).toBe('auth.errors.smsCodeRequired');
    expect(smsCodeProblem('12345')).toBe('auth.errors.smsCodeInvalid');
  });

  it('take an invitation code as optional, but whole when given', () => {
    expect(invitationCodeProblem('')).toBeNull();
    expect(invitationCodeProblem('4821 0937 5512')).toBeNull();
    expect(invitationCodeProblem('4821 0937')).toBe('auth.errors.invitationCodeInvalid');
  });

  it('need a name only without an invitation code', () => {
    expect(displayNameProblem('', false)).toBe('auth.errors.displayNameRequired');
    expect(displayNameProblem('  ', false)).toBe('auth.errors.displayNameRequired');
    expect(displayNameProblem('', true)).toBeNull();
    expect(displayNameProblem('陈阿姨', false)).toBeNull();
    expect(displayNameProblem('名'.repeat(41), true)).toBe('auth.errors.displayNameTooLong');
  });
});
