import { passwordProblem } from './password-policy';

describe('password policy', () => {
  const phone = '13800000011';
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('南村 老榕树 2026', phone)).toBeNull();
    expect(passwordProblem('green-teapot-47', phone)).toBeNull();
  });
  it('refuses fewer than 8 characters, counting Chinese characters as one each', () => {
    expect(passwordProblem('a1b2c3d', phone)).toBe('too_short');
    expect(passwordProblem('桂城议事好', phone)).toBe('too_short');
  });
  it('refuses common passwords, whatever their case', () => {
    expect(passwordProblem('12345678', phone)).toBe('common');
    expect(passwordProblem('PASSWORD1', phone)).toBe('common');
    expect(passwordProblem('woaini1314', phone)).toBe('common');
  });
  it('refuses the phone number and one repeated character', () => {
    expect(passwordProblem('13800000011', phone)).toBe('contains_phone');
    expect(passwordProblem('x00000011x', phone)).toBe('contains_phone');
    expect(passwordProblem('zzzzzzzzzz', phone)).toBe('one_character');
  });
});
