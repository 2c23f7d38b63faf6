import type { ErrorBody, SessionState } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { MyRollDto } from '../me/me.dto';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import { SmsProvider } from '../sms/sms-provider';
import { download, upload } from '../../test/rolls';
import { printLetters } from '../../test/letters';

describe('invitation letters and real-name linking', () => {
  let t: TestApp;
  let units: { nancun: string; yushuian: string };
  let staff: HttpSession;
  const sms: { phone: string; text: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    jest.spyOn(t.app.get(SmsProvider), 'send').mockImplementation((phone: string, text: string) => {
      sms.push({ phone, text });
      return Promise.resolve({ ok: true as const, ref: null });
    });
    const rows = await t.dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM org_node WHERE code IN ('nancun', 'yushuian')`);
    units = Object.fromEntries(rows.map((r) => [r.code, r.id])) as typeof units;
    staff = await HttpSession.signedIn(t.baseUrl, '13800000003', DEMO_PASSWORD); // 中区社区 staff
  });
  afterAll(() => t.close());

  async function signUp(phone: string, invitationCode: string): Promise<{ status: number; body: SessionState | ErrorBody; browser: HttpSession }> {
    const browser = new HttpSession(t.baseUrl);
    await browser.post('/api/auth/sms-code', { phone, purpose: 'signup' });
    const smsCode = /验证码 (\d{6})/.exec(sms.filter((m) => m.phone === phone).at(-1)!.text)![1]!;
    const res = await browser.post<SessionState | ErrorBody>('/api/auth/signup', { phone, smsCode, password: 'river-lantern-88', invitationCode });
    if (res.status === 201) browser.csrfToken = (res.body as SessionState).csrfToken;
    return { ...res, browser };
  }

  it('prints one sheet per household, with a code for every adult member not yet signed up', async () => {
    const res = await printLetters(staff, units.nancun);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { sheets, issued } = res;
    expect(sheets.length).toBe(40);
    const adultsWithoutAccount = await t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM member WHERE user_id IS NULL AND (birth_date + interval '18 years')::date < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    expect(issued).toBe(Number(adultsWithoutAccount[0]!.n));
    const people = sheets.flatMap((s) => s.people);
    expect(people.every((p) => /^\d{12}$/.test(p.code))).toBe(true);
    // Printed in groups of four, as people read and type them.
    expect(res.body).toContain(`>${people[0]!.code.replace(/(\d{4})(?=\d)/g, '$1 ')}</p>`);
    expect(new Set(people.map((p) => p.code)).size).toBe(people.length);
    // Codes are stored only as keyed hashes.
    const stored = await t.dataSource.query<{ code_hash: string }[]>(`SELECT code_hash FROM invitation`);
    expect(stored.some((s) => people.some((p) => s.code_hash.includes(p.code)))).toBe(false);
    // Asking again prints nobody twice unless a reissue is asked for.
    expect((await printLetters(staff, units.nancun)).issued).toBe(0);
  });

  it('links the account at sign-up, shows the household, and refuses a second use of the code', async () => {
    const letters = await printLetters(staff, units.nancun, { reissue: true });
    const sheet = letters.sheets.find((s) => s.label === 'NC-003')!;
    const person = sheet.people[0]!;
    // The roll holds the number the person signs up with: the verified number is the proof.
    await t.dataSource.query(`UPDATE member SET phone = '13912345001' WHERE id = $1`, [person.personId]);

    const first = await signUp('13912345001', person.code.replace(/(\d{4})(?=\d)/g, '$1-'));
    expect(first.status).toBe(201);
    const state = first.body as SessionState & { invitation: string };
    expect(state.invitation).toBe('linked');
    expect(state.user).toMatchObject({ displayName: person.name, grants: [expect.objectContaining({ role: 'resident', nodeName: '南村经济社' })] });
    const roll = await first.browser.get<MyRollDto>('/api/me/roll');
    expect(roll.body.households).toHaveLength(1);
    expect(roll.body.households[0]).toMatchObject({ householdNumber: 'NC-003', unitName: '南村经济社' });
    expect(roll.body.households[0]!.members.find((m) => m.isMe)?.name).toBe(person.name);

    const second = await signUp('13912345002', person.code);
    expect(second.status).toBe(400);
    expect((second.body as ErrorBody).code).toBe('INVALID_INVITATION');
    // The failed sign-up created no account, and its SMS code still works with a good letter.
    expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE phone = '13912345002'`)).toEqual([]);

    const audit = await t.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_entry WHERE entity_id = $1`, [person.personId]);
    expect(audit.map((a) => a.action)).toEqual(['roll.link']);
  });

  it('lets a building head print only the letters of their own building', async () => {
    const head = await HttpSession.signedIn(t.baseUrl, '13800000007', DEMO_PASSWORD);
    const [own, other] = await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM building ORDER BY name`);
    const mine = await printLetters(head, units.yushuian, { buildingId: own!.id });
    expect(mine.status).toBe(200);
    expect(mine.sheets.length).toBeGreaterThan(50);
    expect(mine.sheets.every((s) => s.place === own!.name)).toBe(true);
    // Owners of several units appear on each of their units' sheets with one code.
    const codesByPerson = new Map<string, Set<string>>();
    for (const p of mine.sheets.flatMap((s) => s.people)) codesByPerson.set(p.personId, (codesByPerson.get(p.personId) ?? new Set()).add(p.code));
    expect([...codesByPerson.values()].every((codes) => codes.size === 1)).toBe(true);

    expect((await head.post<ErrorBody>(`/api/units/${units.yushuian}/invitations`, { buildingId: other!.id })).status).toBe(403);
    expect((await head.post<ErrorBody>(`/api/units/${units.yushuian}/invitations`, {})).status).toBe(403);
    expect((await head.post<ErrorBody>(`/api/units/${units.nancun}/invitations`, {})).status).toBe(404);
  });

  it('throttles guessing of invitation codes by a signed-in person', async () => {
    const resident = await HttpSession.signedIn(t.baseUrl, '13800000014', DEMO_PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await resident.post('/api/me/invitations', { code: `0000 0000 000${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('lets staff link an account in person, and says what to do when the person has no account', async () => {
    const [owner] = await t.dataSource.query<{ id: string }[]>(
      `SELECT o.id FROM owner o WHERE o.unit_id = $1 AND o.kind = 'person' AND o.user_id IS NULL ORDER BY o.name LIMIT 1`,
      [units.yushuian],
    );
    const daxuStaff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
    const missing = await daxuStaff.post<ErrorBody>(`/api/units/${units.yushuian}/links`, { personType: 'owner', personId: owner!.id, phone: '13912345999' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/signs up first/);

    const newcomer = new HttpSession(t.baseUrl);
    await newcomer.post('/api/auth/sms-code', { phone: '13912345003', purpose: 'signup' });
    const smsCode = /验证码 (\d{6})/.exec(sms.filter((m) => m.phone === '13912345003').at(-1)!.text)![1]!;
    expect((await newcomer.post('/api/auth/signup', { phone: '13912345003', smsCode, password: 'river-lantern-88', displayName: '新业主' })).status).toBe(201);
    const linked = await daxuStaff.post(`/api/units/${units.yushuian}/links`, { personType: 'owner', personId: owner!.id, phone: '13912345003' });
    expect(linked.status).toBe(204);
    const roll = await (await HttpSession.signedIn(t.baseUrl, '13912345003', 'river-lantern-88')).get<MyRollDto>('/api/me/roll');
    expect(roll.body.compounds[0]?.unitName).toBe('御水岸');
    // 中区社区's staff cannot link people of 大圩社区.
    expect((await staff.post(`/api/units/${units.yushuian}/links`, { personType: 'owner', personId: owner!.id, phone: '13912345003' })).status).toBe(404);
  });

  it('voids the letter of a person a roll import removes: the code is refused like any wrong code', async () => {
    const letters = await printLetters(staff, units.nancun, { reissue: true });
    const sheet = letters.sheets.find((s) => s.label === 'NC-012' && s.people.length > 1)!;
    const leaver = sheet.people.find((p) => p !== sheet.people[0])!;
    // Export the roll, drop the leaver's row, import the rest.
    const exported = await download(staff, `/api/units/${units.nancun}/roll/export?format=csv`);
    const lines = exported.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const kept = lines.filter((line) => !line.includes(`,${leaver.name},`));
    expect(kept.length).toBe(lines.length - 1);
    const preview = await upload<{ importId: string; valid: boolean }>(staff, `/api/units/${units.nancun}/roll/imports`, {
      name: 'roll.csv',
      bytes: Buffer.from(kept.join('\r\n') + '\r\n', 'utf8'),
      type: 'text/csv',
    });
    expect(preview.body.valid).toBe(true);
    expect((await staff.post(`/api/units/${units.nancun}/roll/imports/${preview.body.importId}/commit`)).status).toBe(200);

    const refused = await signUp('13912345004', leaver.code);
    expect(refused.status).toBe(400);
    expect((refused.body as ErrorBody).code).toBe('INVALID_INVITATION');
    const [invitation] = await t.dataSource.query<{ revoked: boolean }[]>(`SELECT revoked_at IS NOT NULL AS revoked FROM invitation WHERE member_id = $1 AND used_at IS NULL ORDER BY created_at DESC LIMIT 1`, [leaver.personId]);
    expect(invitation!.revoked).toBe(true);
    // Everyone else on the sheet keeps a working letter.
    expect((await signUp('13912345005', sheet.people[0]!.code)).status).toBe(201);
  });
});

