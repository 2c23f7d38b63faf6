import type { ErrorBody } from '@yishi/contracts';
import { publishSimpleVersion } from '../../test/consultations';
import { TEST_SECRET } from '../../test/test-app';
import { keyedHash } from '../common/keyed-hash';
import type { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { Fixture } from '../../test/vote-fixtures';
import { createAccount, createCompound, createCooperative, grant, signIn } from '../../test/vote-fixtures';
import type { AttendanceDto, CheckInCodeDto, SelfCheckInResultDto, SessionDto } from './dto/session.dto';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (ms: number): string => new Date(Date.now() + ms).toISOString();

describe('discussion sessions: the notice, check-ins at the desk and the live quorum', () => {
  let t: TestApp;
  let coop: Fixture;
  let compound: Fixture;
  let other: Fixture;
  let community: string;
  let convenor: HttpSession;
  let desk: HttpSession;
  let member: HttpSession;
  let outsider: HttpSession;
  let supervisor: HttpSession;
  const members: Record<string, string> = {};
  const owners: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const [street] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('s-street', 'street', '桂城街道', NULL) RETURNING id`);
    community = (await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('s-zhongqu', 'community', '中区社区', $1) RETURNING id`, [street!.id]))[0]!.id;
    // 南村: five members with full capacity in three households, and a minor who may come but does not count.
    coop = await createCooperative(t.dataSource, {
      code: 's-nancun',
      name: '南村经济社',
      parent: 's-zhongqu',
      households: [
        { number: 'NC-001', members: [{ key: 'a', name: '陈伯', birthDate: '1950-03-01', phone: '13700000001' }, { key: 'b', name: '陈婶', birthDate: '1952-05-01' }, { key: 'kid', name: '陈仔', birthDate: '2015-01-01' }] },
        { number: 'NC-002', members: [{ key: 'c', name: '李叔', birthDate: '1960-01-01' }, { key: 'd', name: '李姨', birthDate: '1962-01-01' }] },
        { number: 'NC-003', members: [{ key: 'e', name: '黄哥', birthDate: '1980-01-01' }] },
      ],
    });
    other = await createCooperative(t.dataSource, { code: 's-beicun', name: '北村经济社', parent: 's-zhongqu', households: [{ number: 'BC-001', members: [{ key: 'x', name: '北村 何', birthDate: '1970-01-01', phone: '13700000009' }] }] });
    compound = await createCompound(t.dataSource, {
      code: 's-yushuian',
      name: '御水岸',
      parent: 's-zhongqu',
      units: [
        { number: '1-101', building: '1栋', area: 30000 },
        { number: '1-102', building: '1栋', area: 10000 },
        { number: '1-103', building: '1栋', area: 10000 },
        { number: 'P-01', building: null, kind: 'parking', area: 1000 },
      ],
      owners: [
        { key: 'big', name: '大户 梁', units: [{ number: '1-101' }, { number: 'P-01' }] },
        { key: 'small1', name: '业主 吴', units: [{ number: '1-102' }] },
        { key: 'small2', name: '业主 周', units: [{ number: '1-103' }] },
      ],
    });
    for (const r of await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM member WHERE unit_id = $1`, [coop.unitId])) members[r.name] = r.id;
    for (const r of await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM owner WHERE unit_id = $1`, [compound.unitId])) owners[r.name] = r.id;
    const convenorId = await createAccount(t.dataSource, '13700000100', '中区社区 书记');
    await grant(t.dataSource, convenorId, community, 'convenor');
    const deskId = await createAccount(t.dataSource, '13700000101', '南村 楼长');
    await grant(t.dataSource, deskId, coop.unitId, 'building_head');
    convenor = await signIn(t.dataSource, t.baseUrl, '13700000100');
    desk = await signIn(t.dataSource, t.baseUrl, '13700000101');
    member = await signIn(t.dataSource, t.baseUrl, '13700000001');
    outsider = await signIn(t.dataSource, t.baseUrl, '13700000009');
    const supervisorId = await createAccount(t.dataSource, '13700000102', '桂城街道 工作人员');
    await grant(t.dataSource, supervisorId, street!.id, 'staff');
    supervisor = await signIn(t.dataSource, t.baseUrl, '13700000102');
  });
  afterAll(() => t.close());

  const create = async (nodeId: string, body: Record<string, unknown>): Promise<SessionDto> => {
    const res = await convenor.post<SessionDto>(`/api/nodes/${nodeId}/sessions`, { title: '南村地块土地整理方案成员大会', place: '南村经济社党支部组织生活馆', ...body });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** The notice went up eleven days ago and the session starts in half an hour (the clock moved on). */
  const noticeRan = async (sessionId: string): Promise<void> => {
    await t.dataSource.query(
      `UPDATE discussion_session SET status = 'announced', announced_at = now() - interval '11 days', notice_ends_at = now() - interval '1 day',
              starts_at = now() + interval '30 minutes', ends_at = now() + interval '3 hours' WHERE id = $1`,
      [sessionId],
    );
  };
  const checkIn = (sessionId: string, personType: 'owner' | 'member', personId: string, by: HttpSession = desk) => by.post<AttendanceDto & ErrorBody>(`/api/sessions/${sessionId}/check-ins`, { personType, personId });

  it('keeps a member assembly’s ten days of notice, and hides the draft from residents until it goes up', async () => {
    const soon = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(2 * DAY), endsAt: at(2 * DAY + 3 * HOUR) });
    expect(soon).toMatchObject({ status: 'draft', kind: 'member_assembly', units: [{ id: coop.unitId, name: '南村经济社' }], announcedAt: null });
    expect((await member.get(`/api/sessions/${soon.id}`)).status).toBe(404);
    expect((await member.get<SessionDto[]>(`/api/nodes/${coop.unitId}/sessions`)).body.map((s) => s.id)).not.toContain(soon.id);
    const tooSoon = await convenor.post<ErrorBody>(`/api/sessions/${soon.id}/announce`);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.details).toMatchObject({ reason: 'notice_too_short' });
    expect(new Date(tooSoon.body.details!['noticeEndsAt'] as string).getTime()).toBeGreaterThan(Date.now() + 10 * DAY - 60_000);

    const later = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(11 * DAY), endsAt: at(11 * DAY + 3 * HOUR) });
    const announced = await convenor.post<SessionDto>(`/api/sessions/${later.id}/announce`);
    expect(announced.status).toBe(200);
    expect(announced.body.status).toBe('announced');
    expect(new Date(announced.body.noticeEndsAt!).getTime() - new Date(announced.body.announcedAt!).getTime()).toBe(10 * DAY);
    expect((await convenor.post<ErrorBody>(`/api/sessions/${later.id}/announce`)).body.details).toMatchObject({ reason: 'not_a_draft' });
    // The members of the cooperative hear of it in their inbox, with a link to the session.
    const inbox = await member.get<{ items: { kind: string; link: string; params: Record<string, unknown> }[] }>('/api/me/notifications');
    expect(inbox.body.items.find((n) => n.kind === 'session_announced')).toMatchObject({ link: `/sessions/${later.id}`, params: { title: '南村地块土地整理方案成员大会', place: '南村经济社党支部组织生活馆' } });
    const seen = await member.get<SessionDto>(`/api/sessions/${later.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.quorum).toMatchObject({ met: false, present: 0, measures: [{ id: 'persons', present: 0, total: 5, missing: 4 }] });
    expect(seen.body.quorum.statute).toMatch(/第二十七条/);
    // Eleven days ahead the desk is not open yet.
    expect((await checkIn(later.id, 'member', members['陈伯']!)).body.details).toMatchObject({ reason: 'check_in_closed' });
  });

  it('puts a notice up for less than the ten days only when a supervisor from above approves the reason, as for a vote', async () => {
    const urgent = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(3 * DAY), endsAt: at(3 * DAY + 3 * HOUR) });
    const ask = (reason: string) => convenor.post<SessionDto & ErrorBody>(`/api/sessions/${urgent.id}/shortenings`, { reason });
    expect((await ask('急')).status).toBe(400);
    const asked = await ask('台风损毁村道，须在汛期前由成员大会决定抢修方案和费用');
    expect(asked.body.shortening).toMatchObject({ status: 'pending', requestedByName: '中区社区 书记', mayDecide: false });
    expect((await ask('台风损毁村道，须在汛期前由成员大会决定抢修方案和费用')).body.details).toMatchObject({ reason: 'shortening_pending' });
    // Not yet approved: still refused, saying a request waits.
    expect((await convenor.post<ErrorBody>(`/api/sessions/${urgent.id}/announce`)).body.details).toMatchObject({ reason: 'notice_too_short', shortening: 'pending' });
    // The one who asked may not decide; a role on the unit does not supervise it.
    const decide = (who: HttpSession, outcome: string) => who.post<SessionDto & ErrorBody>(`/api/sessions/${urgent.id}/shortenings/decision`, { outcome, note: '情况属实，同意缩短' });
    expect((await decide(convenor, 'approved')).body.details).toMatchObject({ action: 'vote.supervise' });
    // The desk does not even see the draft.
    expect((await decide(desk, 'approved')).status).toBe(404);
    expect((await supervisor.get<SessionDto>(`/api/sessions/${urgent.id}`)).body.shortening!.mayDecide).toBe(true);
    const approved = await decide(supervisor, 'approved');
    expect(approved.body.shortening).toMatchObject({ status: 'approved', decidedByName: '桂城街道 工作人员', decisionNote: '情况属实，同意缩短' });
    expect((await decide(supervisor, 'refused')).body.details).toMatchObject({ reason: 'already_decided' });
    const announced = await convenor.post<SessionDto>(`/api/sessions/${urgent.id}/announce`);
    expect(announced.status).toBe(200);
    // The notice ran as long as the approval allowed: until the start.
    expect(announced.body.noticeEndsAt).toBe(urgent.startsAt);
    // A session whose notice period runs in time needs no approval.
    // A supervisor who asks does not decide his own request.
    const own = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(4 * DAY), endsAt: at(4 * DAY + 3 * HOUR) });
    await supervisor.post(`/api/sessions/${own.id}/shortenings`, { reason: '台风损毁村道，须在汛期前由成员大会决定抢修方案和费用' });
    const self = await supervisor.post<ErrorBody>(`/api/sessions/${own.id}/shortenings/decision`, { outcome: 'approved', note: '同意' });
    expect(self.body.details).toMatchObject({ reason: 'same_person' });
    const later = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(12 * DAY), endsAt: at(12 * DAY + 3 * HOUR) });
    expect((await convenor.post<ErrorBody>(`/api/sessions/${later.id}/shortenings`, { reason: '台风损毁村道，须在汛期前由成员大会决定抢修方案和费用' })).body.details).toMatchObject({ reason: 'not_needed' });
  });

  it('counts members with full capacity toward two thirds as they check in and leave; the minor is in the room but not counted', async () => {
    const s = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(12 * DAY), endsAt: at(12 * DAY + 3 * HOUR) });
    await noticeRan(s.id);
    for (const name of ['陈伯', '陈婶', '李叔']) expect((await checkIn(s.id, 'member', members[name]!)).status).toBe(200);
    const kid = await checkIn(s.id, 'member', members['陈仔']!);
    expect(kid.body.quorum).toMatchObject({ met: false, present: 4, notCounted: 1, measures: [{ present: 3, total: 5, missing: 1, percent: '60.00' }] });
    expect(kid.body.entries.find((e) => e.name === '陈仔')).toMatchObject({ counted: false, groupLabel: 'NC-001', method: 'desk' });
    const fourth = await checkIn(s.id, 'member', members['李姨']!);
    expect(fourth.body.quorum).toMatchObject({ met: true, measures: [{ present: 4, total: 5, missing: 0, met: true, percent: '80.00' }] });
    expect(fourth.body.entries.map((e) => e.name)).toEqual(['陈伯', '陈婶', '李叔', '陈仔', '李姨']);

    // The desk finds people by name or household, those not yet here first, saying who counts.
    const found = await desk.get<{ name: string; counts: boolean; checkedInAt: string | null }[]>(`/api/sessions/${s.id}/people?q=NC-001`);
    expect(found.body.map((p) => [p.name, p.counts, p.checkedInAt !== null])).toEqual([['陈伯', true, true], ['陈婶', true, true], ['陈仔', false, true]]);
    const byName = await desk.get<{ name: string; checkedInAt: string | null }[]>(`/api/sessions/${s.id}/people?q=${encodeURIComponent('黄')}`);
    expect(byName.body).toEqual([expect.objectContaining({ name: '黄哥', checkedInAt: null, groupLabel: 'NC-003' })]);
    expect((await desk.get<ErrorBody>(`/api/sessions/${s.id}/people`)).status).toBe(400);
    expect((await member.get(`/api/sessions/${s.id}/people?q=NC-001`)).status).toBe(403);

    const twice = await checkIn(s.id, 'member', members['陈伯']!);
    expect(twice.status).toBe(409);
    expect(twice.body.details).toMatchObject({ reason: 'already_checked_in' });
    expect(twice.body.message).toMatch(/陈伯 checked in at/);
    const stranger = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM member WHERE unit_id = $1`, [other.unitId]);
    expect((await checkIn(s.id, 'member', stranger[0]!.id)).body.details).toMatchObject({ reason: 'not_invited' });

    const left = await desk.post<AttendanceDto>(`/api/sessions/${s.id}/departures`, { personType: 'member', personId: members['李叔'] });
    expect(left.status).toBe(200);
    expect(left.body.quorum).toMatchObject({ met: false, present: 4, measures: [{ present: 3, missing: 1 }] });
    expect(left.body.entries.find((e) => e.name === '李叔')).toMatchObject({ counted: false });
    expect(left.body.entries.find((e) => e.name === '李叔')!.leftAt).not.toBeNull();
    const again = await desk.post<ErrorBody>(`/api/sessions/${s.id}/departures`, { personType: 'member', personId: members['李叔'] });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ reason: 'already_left' });
    expect((await desk.post<ErrorBody>(`/api/sessions/${s.id}/departures`, { personType: 'member', personId: members['黄哥'] })).body.details).toMatchObject({ reason: 'not_checked_in' });
    // Nothing was lost by the refusals: five check-ins, one departure.
    const [rows] = await t.dataSource.query<{ n: number; gone: number }[]>(`SELECT count(*)::int AS n, count(left_at)::int AS gone FROM session_attendance WHERE session_id = $1`, [s.id]);
    expect(rows).toEqual({ n: 5, gone: 1 });
    // The attendance list is the desk's; a member sees the quorum figures only.
    expect((await member.get(`/api/sessions/${s.id}/attendance`)).status).toBe(403);
    expect((await member.get<SessionDto>(`/api/sessions/${s.id}`)).body.quorum).toMatchObject({ met: false, present: 4 });
    expect((await outsider.get(`/api/sessions/${s.id}`)).status).toBe(404);
  });

  it('checks a member in on his phone by the code the room shows, once; an old code, another unit’s resident and an account on no roll are refused', async () => {
    const s = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(13 * DAY), endsAt: at(13 * DAY + 3 * HOUR) });
    await noticeRan(s.id);
    const shown = await desk.get<CheckInCodeDto>(`/api/sessions/${s.id}/check-in-code`);
    expect(shown.status).toBe(200);
    expect(shown.body.path).toBe(`/sessions/${s.id}/check-in?c=${shown.body.code}`);
    expect(new Date(shown.body.validUntil).getTime() - new Date(shown.body.rotatesAt).getTime()).toBe(30_000);
    expect((await member.get(`/api/sessions/${s.id}/check-in-code`)).status).toBe(403);

    // A code from a minute ago (a photo sent home) no longer works.
    const slot = Math.floor(Date.now() / 30_000);
    const old = keyedHash(TEST_SECRET.key, 'session-check-in', `${s.id}:${slot - 3}`).slice(0, 12);
    const stale = await member.post<ErrorBody>(`/api/sessions/${s.id}/self-check-ins`, { code: old });
    expect([stale.status, stale.body.details?.['reason']]).toEqual([409, 'code_expired']);

    const mine = await member.post<SelfCheckInResultDto & ErrorBody>(`/api/sessions/${s.id}/self-check-ins`, { code: shown.body.code });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ checkedIn: ['陈伯'], already: [], quorum: { present: 1, measures: [{ present: 1, total: 5 }] } });
    const again = await member.post<ErrorBody>(`/api/sessions/${s.id}/self-check-ins`, { code: shown.body.code });
    expect([again.status, again.body.details?.['reason']]).toEqual([409, 'already_checked_in']);
    const entry = (await desk.get<AttendanceDto>(`/api/sessions/${s.id}/attendance`)).body.entries.find((e) => e.name === '陈伯');
    expect(entry).toMatchObject({ method: 'phone', counted: true });

    // 北村's resident may not even see the session; the building head is on no roll here.
    expect((await outsider.post(`/api/sessions/${s.id}/self-check-ins`, { code: shown.body.code })).status).toBe(404);
    const head = await desk.post<ErrorBody>(`/api/sessions/${s.id}/self-check-ins`, { code: shown.body.code });
    expect([head.status, head.body.details?.['reason']]).toEqual([409, 'not_invited']);
  });

  it('records a written proxy at the door within the household, as RCEO art. 27 allows, and refuses the others in the rule’s words', async () => {
    const s = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(14 * DAY), endsAt: at(14 * DAY + 3 * HOUR) });
    await noticeRan(s.id);
    const proxy = (principal: string, agent: string, written = true) =>
      desk.post<AttendanceDto & ErrorBody>(`/api/sessions/${s.id}/proxies`, { principalType: 'member', principalId: members[principal], agentType: 'member', agentId: members[agent], written });
    // The agent checks in first.
    expect((await proxy('陈婶', '陈伯')).body.details).toMatchObject({ reason: 'not_checked_in', who: 'agent' });
    await checkIn(s.id, 'member', members['陈伯']!);
    await checkIn(s.id, 'member', members['黄哥']!);
    expect((await proxy('陈婶', '陈伯', false)).body.details).toMatchObject({ reason: 'proxy_rejected', rule: 'proxy-not-written' });
    expect((await proxy('李叔', '陈伯')).body.details).toMatchObject({ reason: 'proxy_rejected', rule: 'proxy-agent-other-household' });
    expect((await proxy('陈伯', '黄哥')).body.details).toMatchObject({ reason: 'already_checked_in', who: 'principal' });
    // A member assembly's proxy stays in the household: a guest on no roll holds none.
    const guest = (await convenor.post<{ id: string }[]>(`/api/sessions/${s.id}/guests`, { name: '外村 亲戚' })).body[0]!.id;
    await desk.post(`/api/sessions/${s.id}/guests/${guest}/check-in`);
    const toGuest = await desk.post<ErrorBody>(`/api/sessions/${s.id}/proxies`, { principalType: 'member', principalId: members['李叔'], agentType: 'guest', agentId: guest, written: true });
    expect(toGuest.body.details).toMatchObject({ reason: 'proxy_rejected', rule: 'proxy-agent-not-on-roll' });

    const recorded = await proxy('陈婶', '陈伯');
    expect(recorded.status).toBe(200);
    expect(recorded.body.proxies).toEqual([expect.objectContaining({ principalName: '陈婶', agentName: '陈伯', counted: true })]);
    expect(recorded.body.quorum).toMatchObject({ present: 2, measures: [{ present: 3, total: 5, missing: 1 }] });
    expect((await proxy('陈婶', '陈伯')).body.details).toMatchObject({ reason: 'proxy_exists' });
    // When the agent leaves, the principal is no longer represented.
    const gone = await desk.post<AttendanceDto>(`/api/sessions/${s.id}/departures`, { personType: 'member', personId: members['陈伯'] });
    expect(gone.body.quorum.measures[0]).toMatchObject({ present: 1 });
    expect(gone.body.proxies[0]).toMatchObject({ counted: false });
  });

  it('counts an owners’ meeting by area and by headcount: the large owner brings his parking space, and area alone is not enough', async () => {
    const s = await create(compound.unitId, { kind: 'owners_meeting', startsAt: at(16 * DAY), endsAt: at(16 * DAY + 2 * HOUR) });
    await noticeRan(s.id);
    // The community's convenor keeps the desk here (南村's building head has no business in 御水岸).
    expect((await checkIn(s.id, 'owner', owners['大户 梁']!)).status).toBe(404);
    const big = await checkIn(s.id, 'owner', owners['大户 梁']!, convenor);
    expect(big.body.entries[0]).toMatchObject({ area: 31000, unitLabels: ['1-101', 'P-01'], groupLabel: '1栋' });
    expect(big.body.quorum.measures).toEqual([
      expect.objectContaining({ id: 'area', present: 31000, total: 51000, met: false }),
      expect.objectContaining({ id: 'persons', present: 1, total: 3, met: false, missing: 1 }),
    ]);
    const two = await checkIn(s.id, 'owner', owners['业主 吴']!, convenor);
    expect(two.body.quorum).toMatchObject({ met: true, measures: [{ id: 'area', met: true }, { id: 'persons', present: 2, met: true }] });
    // An owner may authorise anyone: 业主 周's daughter, on no roll, comes as a named guest with his written proxy.
    const guests = await convenor.post<{ id: string; name: string }[]>(`/api/sessions/${s.id}/guests`, { name: '周女士', affiliation: '业主 周 的女儿' });
    const daughter = guests.body[0]!.id;
    const byGuest = () => convenor.post<AttendanceDto & ErrorBody>(`/api/sessions/${s.id}/proxies`, { principalType: 'owner', principalId: owners['业主 周'], agentType: 'guest', agentId: daughter, written: true });
    expect((await byGuest()).body.details).toMatchObject({ reason: 'not_checked_in', who: 'agent' });
    await convenor.post(`/api/sessions/${s.id}/guests/${daughter}/check-in`);
    const represented = await byGuest();
    expect(represented.status).toBe(200);
    expect(represented.body.proxies).toEqual([expect.objectContaining({ principalName: '业主 周', agentName: '周女士', counted: true })]);
    // Three of three owners now, by area and by head; the guest herself is no one in the count.
    expect(represented.body.quorum).toMatchObject({ present: 2, notCounted: 0, measures: [{ id: 'area', present: 51000 }, { id: 'persons', present: 3 }] });
    // When she leaves, her father is no longer represented.
    await convenor.post(`/api/sessions/${s.id}/guests/${daughter}/departure`);
    const after = await convenor.get<AttendanceDto>(`/api/sessions/${s.id}/attendance`);
    expect(after.body.quorum.measures[1]).toMatchObject({ present: 2 });
  });

  it('holds a joint meeting on the community over chosen units, shown in each, without a legal quorum', async () => {
    const bad = await convenor.post<ErrorBody>(`/api/nodes/${community}/sessions`, { kind: 'joint_meeting', title: '联席会议', place: '中区社区党群服务站', startsAt: at(DAY), endsAt: at(DAY + HOUR) });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ fields: [{ field: 'unitIds', reasons: ['jointUnits'] }] });
    const joint = await create(community, { kind: 'joint_meeting', title: '联席会议', startsAt: at(DAY), endsAt: at(DAY + HOUR), unitIds: [coop.unitId, compound.unitId] });
    expect(joint.units.map((u) => u.name).sort()).toEqual(['南村经济社', '御水岸'].sort());
    expect((await convenor.post<SessionDto>(`/api/sessions/${joint.id}/announce`)).status).toBe(200);
    expect((await member.get<SessionDto[]>(`/api/nodes/${coop.unitId}/sessions`)).body.map((x) => x.id)).toContain(joint.id);
    expect((await outsider.get<SessionDto[]>(`/api/nodes/${other.unitId}/sessions`)).body.map((x) => x.id)).not.toContain(joint.id);
    const seen = await member.get<SessionDto>(`/api/sessions/${joint.id}`);
    expect(seen.body.quorum).toMatchObject({ met: null, measures: [], statute: null });
  });

  it('holds a joint meeting of the building heads only: they are found, checked in and told; the other owners are not invited', async () => {
    // 业主 吴 is the building head of 御水岸 1栋, with an account linked to his roll entry.
    const headId = await createAccount(t.dataSource, '13700000103', '业主 吴');
    await t.dataSource.query(`UPDATE owner SET user_id = $1 WHERE id = $2`, [headId, owners['业主 吴']]);
    await grant(t.dataSource, headId, compound.unitId, 'building_head');
    const head = await signIn(t.dataSource, t.baseUrl, '13700000103');
    expect((await convenor.post<ErrorBody>(`/api/nodes/${coop.unitId}/sessions`, { kind: 'member_assembly', invite: 'building_heads', title: '成员大会', place: '生活馆', startsAt: at(20 * DAY), endsAt: at(20 * DAY + HOUR) })).body.details).toMatchObject({
      fields: [{ field: 'invite' }],
    });
    const joint = await create(community, { kind: 'joint_meeting', invite: 'building_heads', title: '楼长联席会议', startsAt: at(DAY), endsAt: at(DAY + HOUR), unitIds: [coop.unitId, compound.unitId] });
    expect(joint.invite).toBe('building_heads');
    await convenor.post(`/api/sessions/${joint.id}/announce`);
    // The building head hears of it; a member of 南村 (no building head) does not.
    const told = async (who: HttpSession): Promise<boolean> =>
      (await who.get<{ items: { kind: string; link: string }[] }>('/api/me/notifications')).body.items.some((n) => n.kind === 'session_announced' && n.link === `/sessions/${joint.id}`);
    expect(await told(head)).toBe(true);
    expect(await told(member)).toBe(false);
    await noticeRan(joint.id);
    // The desk finds the building head, and not the other owners of his compound.
    const found = await convenor.get<{ name: string }[]>(`/api/sessions/${joint.id}/people?q=${encodeURIComponent('业主')}`);
    expect(found.body.map((p) => p.name)).toEqual(['业主 吴']);
    expect((await checkIn(joint.id, 'owner', owners['业主 周']!, convenor)).body.details).toMatchObject({ reason: 'not_invited' });
    expect((await checkIn(joint.id, 'owner', owners['业主 吴']!, convenor)).status).toBe(200);
  });

  it('builds the agenda from the unit’s topics, a published draft and free items; after the notice an item needs its reason; order and deferral are kept', async () => {
    const s = await create(coop.unitId, { kind: 'member_assembly', startsAt: at(20 * DAY), endsAt: at(20 * DAY + 3 * HOUR) });
    const topic = await member.post<{ id: string }>(`/api/units/${coop.unitId}/topics`, { title: '村口道路积水', body: '下雨天村口积水严重' });
    expect(topic.status).toBe(201);
    const consultation = await convenor.post<{ id: string }>(`/api/nodes/${coop.unitId}/consultations`, { title: '南村地块土地整理方案', ruleSet: 'rceo-27' });
    const version = await publishSimpleVersion(t, consultation.body.id, '13700000100');
    const add = (body: Record<string, unknown>) => convenor.post<SessionDto & ErrorBody>(`/api/sessions/${s.id}/agenda`, body);
    // What may go on the agenda: the unit's published draft and its open topic, none of another unit's.
    const candidates = (await convenor.get<{ kind: string; id: string; title: string }[]>(`/api/sessions/${s.id}/agenda-candidates`)).body;
    expect(candidates).toEqual(expect.arrayContaining([{ kind: 'draft', id: version, title: '南村地块土地整理方案（第1稿）', state: '1' }, { kind: 'topic', id: topic.body.id, title: '村口道路积水', state: 'open' }]));
    // A member does not even see the draft session.
    expect((await member.get(`/api/sessions/${s.id}/agenda-candidates`)).status).toBe(404);

    expect((await add({ kind: 'draft', versionId: version })).status).toBe(201);
    expect((await add({ kind: 'draft', versionId: version })).body.details).toMatchObject({ reason: 'already_on_agenda' });
    // Once on the agenda, it is no longer offered.
    expect((await convenor.get<{ id: string }[]>(`/api/sessions/${s.id}/agenda-candidates`)).body.map((c) => c.id)).not.toContain(version);
    expect((await add({ kind: 'topic', topicId: topic.body.id })).status).toBe(201);
    const third = await add({ kind: 'free', title: '其他事项' });
    expect(third.body.agenda.map((a) => [a.position, a.kind, a.title])).toEqual([
      [1, 'draft', '南村地块土地整理方案（第1稿）'],
      [2, 'topic', '村口道路积水'],
      [3, 'free', '其他事项'],
    ]);
    // A free item needs its title; links must match their kind and belong to an invited unit.
    expect((await add({ kind: 'free' })).body.details).toMatchObject({ fields: [{ field: 'title', reasons: ['isNotEmpty'] }] });
    expect((await add({ kind: 'topic', versionId: version })).body.details).toMatchObject({ fields: [{ field: 'topicId', reasons: ['isNotEmpty'] }] });
    const elsewhere = await outsider.post<{ id: string }>(`/api/units/${other.unitId}/topics`, { title: '北村的事' });
    expect((await add({ kind: 'topic', topicId: elsewhere.body.id })).body.details).toMatchObject({ fields: [{ field: 'topicId', reasons: ['invalid'] }] });
    // Nothing was added by the refusals.
    expect((await member.get(`/api/sessions/${s.id}`)).status).toBe(404);
    expect((await convenor.get<SessionDto>(`/api/sessions/${s.id}`)).body.agenda).toHaveLength(3);

    const [first, second, last] = third.body.agenda;
    const reordered = await convenor.request<SessionDto & ErrorBody>('PUT', `/api/sessions/${s.id}/agenda/order`, { itemIds: [second!.id, first!.id, last!.id] });
    expect(reordered.body.agenda.map((a) => a.title)).toEqual(['村口道路积水', '南村地块土地整理方案（第1稿）', '其他事项']);
    expect((await convenor.request<ErrorBody>('PUT', `/api/sessions/${s.id}/agenda/order`, { itemIds: [second!.id, first!.id] })).body.details).toMatchObject({ fields: [{ field: 'itemIds' }] });

    expect((await convenor.post<SessionDto>(`/api/sessions/${s.id}/announce`)).status).toBe(200);
    const late = await add({ kind: 'free', title: '临时动议：台风后清理' });
    expect(late.status).toBe(400);
    expect(late.body.details).toMatchObject({ fields: [{ field: 'urgentReason', reasons: ['isNotEmpty'] }] });
    expect((await add({ kind: 'free', title: '临时动议：台风后清理', urgentReason: '急' })).body.details).toMatchObject({ fields: [{ field: 'urgentReason', reasons: ['reasonTooShort'] }] });
    const urgent = await add({ kind: 'free', title: '临时动议：台风后清理', urgentReason: '台风过境后村道多处倒树，需本次会议确定清理分工和费用' });
    expect(urgent.status).toBe(201);
    expect(urgent.body.agenda.at(-1)).toMatchObject({ position: 4, urgentReason: '台风过境后村道多处倒树，需本次会议确定清理分工和费用' });

    const deferred = await convenor.post<SessionDto>(`/api/sessions/${s.id}/agenda/${last!.id}/defer`, { reason: '材料未准备好，下次会议再议' });
    expect(deferred.status).toBe(200);
    expect(deferred.body.agenda.find((a) => a.id === last!.id)).toMatchObject({ deferredReason: '材料未准备好，下次会议再议' });
    expect((await convenor.post<ErrorBody>(`/api/sessions/${s.id}/agenda/${last!.id}/defer`, { reason: '再次延期' })).body.details).toMatchObject({ reason: 'already_deferred' });
    // Members see the agenda once the notice is up; the desk may not change it.
    expect((await member.get<SessionDto>(`/api/sessions/${s.id}`)).body.agenda).toHaveLength(4);
    expect((await desk.post(`/api/sessions/${s.id}/agenda`, { kind: 'free', title: '楼长加的', urgentReason: '台风过境后村道多处倒树，需本次会议确定清理分工' })).status).toBe(403);
  });

  it('refuses a kind the unit does not hold, a session that ends before it starts or lasts a day, and a unit list on a unit’s own session', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [coop.unitId, { kind: 'owners_meeting', startsAt: at(DAY), endsAt: at(DAY + HOUR) }, 'kind', 'sessionKindOfUnit'],
      [community, { kind: 'member_assembly', startsAt: at(DAY), endsAt: at(DAY + HOUR) }, 'kind', 'sessionKindOfUnit'],
      [coop.unitId, { kind: 'consultative', startsAt: at(DAY), endsAt: at(DAY - HOUR) }, 'endsAt', 'invalid'],
      [coop.unitId, { kind: 'consultative', startsAt: at(DAY), endsAt: at(DAY + 13 * HOUR) }, 'endsAt', 'sessionLength'],
      [coop.unitId, { kind: 'consultative', startsAt: at(-HOUR), endsAt: at(HOUR) }, 'startsAt', 'minDate'],
      [coop.unitId, { kind: 'consultative', startsAt: at(DAY), endsAt: at(DAY + HOUR), unitIds: [coop.unitId, compound.unitId] }, 'unitIds', 'jointUnits'],
      [community, { kind: 'joint_meeting', startsAt: at(DAY), endsAt: at(DAY + HOUR), unitIds: [coop.unitId, community] }, 'unitIds', 'jointUnits'],
    ];
    for (const [nodeId, body, field, reason] of cases) {
      const res = await convenor.post<ErrorBody>(`/api/nodes/${nodeId}/sessions`, { title: '议事会', place: '组织生活馆', ...body });
      expect([res.status, res.body.details]).toEqual([400, expect.objectContaining({ fields: [expect.objectContaining({ field, reasons: [reason] })] })]);
    }
    expect((await desk.post(`/api/nodes/${coop.unitId}/sessions`, { kind: 'consultative', title: '议事会', place: '组织生活馆', startsAt: at(DAY), endsAt: at(DAY + HOUR) })).status).toBe(403);
  });
});
