import { describe, expect, it } from '@jest/globals';
import { formatInvitationCode, invitationCodeDigits, normaliseInvitationCode, signupUrl } from './code';

describe('invitation codes', () => {
  it('accept the printed form, dashes, full-width digits and no spaces', () => {
    for (const typed of ['4821 0937 5512', '482109375512', '4821-0937-5512', '４８２１ ０９３７ ５５１２', ' 4821 0937 5512 ']) {
      expect(normaliseInvitationCode(typed)).toBe('482109375512');
    }
  });

  it('refuse anything that is not twelve digits', () => {
    for (const typed of ['', '4821 0937 551', '4821 0937 55123', '4821 0937 551a', '4821.0937.5512']) {
      expect(normaliseInvitationCode(typed)).toBeNull();
    }
  });

  it('are shown in groups of four, as printed', () => {
    expect(formatInvitationCode('482109375512')).toBe('4821 0937 5512');
    expect(formatInvitationCode('48210')).toBe('4821 0');
    expect(formatInvitationCode('4821-0937-5512-99')).toBe('4821 0937 5512');
  });

  it('open the sign-up page with the digits from a QR code', () => {
    expect(signupUrl('http://192.168.1.20:3000', '4821 0937 5512')).toBe('http://192.168.1.20:3000/signup?code=482109375512');
    expect(signupUrl('https://yishi.example.cn/', '482109375512')).toBe('https://yishi.example.cn/signup?code=482109375512');
    expect(invitationCodeDigits('4821 0937 5512')).toBe('482109375512');
  });
});
