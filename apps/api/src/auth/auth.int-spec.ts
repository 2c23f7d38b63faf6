import type { ErrorBody, SessionState } from '@yishi/contracts';
import { SESSION_COOKIE } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import { SmsProvider } from '../sms/sms-provider';

describe('accounts: sign-in, sessions, CSRF, throttling, sign-up', () => {
  let t: TestApp;
  let sms: { phone: string; text: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    sms = [];
    jest.spyOn(t.app.get(SmsProvider), 'send').mockImplementation((phone: string, text: string) => {
      sms.push({ phone, text });
      return Promise.resolve({ ok: true as const, ref: null });
    });
  });
  afterAll(() => t.close());

  const lastCode = (phone: string): string => {
    const message = [...sms].reverse().find((m) => m.phone === phone);
    const code = /验证码 (\d{6})/.exec(message?.text ?? '')?.[1];
    if (!code) throw new Error(`no SMS code sent to ${phone}`);
    return code;
  };

  it('tells an anonymous browser that nobody is signed in', async () => {
    const res = await new HttpSession(t.baseUrl).get<SessionState>('/api/auth/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: null, csrfToken: null });
  });

  it('signs a resident in with phone and password into an httpOnly, SameSite cookie session', async () => {
    const browser = new HttpSession(t.baseUrl);
    const res = await browser.login('13800000011', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.user).toMatchObject({ phone: '13800000011', grants: [expect.objectContaining({ role: 'resident', nodeName: '南村经济社' })] });
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const session = await browser.get<SessionState>('/api/auth/session');
    expect(session.body.user?.phone).toBe('13800000011');
    // Only a hash of the token is stored.
    const stored = await t.dataSource.query<{ token_hash: string }[]>(`SELECT token_hash FROM auth_session`);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it('answers a wrong password and an unknown number alike, without saying which', async () => {
    const wrong = await new HttpSession(t.baseUrl).login('13800000012', 'not-the-password');
    const unknown = await new HttpSession(t.baseUrl).login('13999999999', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as unknown as ErrorBody).code).toBe('INVALID_CREDENTIALS');
    expect((unknown.body as unknown as ErrorBody).message).toBe((wrong.body as unknown as ErrorBody).message);
  });

  it('refuses malformed sign-in input with the fields named, not a 500', async () => {
    const res = await new HttpSession(t.baseUrl).post<ErrorBody>('/api/auth/login', { phone: '12345', password: 'x', extra: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['extra', 'phone']);
  });

  it('throttles failed sign-ins per number, with Retry-After, even for the right password afterwards', async () => {
    const browser = new HttpSession(t.baseUrl);
    for (let i = 0; i < 5; i += 1) expect((await browser.login('13800000013', `wrong-${i}-password`)).status).toBe(401);
    const blocked = await browser.login('13800000013', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((blocked.body as unknown as ErrorBody).code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another number from the same address is not blocked by it.
    expect((await browser.login('13800000014', DEMO_PASSWORD)).status).toBe(200);
  });

  it('needs the CSRF token for every write made through the session cookie', async () => {
    const browser = await HttpSession.signedIn(t.baseUrl, '13800000012', DEMO_PASSWORD);
    const withoutToken = await browser.post<ErrorBody>('/api/auth/logout', {}, { csrf: false });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.code).toBe('CSRF_FAILED');
    const wrongToken = await browser.request<ErrorBody>('POST', '/api/auth/logout', {}, { csrf: false, headers: { 'x-csrf-token': 'forged-token-value-0123456789' } });
    expect(wrongToken.status).toBe(403);
    expect((await browser.get<SessionState>('/api/auth/session')).body.user).not.toBeNull();
  });

  it('ends the session on logout, so the old cookie no longer works', async () => {
    const browser = await HttpSession.signedIn(t.baseUrl, '13800000012', DEMO_PASSWORD);
    expect((await browser.get('/api/me/roll')).status).toBe(200);
    const stolen = Object.assign(new HttpSession(t.baseUrl), browser);
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    expect(browser.hasCookie).toBe(false);
    const replay = await stolen.get<ErrorBody>('/api/me/roll');
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session and a disabled account, and records use of a live session', async () => {
    const expired = await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    const me = await expired.get<SessionState>('/api/auth/session');
    expect(me.body.user).toMatchObject({ phone: '13800000011' });
    await t.dataSource.query(`UPDATE auth_session SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM app_user WHERE phone = '13800000011')`);
    expect((await expired.get<ErrorBody>('/api/me/roll')).status).toBe(401);

    const disabled = await HttpSession.signedIn(t.baseUrl, '13800000008', DEMO_PASSWORD);
    expect((await disabled.get('/api/me/roll')).status).toBe(200);
    // Last used two hours ago: this use is recorded (at most hourly) and extends the session.
    await t.dataSource.query(`UPDATE auth_session SET last_seen_at = now() - interval '2 hours' WHERE user_id = (SELECT id FROM app_user WHERE phone = '13800000008')`);
    expect((await disabled.get('/api/me/roll')).status).toBe(200);
    const [seen] = await t.dataSource.query<{ fresh: boolean }[]>(
      `SELECT bool_and(last_seen_at > now() - interval '1 minute') AS fresh FROM auth_session WHERE user_id = (SELECT id FROM app_user WHERE phone = '13800000008')`,
    );
    expect(seen!.fresh).toBe(true);
    await t.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE phone = '13800000008'`);
    try {
      expect((await disabled.get<ErrorBody>('/api/me/roll')).status).toBe(401);
    } finally {
      await t.dataSource.query(`UPDATE app_user SET disabled_at = NULL WHERE phone = '13800000008'`);
    }
  });

  it('signs out everywhere: every other device of the person loses its session', async () => {
    const phone = await HttpSession.signedIn(t.baseUrl, '13800000007', DEMO_PASSWORD);
    const desktop = await HttpSession.signedIn(t.baseUrl, '13800000007', DEMO_PASSWORD);
    const someoneElse = await HttpSession.signedIn(t.baseUrl, '13800000006', DEMO_PASSWORD);
    expect((await phone.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await desktop.get('/api/me/roll')).status).toBe(401);
    expect((await phone.get('/api/me/roll')).status).toBe(401);
    expect((await someoneElse.get('/api/me/roll')).status).toBe(200);
  });

  it('signs up a new number after an SMS code, refusing weak passwords and wrong codes', async () => {
    const browser = new HttpSession(t.baseUrl);
    const phone = '13912340001';
    expect((await browser.post('/api/auth/sms-code', { phone, purpose: 'signup' })).status).toBe(202);
    const code = lastCode(phone);

    const weak = await browser.post<ErrorBody>('/api/auth/signup', { phone, smsCode: code, password: '12345678', displayName: '新住户' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { reason: 'common' } });

    const wrongCode = code === '000000' ? '000001' : '000000';
    const wrong = await browser.post<ErrorBody>('/api/auth/signup', { phone, smsCode: wrongCode, password: 'green-teapot-47', displayName: '新住户' });
    expect(wrong.body.code).toBe('INVALID_SMS_CODE');

    const ok = await browser.post<SessionState>('/api/auth/signup', { phone, smsCode: code, password: 'green-teapot-47', displayName: '新住户' });
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ phone, displayName: '新住户', grants: [] });
    expect(browser.hasCookie).toBe(true);

    // The code is single-use, and the number is now taken.
    const again = await new HttpSession(t.baseUrl).post<ErrorBody>('/api/auth/signup', { phone, smsCode: code, password: 'green-teapot-47', displayName: 'x' });
    expect(again.body.code).toBe('INVALID_SMS_CODE');
    await new Promise((r) => setTimeout(r, 10));
    expect((await new HttpSession(t.baseUrl).login(phone, 'green-teapot-47')).status).toBe(200);
  });

  it('resets a forgotten password by an SMS code: weak passwords and wrong codes refused, every old session ended, the code used once', async () => {
    const phone = '13800000008';
    const before = await HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);
    const browser = new HttpSession(t.baseUrl);
    expect((await browser.post('/api/auth/sms-code', { phone, purpose: 'reset' })).status).toBe(202);
    const code = lastCode(phone);
    expect(sms.filter((m) => m.phone === phone).at(-1)!.text).toContain('重设密码');
    const wrong = await browser.post<ErrorBody>('/api/auth/password-reset', { phone, smsCode: code === '000000' ? '000001' : '000000', password: 'river-lantern-92' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_SMS_CODE');
    expect((await browser.post<ErrorBody>('/api/auth/password-reset', { phone, smsCode: code, password: '12345678' })).body.code).toBe('PASSWORD_TOO_WEAK');
    expect((await browser.post('/api/auth/password-reset', { phone, smsCode: code, password: 'river-lantern-92' })).status).toBe(204);
    // Whoever held the old password is signed out; the old password no longer works, the new one does.
    expect((await before.get('/api/me/roll')).status).toBe(401);
    expect((await new HttpSession(t.baseUrl).post('/api/auth/login', { phone, password: DEMO_PASSWORD })).status).toBe(401);
    expect((await new HttpSession(t.baseUrl).post('/api/auth/login', { phone, password: 'river-lantern-92' })).status).toBe(200);
    // The code served once.
    expect((await browser.post<ErrorBody>('/api/auth/password-reset', { phone, smsCode: code, password: 'another-lantern-93' })).body.code).toBe('INVALID_SMS_CODE');
    const audited = await t.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_entry WHERE action = 'account.password_reset' AND entity_id = (SELECT id::text FROM app_user WHERE phone = $1)`, [phone]);
    expect(audited).toHaveLength(1);
  });

  it('answers a reset for a number without an account as for one with, and tells the phone’s owner instead of sending a code', async () => {
    const phone = '13912349999';
    expect((await new HttpSession(t.baseUrl).post('/api/auth/sms-code', { phone, purpose: 'reset' })).status).toBe(202);
    const message = sms.filter((m) => m.phone === phone).at(-1)!;
    expect(message.text).toContain('还没有议事账号');
    expect(message.text).not.toMatch(/\d{6}/);
    const tried = await new HttpSession(t.baseUrl).post<ErrorBody>('/api/auth/password-reset', { phone, smsCode: '123456', password: 'river-lantern-92' });
    expect(tried.body.code).toBe('INVALID_SMS_CODE');
  });

  it('does not send a code to a number that already has an account, but tells its owner', async () => {
    const res = await new HttpSession(t.baseUrl).post('/api/auth/sms-code', { phone: '13800000005', purpose: 'signup' });
    expect(res.status).toBe(202);
    const message = sms.filter((m) => m.phone === '13800000005').at(-1)!;
    expect(message.text).toContain('已经注册');
    expect(message.text).not.toMatch(/\d{6}/);
  });

  it('answers a wrong sign-up code alike for a number with an account and a new one', async () => {
    const registered = '13800000013';
    const fresh = '13912340003';
    const tries: Record<string, ErrorBody[]> = { [registered]: [], [fresh]: [] };
    for (const phone of [registered, fresh]) {
      expect((await new HttpSession(t.baseUrl).post('/api/auth/sms-code', { phone, purpose: 'signup' })).status).toBe(202);
    }
    // Not the fresh number's real code, whichever it is.
    const wrongCode = lastCode(fresh) === '000000' ? '000001' : '000000';
    for (let attempt = 0; attempt < 2; attempt += 1) {
      for (const phone of [registered, fresh]) {
        const res = await new HttpSession(t.baseUrl).post<ErrorBody>('/api/auth/signup', { phone, smsCode: wrongCode, password: 'green-teapot-47', displayName: '新住户' });
        expect(res.status).toBe(400);
        tries[phone]!.push(res.body);
      }
    }
    expect(tries[registered]).toEqual(tries[fresh]);
    expect(tries[fresh]!.map((b) => b.code)).toEqual(['INVALID_SMS_CODE', 'INVALID_SMS_CODE']);
  });

  it('limits SMS codes to one a minute per number', async () => {
    const browser = new HttpSession(t.baseUrl);
    expect((await browser.post('/api/auth/sms-code', { phone: '13912340002', purpose: 'signup' })).status).toBe(202);
    const second = await browser.post<ErrorBody>('/api/auth/sms-code', { phone: '13912340002', purpose: 'signup' });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
