import { formatInvitationCode, newInvitationCode, normaliseInvitationCode } from './invitation-code';

describe('invitation codes', () => {
  it('are 12 random digits printed in groups of four', () => {
    const code = newInvitationCode();
    expect(code).toMatch(/^\d{12}$/);
    expect(formatInvitationCode('482109375512')).toBe('4821 0937 5512');
    expect(new Set(Array.from({ length: 50 }, newInvitationCode)).size).toBe(50);
  });

  it('accept what people type: spaces, dashes and full-width digits', () => {
    expect(normaliseInvitationCode(' 4821 0937-5512 ')).toBe('482109375512');
    expect(normaliseInvitationCode('４８２１０９３７５５１２')).toBe('482109375512');
    expect(normaliseInvitationCode('4821 0937 551')).toBeNull();
    expect(normaliseInvitationCode('4821 0937 551x')).toBeNull();
  });
});
