import type { ErrorBody } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import { publishSimpleVersion } from '../../test/consultations';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { AuditPageDto } from '../audit/audit.controller';
import { hashPassword } from '../auth/password-hash';
import type { ConsultationDetailDto } from '../consultations/dto/consultation.dto';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { BriefingDto, BriefingSignupDto } from './dto/briefing.dto';

const HOUR = 3600_000;
const at = (ms: number): string => new Date(Date.now() + ms).toISOString();

describe('briefings: sessions, sign-ups within capacity, attendance', () => {
  let t: TestApp;
  let node: Record<string, string>;
  let convenor: HttpSession;
  let staff: HttpSession;
  let buildingHead: HttpSession;
  let r12: HttpSession;
  let r13: HttpSession;
  let observer: HttpSession;
  let nancunMember: HttpSession;
  let consultationId: string;
  let userIds: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const rows = await t.dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM org_node`);
    node = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    // An observer of 御水岸 and twenty more residents for the rush on seats.
    const hash = await hashPassword(DEMO_PASSWORD);
    const phones = ['13900000099', ...Array.from({ length: 20 }, (_, i) => `139000001${String(i).padStart(2, '0')}`)];
    for (const [i, phone] of phones.entries()) {
      const [u] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO app_user (phone, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [
        phone,
        i === 0 ? '监委 何' : `业主 ${i}`,
        hash,
      ]);
      await t.dataSource.query(`INSERT INTO role_grant (user_id, node_id, role) VALUES ($1, $2, $3)`, [u!.id, node['yushuian'], i === 0 ? 'observer' : 'resident']);
    }
    userIds = Object.fromEntries((await t.dataSource.query<{ phone: string; id: string }[]>(`SELECT phone, id FROM app_user`)).map((u) => [u.phone, u.id]));
    const sign = (phone: string): Promise<HttpSession> => HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);
    convenor = await sign('13800000006');
    staff = await sign('13800000004');
    buildingHead = await sign('13800000007');
    r12 = await sign('13800000012');
    r13 = await sign('13800000013');
    observer = await sign('13900000099');
    nancunMember = await sign('13800000011');
    consultationId = (await convenor.post<ConsultationDetailDto>(`/api/nodes/${node['yushuian']}/consultations`, { title: '自治公约（草案）', ruleSet: 'cc278-ordinary' })).body.id;
    await publishSimpleVersion(t, consultationId);
    await convenor.post(`/api/consultations/${consultationId}/phase`, { to: 'briefing' });
  });
  afterAll(() => t.close());

  const schedule = async (extra: Record<string, unknown> = {}, id = consultationId): Promise<BriefingDto> => {
    const res = await convenor.post<BriefingDto>(`/api/consultations/${id}/briefings`, {
      startsAt: at(24 * HOUR),
      endsAt: at(26 * HOUR),
      place: '御水岸会所二楼活动室',
      capacity: 30,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const auditOf = async (action: string): Promise<AuditPageDto['entries']> =>
    (await staff.get<AuditPageDto>(`/api/nodes/${node['yushuian']}/audit?action=${action}`)).body.entries;

  it('schedules sessions for those who run the consultation, shown to its residents with seats taken', async () => {
    const b = await schedule({ place: '  南村经济社党支部组织生活馆 ', capacity: 40, notes: '请带上身份证\n老人可由家属陪同' });
    expect(b).toMatchObject({ consultationId, place: '南村经济社党支部组织生活馆', capacity: 40, taken: 0, attended: 0, walkIns: 0, cancelledAt: null, notes: '请带上身份证\n老人可由家属陪同', mine: { signedUp: false, attended: false } });
    expect((await auditOf('briefing.create')).map((e) => e.entityId)).toContain(b.id);
    const list = await r12.get<BriefingDto[]>(`/api/consultations/${consultationId}/briefings`);
    expect(list.status).toBe(200);
    expect(list.body.map((x) => x.id)).toContain(b.id);
    expect((await observer.get(`/api/consultations/${consultationId}/briefings`)).status).toBe(200);
    expect((await nancunMember.get<ErrorBody>(`/api/consultations/${consultationId}/briefings`)).status).toBe(404);

    const path = `/api/consultations/${consultationId}/briefings`;
    const valid = { startsAt: at(HOUR), endsAt: at(2 * HOUR), place: '会所', capacity: 10 };
    expect((await r12.post<ErrorBody>(path, valid)).status).toBe(403);
    expect((await buildingHead.post<ErrorBody>(path, valid)).status).toBe(403);
    expect((await nancunMember.post<ErrorBody>(path, valid)).status).toBe(404);
    for (const bad of [
      { ...valid, endsAt: valid.startsAt },
      { ...valid, capacity: 0 },
      { ...valid, capacity: 1.5 },
      { ...valid, place: '' },
      { ...valid, place: '会\u0000所' },
      { ...valid, startsAt: 'tomorrow' },
      { ...valid, notes: 'x'.repeat(1001) },
    ]) {
      expect([JSON.stringify(bad), (await convenor.post<ErrorBody>(path, bad)).status]).toEqual([JSON.stringify(bad), 400]);
    }
  });

  it('keeps a draft consultation’s briefings from residents', async () => {
    const draft = (await convenor.post<ConsultationDetailDto>(`/api/nodes/${node['yushuian']}/consultations`, { title: '还在起草', ruleSet: 'cc278-ordinary' })).body.id;
    const b = await schedule({}, draft);
    expect((await r12.get<ErrorBody>(`/api/consultations/${draft}/briefings`)).status).toBe(404);
    expect((await r12.request<ErrorBody>('PUT', `/api/briefings/${b.id}/signup`)).status).toBe(404);
  });

  it('signs residents up once, lets them withdraw, and shows what is mine', async () => {
    const b = await schedule({ capacity: 2 });
    const path = `/api/briefings/${b.id}/signup`;
    const mine = await r12.request<BriefingDto>('PUT', path);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ taken: 1, mine: { signedUp: true } });
    expect((await r12.request<BriefingDto>('PUT', path)).body.taken).toBe(1);
    expect((await r13.get<BriefingDto[]>(`/api/consultations/${consultationId}/briefings`)).body.find((x) => x.id === b.id)).toMatchObject({ taken: 1, mine: { signedUp: false } });
    expect((await r13.request<BriefingDto>('PUT', path)).body.taken).toBe(2);
    // Full: an already signed-up person still gets their seat back; a new one is told it is full.
    expect((await r12.request<BriefingDto>('PUT', path)).status).toBe(200);
    const full = await buildingHead.request<ErrorBody>('PUT', path);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'full' } });
    expect((await r12.request<BriefingDto>('DELETE', path)).body).toMatchObject({ taken: 1, mine: { signedUp: false } });
    expect((await r12.request<BriefingDto>('DELETE', path)).body.taken).toBe(1);
    expect((await buildingHead.request<BriefingDto>('PUT', path)).body.taken).toBe(2);
    // Observers and other units take no seat.
    expect((await observer.request<ErrorBody>('PUT', path)).status).toBe(403);
    expect((await nancunMember.request<ErrorBody>('PUT', path)).status).toBe(404);
    expect((await nancunMember.request<ErrorBody>('PUT', `/api/briefings/00000000-0000-4000-8000-000000000000/signup`)).status).toBe(404);
  });

  it('gives exactly `capacity` seats to twenty people signing up at the same moment', async () => {
    const b = await schedule({ capacity: 7 });
    await t.dataSource.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    const sessions = await Promise.all(
      Array.from({ length: 20 }, (_, i) => HttpSession.signedIn(t.baseUrl, `139000001${String(i).padStart(2, '0')}`, DEMO_PASSWORD)),
    );
    const results = await Promise.all(sessions.map((s) => s.request<BriefingDto | ErrorBody>('PUT', `/api/briefings/${b.id}/signup`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.filter((s) => s === 409)).toHaveLength(13);
    expect(results.filter((r) => r.status === 409).every((r) => (r.body as ErrorBody).details?.['reason'] === 'full')).toBe(true);
    const [row] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM briefing_signup WHERE briefing_id = $1`, [b.id]);
    expect(row!.n).toBe(7);
    expect((await r12.get<BriefingDto[]>(`/api/consultations/${consultationId}/briefings`)).body.find((x) => x.id === b.id)).toMatchObject({ capacity: 7, taken: 7 });

    // The database holds the line by itself too: twenty bare inserts at once, five seats.
    const bare = await schedule({ capacity: 5 });
    const inserts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.dataSource.query(`INSERT INTO briefing_signup (briefing_id, user_id) VALUES ($1, $2)`, [bare.id, userIds[`139000001${String(i).padStart(2, '0')}`]]),
      ),
    );
    expect(inserts.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(inserts.every((r) => r.status === 'fulfilled' || String(r.reason).includes('full'))).toBe(true);
  });

  it('edits a session, never below the seats taken, and audits it', async () => {
    const b = await schedule({ capacity: 3 });
    await r12.request('PUT', `/api/briefings/${b.id}/signup`);
    await r13.request('PUT', `/api/briefings/${b.id}/signup`);
    const below = await convenor.request<ErrorBody>('PATCH', `/api/briefings/${b.id}`, { capacity: 1 });
    expect(below.status).toBe(409);
    expect(below.body.details).toMatchObject({ reason: 'below_taken', taken: 2 });
    const changed = await convenor.request<BriefingDto>('PATCH', `/api/briefings/${b.id}`, { capacity: 2, place: '御水岸党群服务站' });
    expect(changed.body).toMatchObject({ capacity: 2, place: '御水岸党群服务站', taken: 2 });
    expect((await convenor.request<ErrorBody>('PATCH', `/api/briefings/${b.id}`, { endsAt: b.startsAt })).status).toBe(400);
    expect((await r12.request<ErrorBody>('PATCH', `/api/briefings/${b.id}`, { capacity: 50 })).status).toBe(403);
    expect((await nancunMember.request<ErrorBody>('PATCH', `/api/briefings/${b.id}`, { capacity: 50 })).status).toBe(404);
    const [entry] = await auditOf('briefing.update');
    expect(entry).toMatchObject({ entityId: b.id, before: { capacity: 3, place: '御水岸会所二楼活动室' }, after: { capacity: 2, place: '御水岸党群服务站' } });
  });

  it('cancels a session: kept and marked, no more sign-ups, audited', async () => {
    const b = await schedule();
    await r12.request('PUT', `/api/briefings/${b.id}/signup`);
    expect((await r12.post<ErrorBody>(`/api/briefings/${b.id}/cancel`, {})).status).toBe(403);
    const cancelled = await convenor.post<BriefingDto>(`/api/briefings/${b.id}/cancel`, { reason: '台风预警，改期另行通知' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelledAt).not.toBeNull();
    expect((await r12.get<BriefingDto[]>(`/api/consultations/${consultationId}/briefings`)).body.find((x) => x.id === b.id)?.cancelledAt).not.toBeNull();
    const late = await r13.request<ErrorBody>('PUT', `/api/briefings/${b.id}/signup`);
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: 'cancelled' });
    expect((await convenor.post<ErrorBody>(`/api/briefings/${b.id}/cancel`, {})).status).toBe(409);
    expect((await convenor.request<ErrorBody>('PATCH', `/api/briefings/${b.id}`, { capacity: 5 })).status).toBe(409);
    // Those signed up may still take their name off it.
    expect((await r12.request<BriefingDto>('DELETE', `/api/briefings/${b.id}/signup`)).body.mine.signedUp).toBe(false);
    const [entry] = await auditOf('briefing.cancel');
    expect(entry).toMatchObject({ entityId: b.id, after: { reason: '台风预警，改期另行通知', signedUp: 1 } });
  });

  it('takes no sign-ups or withdrawals once a session has started', async () => {
    const b = await schedule({ startsAt: at(24 * HOUR), endsAt: at(26 * HOUR) });
    await r12.request('PUT', `/api/briefings/${b.id}/signup`);
    await t.dataSource.query(`UPDATE briefing SET starts_at = now() - interval '10 minutes' WHERE id = $1`, [b.id]);
    const started = await r13.request<ErrorBody>('PUT', `/api/briefings/${b.id}/signup`);
    expect(started.status).toBe(409);
    expect(started.body.details).toMatchObject({ reason: 'started' });
    expect((await r12.request<ErrorBody>('DELETE', `/api/briefings/${b.id}/signup`)).status).toBe(409);
  });

  it('records attendance and walk-ins by those who run it or record offline input', async () => {
    const b = await schedule({ capacity: 10 });
    await r12.request('PUT', `/api/briefings/${b.id}/signup`);
    await r13.request('PUT', `/api/briefings/${b.id}/signup`);
    const path = `/api/briefings/${b.id}/attendance`;
    expect((await r12.post<ErrorBody>(path, { present: [userIds['13800000012']] })).status).toBe(403);
    expect((await observer.post<ErrorBody>(path, { walkIns: 1 })).status).toBe(403);
    expect((await nancunMember.post<ErrorBody>(path, { walkIns: 1 })).status).toBe(404);
    // Only people who signed up are marked; the rest are walk-ins.
    const stranger = await buildingHead.post<ErrorBody>(path, { present: [userIds['13800000014']] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details).toMatchObject({ userIds: [userIds['13800000014']] });
    expect((await buildingHead.post<ErrorBody>(path, { walkIns: -1 })).status).toBe(400);
    expect((await buildingHead.post<ErrorBody>(path, { present: [userIds['13800000012']], absent: [userIds['13800000012']] })).status).toBe(400);

    const marked = await buildingHead.post<BriefingDto>(path, { present: [userIds['13800000012']], walkIns: 3 });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ taken: 2, attended: 1, walkIns: 3 });
    expect((await r12.get<BriefingDto[]>(`/api/consultations/${consultationId}/briefings`)).body.find((x) => x.id === b.id)?.mine).toEqual({ signedUp: true, attended: true });
    const signups = await buildingHead.get<BriefingSignupDto[]>(`/api/briefings/${b.id}/signups`);
    expect(signups.body.map((s) => [s.userId, s.attendedAt !== null])).toEqual([
      [userIds['13800000012'], true],
      [userIds['13800000013'], false],
    ]);
    expect((await r12.get<ErrorBody>(`/api/briefings/${b.id}/signups`)).status).toBe(403);
    expect((await nancunMember.get<ErrorBody>(`/api/briefings/${b.id}/signups`)).status).toBe(404);
    // Corrections: unmark someone, fix the count.
    const fixed = await convenor.post<BriefingDto>(path, { absent: [userIds['13800000012']], present: [userIds['13800000013']], walkIns: 4 });
    expect(fixed.body).toMatchObject({ attended: 1, walkIns: 4 });
    const [entry] = await auditOf('briefing.attendance');
    expect(entry).toMatchObject({ entityId: b.id, before: { attended: 1, walkIns: 3 }, after: { attended: 1, walkIns: 4 } });
  });
});
