/**
 * Resetting a password in person: the building head of 1栋 (for 1栋's residents) or community
 * staff (for their units), having checked who the person is, issue a one-time code that the
 * resident uses on the reset page; only ordinary residents' accounts, never one's own, nobody
 * outside their building or units; the code serves once, a newer one voids it, each lookup and
 * code is audited and the resident is told, by SMS and in the inbox.
 */
import type { ErrorBody } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { createAccount, createCompound, grant, signIn } from '../../test/vote-fixtures';
import { SmsProvider } from '../sms/sms-provider';
import type { InboxPageDto } from '../notifications/notifications.controller';
import type { IssuedResetCodeDto, ResetLookupDto } from './dto/in-person-reset.dto';

const PHONES = { a: '13700000001', b: '13700000002', d: '13700000004', e: '13700000005' };

describe('a password reset in person, by the building head or staff', () => {
  let t: TestApp;
  let unitId: string;
  let head1: HttpSession;
  let staff: HttpSession;
  let otherStaff: HttpSession;
  let resident: HttpSession;
  const buildings: Record<string, string> = {};
  const sms: { phone: string; text: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(SmsProvider), 'send').mockImplementation((phone: string, text: string) => {
      sms.push({ phone, text });
      return Promise.resolve({ ok: true as const, ref: null });
    });
    const [street] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('r-street', 'street', '桂城街道', NULL) RETURNING id`);
    const [community] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('r-daxu', 'community', '大圩社区', $1) RETURNING id`, [street!.id]);
    const [other] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('r-zhongqu', 'community', '中区社区', $1) RETURNING id`, [street!.id]);
    const compound = await createCompound(t.dataSource, {
      code: 'r-yushuian',
      name: '御水岸',
      parent: 'r-daxu',
      units: [
        { number: '1-101', building: '1栋', area: 10000 },
        { number: '1-102', building: '1栋', area: 10000 },
        { number: '1-103', building: '1栋', area: 10000 },
        { number: '2-101', building: '2栋', area: 10000 },
      ],
      owners: [
        { key: 'a', name: '1栋 甲', phone: PHONES.a, units: [{ number: '1-101' }] },
        { key: 'b', name: '1栋 乙', phone: PHONES.b, units: [{ number: '1-102' }] },
        { key: 'e', name: '1栋 戊（业委会委员）', phone: PHONES.e, units: [{ number: '1-103' }] },
        { key: 'd', name: '2栋 丁', phone: PHONES.d, units: [{ number: '2-101' }] },
      ],
    });
    unitId = compound.unitId;
    for (const r of await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM building WHERE unit_id = $1`, [unitId])) buildings[r.name] = r.id;
    // 戊 also convenes: an account with powers beyond a resident's.
    await grant(t.dataSource, compound.users['e']!, unitId, 'convenor');
    await grant(t.dataSource, await createAccount(t.dataSource, '13700000100', '大圩社区 工作人员'), community!.id, 'staff');
    await grant(t.dataSource, await createAccount(t.dataSource, '13700000101', '中区社区 工作人员'), other!.id, 'staff');
    const headId = await createAccount(t.dataSource, '13700000102', '1栋 楼长');
    await t.dataSource.query(`INSERT INTO role_grant (user_id, node_id, role, building_id) VALUES ($1, $2, 'building_head', $3)`, [headId, unitId, buildings['1栋']]);
    head1 = await signIn(t.dataSource, t.baseUrl, '13700000102');
    staff = await signIn(t.dataSource, t.baseUrl, '13700000100');
    otherStaff = await signIn(t.dataSource, t.baseUrl, '13700000101');
    resident = await signIn(t.dataSource, t.baseUrl, PHONES.b);
  });
  afterAll(() => t.close());

  const path = (): string => `/api/units/${unitId}/account-resets`;

  it('lets the building head look up and reset a resident of his building, who then signs in with a new password', async () => {
    const found = await head1.post<ResetLookupDto>(`${path()}/lookup`, { phone: PHONES.a, buildingId: buildings['1栋'] });
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ displayName: '1栋 甲', places: [{ personType: 'owner', name: '1栋 甲', place: '1-101', building: '1栋' }] });

    const first = await head1.post<IssuedResetCodeDto>(path(), { phone: PHONES.a, buildingId: buildings['1栋'] });
    expect(first.status).toBe(201);
    expect(first.body.code).toMatch(/^\d{6}$/);
    // The resident's phone hears of it, without the code.
    const told = sms.filter((m) => m.phone === PHONES.a).at(-1)!;
    expect(told.text).toContain('1栋 楼长当面为您发了重设密码的验证码');
    expect(told.text).not.toContain(first.body.code);
    // A second code voids the first.
    const second = await head1.post<IssuedResetCodeDto>(path(), { phone: PHONES.a, buildingId: buildings['1栋'] });
    const anon = new HttpSession(t.baseUrl);
    if (first.body.code !== second.body.code) {
      expect((await anon.post<ErrorBody>('/api/auth/password-reset', { phone: PHONES.a, smsCode: first.body.code, password: 'lantern-river-77' })).body.code).toBe('INVALID_SMS_CODE');
    }
    expect((await anon.post('/api/auth/password-reset', { phone: PHONES.a, smsCode: second.body.code, password: 'lantern-river-77' })).status).toBe(204);
    const back = new HttpSession(t.baseUrl);
    expect((await back.login(PHONES.a, 'lantern-river-77')).status).toBe(200);
    // Back in, the owner finds in the inbox who issued each code, and where.
    const inbox = await back.get<InboxPageDto>('/api/me/notifications');
    const notices = inbox.body.items.filter((n) => n.kind === 'password_reset_in_person');
    expect(notices).toHaveLength(2);
    expect(notices[0]!.params).toMatchObject({ issuedBy: '1栋 楼长', unitName: '御水岸' });
    expect(JSON.stringify(notices)).not.toContain(second.body.code);
    // It serves once.
    expect((await anon.post<ErrorBody>('/api/auth/password-reset', { phone: PHONES.a, smsCode: second.body.code, password: 'lantern-river-78' })).body.code).toBe('INVALID_SMS_CODE');

    const audited = await t.dataSource.query<{ action: string; actor_id: string; after: { via?: string } | null }[]>(
      `SELECT action, actor_id, after FROM audit_entry WHERE action LIKE 'account.%' AND entity_id = (SELECT id::text FROM app_user WHERE phone = $1) ORDER BY occurred_at`,
      [PHONES.a],
    );
    expect(audited.map((r) => r.action)).toEqual(['account.reset_lookup', 'account.reset_code_in_person', 'account.reset_code_in_person', 'account.password_reset']);
    expect(audited.at(-1)!.after!.via).toBe('in_person');
  });

  it('keeps the building head to his building, to residents’ accounts, and away from his own', async () => {
    // 2栋: not found from his building; not his to name.
    expect((await head1.post<ErrorBody>(path(), { phone: PHONES.d, buildingId: buildings['1栋'] })).status).toBe(404);
    expect((await head1.post<ErrorBody>(path(), { phone: PHONES.d, buildingId: buildings['2栋'] })).status).toBe(403);
    expect((await head1.post<ErrorBody>(path(), { phone: PHONES.d })).status).toBe(403);
    // Nobody signs in with that number here: the same answer.
    expect((await head1.post<ErrorBody>(path(), { phone: '13799999999', buildingId: buildings['1栋'] })).status).toBe(404);
    // A convenor's account is not reset in person.
    const powerful = await head1.post<ErrorBody>(path(), { phone: PHONES.e, buildingId: buildings['1栋'] });
    expect([powerful.status, powerful.body.details]).toEqual([403, { reason: 'not_a_resident_account' }]);
    const own = await head1.post<ErrorBody>(path(), { phone: '13700000102', buildingId: buildings['1栋'] });
    expect([own.status, own.body.details]).toEqual([403, { reason: 'own_account' }]);
  });

  it('lets the community’s staff reset any resident of its units; not a resident, not another community', async () => {
    expect((await staff.post<IssuedResetCodeDto>(path(), { phone: PHONES.d })).status).toBe(201);
    expect((await resident.post<ErrorBody>(path(), { phone: PHONES.d })).status).toBe(403);
    expect([403, 404]).toContain((await otherStaff.post<ErrorBody>(path(), { phone: PHONES.d })).status);
    expect((await staff.post<ErrorBody>(path(), { phone: '1370000' })).status).toBe(400);
  });
});
