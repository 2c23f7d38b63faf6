import { checkIdNumber, idNumberCheckCharacter, normaliseIdNumber } from './id-number';

describe('identity numbers (GB 11643-1999)', () => {
  const today = '2026-11-26';

  it('accepts the standard’s own example, whose check character is X', () => {
    expect(checkIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      last4: '002X',
    });
  });

  it('computes the check character by ISO 7064 MOD 11-2', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    // 4·7+4·9+0·10+6·5+0·8+5·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 209 ≡ 0 (mod 11) → '1'
    expect(idNumberCheckCharacter('44060519800101123')).toBe('1');
    expect(checkIdNumber('440605198001011231', today)).toMatchObject({ ok: true, birthDate: '1980-01-01', last4: '1231' });
  });

  it('normalises full-width digits, spaces and a lower-case x', () => {
    expect(normaliseIdNumber(' １１０１０５ 19491231002x ')).toBe('11010519491231002X');
    expect(checkIdNumber('１１０１０５１９４９１２３１００２ｘ', today)).toMatchObject({ ok: true, normalised: '11010519491231002X' });
  });

  it('refuses a wrong check character', () => {
    expect(checkIdNumber('110105194912310021', today)).toEqual({ ok: false, reason: 'checksum' });
    expect(checkIdNumber('440605198001011234', today)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses a birth date that does not exist or lies in the future', () => {
    // 1981-02-29 did not exist; check characters computed so only the date is wrong.
    const feb29 = '44060519810229123';
    expect(checkIdNumber(feb29 + idNumberCheckCharacter(feb29), today)).toEqual({ ok: false, reason: 'birth-date' });
    const future = '44060520301231123';
    expect(checkIdNumber(future + idNumberCheckCharacter(future), today)).toEqual({ ok: false, reason: 'birth-date' });
  });

  it('refuses the wrong length, letters in the middle and old 15-digit numbers', () => {
    expect(checkIdNumber('4406051980010112', today)).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('44060519800101123A', today)).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('4406051980A1011231', today)).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('040605198001011231', today)).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('440605800101123', today)).toEqual({ ok: false, reason: 'first-generation' });
  });
});
