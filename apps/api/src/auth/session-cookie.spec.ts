import { readCookie, setCookieHeader } from './session-cookie';

describe('the session cookie, read and written by hand', () => {
  it('finds the session among other cookies, decoded, and nothing when it is absent', () => {
    expect(readCookie('theme=dark; yishi_session=abc%2Fdef; lang=zh', 'yishi_session')).toBe('abc/def');
    expect(readCookie('yishi_session="quoted"', 'yishi_session')).toBe('quoted');
    expect(readCookie('not_yishi_session=x', 'yishi_session')).toBeUndefined();
    expect(readCookie(undefined, 'yishi_session')).toBeUndefined();
    // A value that is not valid percent-encoding is taken as it came.
    expect(readCookie('yishi_session=%E4%', 'yishi_session')).toBe('%E4%');
  });

  it('sets it HttpOnly and SameSite=Lax for the whole site, Secure only over HTTPS, and clears it with an expiry in the past', () => {
    const set = setCookieHeader('yishi_session', 'token', { maxAgeSeconds: 3600, secure: true });
    expect(set).toMatch(/^yishi_session=token; Max-Age=3600; Path=\/; Expires=[^;]+ GMT; HttpOnly; Secure; SameSite=Lax$/);
    expect(setCookieHeader('yishi_session', 'token', { maxAgeSeconds: 3600, secure: false })).not.toContain('Secure');
    expect(setCookieHeader('yishi_session', '', { maxAgeSeconds: 0, secure: false })).toBe(
      'yishi_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
    );
  });
});
