/**
 * 南村经济社's member assembly on its land-consolidation plan, end to end over HTTP: the notice,
 * the agenda with the draft's 宣讲 and a vote under rceo-27, the room's officers, check-ins by
 * phone and at the desk with one written proxy, the quorum crossing two thirds (the vote item
 * refused before), ballots in the room — on a phone, and on paper slips entered by a teller and
 * confirmed by a scrutineer — merged with the online ballots into one count and one chain, the
 * legally right result, the recount agreeing (recount() and the built `npm run recount` command),
 * a show of hands marked as no decision, the speakers' queue, minutes drafted, completed, confirmed,
 * published and corrected, and two follow-up items (one overdue, flagged once).
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ErrorBody } from '@yishi/contracts';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn, recount } from '@yishi/domain';
import { publishSimpleVersion } from '../../test/consultations';
import type { HttpSession } from '../../test/http-session';
import { download, upload } from '../../test/rolls';
import type { TestApp } from '../../test/test-app';
import { startTestApp, TEST_SECRET } from '../../test/test-app';
import { createAccount, createCooperative, grant, kitFiles, openWithApproval, SCAN_JPEG, SHORTENING_REASON, signIn } from '../../test/vote-fixtures';
import { keyedHash } from '../common/keyed-hash';
import { SealingService } from '../votes/sealing/sealing.service';
import type { FollowUpDto, MinutesDto } from './dto/minutes.dto';
import type { OfficerDto, RoomBallotResultDto, RoomDto, SlipDto } from './dto/room.dto';
import type { AttendanceDto, SessionDto } from './dto/session.dto';
import { SessionMinutesService } from './session-minutes.service';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/recount/apps/recount/src/main.js');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('a member assembly in the room: quorum, ballots in the room merged with online ones, minutes and follow-up', () => {
  let t: TestApp;
  const tmp = mkdtempSync(join(tmpdir(), 'yishi-assembly-'));
  let coopId: string;
  const members: Record<string, string> = {};
  const as: Record<string, HttpSession> = {};

  beforeAll(async () => {
    t = await startTestApp();
    if (!existsSync(CLI)) execSync('npx nx run recount:build --output-style=static', { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
    const [street] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('a-street', 'street', '桂城街道', NULL) RETURNING id`);
    const [community] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('a-zhongqu', 'community', '中区社区', $1) RETURNING id`, [street!.id]);
    // 南村: five members with full capacity in three households (T = 5), and a minor who may come but does not count.
    const coop = await createCooperative(t.dataSource, {
      code: 'a-nancun',
      name: '南村经济社',
      parent: 'a-zhongqu',
      households: [
        { number: 'NC-001', members: [{ key: 'chen', name: '陈伯', birthDate: '1950-03-01', phone: '13600000001' }, { key: 'chenw', name: '陈婶', birthDate: '1952-05-01' }, { key: 'kid', name: '陈仔', birthDate: '2015-01-01' }] },
        { number: 'NC-002', members: [{ key: 'li', name: '李叔', birthDate: '1960-01-01', phone: '13600000002' }, { key: 'liw', name: '李姨', birthDate: '1962-01-01' }] },
        { number: 'NC-003', members: [{ key: 'huang', name: '黄哥', birthDate: '1980-01-01', phone: '13600000003' }] },
      ],
    });
    coopId = coop.unitId;
    for (const r of await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM member WHERE unit_id = $1`, [coopId])) members[r.name] = r.id;
    const accounts: [string, string, string, string, 'staff' | 'building_head' | 'resident' | 'observer'][] = [
      ['staff', '13600000100', '中区社区 工作人员', community!.id, 'staff'],
      ['street', '13600000101', '桂城街道 工作人员', street!.id, 'staff'],
      ['desk', '13600000102', '南村 楼长', coopId, 'building_head'],
      ['chair', '13600000103', '南村 社长', coopId, 'resident'],
      ['recorder', '13600000104', '南村 文书', coopId, 'resident'],
      ['teller', '13600000105', '南村 计票人', coopId, 'resident'],
      ['scrutineer', '13600000106', '南村 监票人', community!.id, 'observer'],
    ];
    for (const [key, phone, name, node, role] of accounts) {
      await grant(t.dataSource, await createAccount(t.dataSource, phone, name), node, role);
      as[key] = await signIn(t.dataSource, t.baseUrl, phone);
    }
    as['chen'] = await signIn(t.dataSource, t.baseUrl, '13600000001');
    as['li'] = await signIn(t.dataSource, t.baseUrl, '13600000002');
    as['huang'] = await signIn(t.dataSource, t.baseUrl, '13600000003');
  });
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await t.close();
  });

  const userId = async (phone: string): Promise<string> => (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = $1`, [phone]))[0]!.id;
  const room = async (sessionId: string, who = 'chair'): Promise<RoomDto> => (await as[who]!.get<RoomDto>(`/api/sessions/${sessionId}/room`)).body;

  it('runs the assembly: the vote item waits for two thirds, the room’s ballots join the online ones, the recount agrees, the minutes are published and followed up', async () => {
    const who = (key: string): HttpSession => as[key]!;
    const [staff, street, desk, chair, recorder, teller, scrutineer, chen, li, huang] = ['staff', 'street', 'desk', 'chair', 'recorder', 'teller', 'scrutineer', 'chen', 'li', 'huang'].map(who) as [
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
    ];

    // --- The vote (rceo-27, opened early with the street's approval) and the draft ----------------
    const closesAt = new Date(Date.now() + 3 * HOUR);
    const vote = await staff.post<{ id: string }>(`/api/units/${coopId}/votes`, {
      title: '南村地块土地整理方案',
      question: '是否同意《南村地块土地整理方案》？',
      ruleSet: 'rceo-27',
      matterKinds: ['cooperative-other'],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(vote.status).toBe(201);
    const voteId = vote.body.id;
    await openWithApproval(staff, street, voteId);
    // 李叔 and 黄哥 vote online before the assembly (李叔 against; he will hand in a slip in the room).
    const liOnline = await li.post<{ receipt: string }>(`/api/votes/${voteId}/ballots`, { choice: 'oppose' });
    expect(liOnline.status).toBe(200);
    expect((await huang.post(`/api/votes/${voteId}/ballots`, { choice: 'oppose' })).status).toBe(200);
    const consultation = await staff.post<{ id: string }>(`/api/nodes/${coopId}/consultations`, { title: '南村地块土地整理方案', ruleSet: 'rceo-27' });
    const versionId = await publishSimpleVersion(t, consultation.body.id, '13600000100');

    // --- The notice: ten days for a member assembly; the agenda ---------------------------------
    const created = await staff.post<SessionDto>(`/api/nodes/${coopId}/sessions`, {
      kind: 'member_assembly',
      title: '南村地块土地整理方案成员大会',
      place: '南村经济社党支部组织生活馆',
      startsAt: new Date(Date.now() + 11 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 11 * DAY + 3 * HOUR).toISOString(),
    });
    const sessionId = created.body.id;
    for (const item of [{ kind: 'draft', versionId }, { kind: 'vote', voteId }, { kind: 'free', title: '村口路灯维修' }]) {
      expect((await staff.post(`/api/sessions/${sessionId}/agenda`, item)).status).toBe(201);
    }
    expect((await staff.post<SessionDto>(`/api/sessions/${sessionId}/announce`)).body.status).toBe('announced');
    const agenda = (await staff.get<SessionDto>(`/api/sessions/${sessionId}`)).body.agenda;
    const [draftItem, voteItem, freeItem] = agenda.map((a) => a.id) as [string, string, string];

    // --- Officers: accounts with a role on the cooperative or above; nobody teller and scrutineer --
    const ids = { chair: await userId('13600000103'), recorder: await userId('13600000104'), teller: await userId('13600000105'), scrutineer: await userId('13600000106') };
    const both = await staff.put<ErrorBody>(`/api/sessions/${sessionId}/officers`, { chairId: ids.chair, recorderId: ids.recorder, tellerIds: [ids.teller], scrutineerIds: [ids.teller] });
    expect(both.status).toBe(400);
    const stranger = await createAccount(t.dataSource, '13600000199', '外人');
    expect((await staff.put<ErrorBody>(`/api/sessions/${sessionId}/officers`, { chairId: stranger, recorderId: null, tellerIds: [], scrutineerIds: [] })).status).toBe(400);
    const named = await staff.put<OfficerDto[]>(`/api/sessions/${sessionId}/officers`, { chairId: ids.chair, recorderId: ids.recorder, tellerIds: [ids.teller], scrutineerIds: [ids.scrutineer] });
    expect(named.body.map((o) => [o.role, o.name])).toEqual([
      ['chair', '南村 社长'],
      ['recorder', '南村 文书'],
      ['teller', '南村 计票人'],
      ['scrutineer', '南村 监票人'],
    ]);
    expect((await staff.get<{ userId: string }[]>(`/api/sessions/${sessionId}/officer-candidates?q=${encodeURIComponent('南村')}`)).body.map((c) => c.userId)).toContain(ids.teller);
    // The observer named scrutineer reads the room through the officer exception; the chair (a resident) too.
    expect((await scrutineer.get<RoomDto>(`/api/sessions/${sessionId}/room`)).body.myRoles).toEqual(['scrutineer']);
    expect((await staff.post(`/api/sessions/${sessionId}/guests`, { name: '王主任', affiliation: '街道农业办' })).status).toBe(200);

    // The notice has run; the assembly sits from five minutes ago.
    await t.dataSource.query(
      `UPDATE discussion_session SET announced_at = now() - interval '11 days', notice_ends_at = now() - interval '1 day', starts_at = now() - interval '5 minutes', ends_at = now() + interval '3 hours' WHERE id = $1`,
      [sessionId],
    );

    // --- Check-ins: 陈伯 by the room's QR; 陈婶, the minor and the guest at the desk -------------------
    const code = keyedHash(TEST_SECRET.key, 'session-check-in', `${sessionId}:${Math.floor(Date.now() / 30_000)}`).slice(0, 12);
    expect((await chen.post(`/api/sessions/${sessionId}/self-check-ins`, { code })).status).toBe(200);
    const checkIn = (name: string): Promise<{ status: number; body: AttendanceDto & ErrorBody }> =>
      desk.post<AttendanceDto & ErrorBody>(`/api/sessions/${sessionId}/check-ins`, { personType: 'member', personId: members[name] });
    await checkIn('陈婶');
    const withKid = await checkIn('陈仔');
    expect(withKid.body.quorum).toMatchObject({ met: false, present: 3, notCounted: 1, measures: [{ present: 2, total: 5, missing: 2 }] });
    const guestId = withKid.body.guests[0]!.id;
    expect((await desk.post(`/api/sessions/${sessionId}/guests/${guestId}/check-in`)).status).toBe(200);

    // The vote item cannot be opened without quorum: the chair sees how many more are needed.
    const early = await chair.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/room-voting/open`);
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ reason: 'no_quorum', measures: [{ measure: 'persons', missing: 2, present: 2, total: 5 }] });
    expect(early.body.message).toMatch(/2 more persons/);
    // 李叔 comes, with 李姨's written proxy (same household): four of five, over two thirds.
    await checkIn('李叔');
    const proxy = await desk.post<AttendanceDto>(`/api/sessions/${sessionId}/proxies`, { principalType: 'member', principalId: members['李姨'], agentType: 'member', agentId: members['李叔'], written: true });
    expect(proxy.body.quorum).toMatchObject({ met: true, measures: [{ present: 4, total: 5, missing: 0, percent: '80.00' }] });

    // --- The 宣讲: the chair puts the draft's first clause on the screen ---------------------------
    const clauseId = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM clause WHERE version_id = $1`, [versionId]))[0]!.id;
    expect((await teller.put<ErrorBody>(`/api/sessions/${sessionId}/room/current`, { itemId: draftItem, clauseId })).body.details).toMatchObject({ reason: 'not_chair' });
    const reading = await chair.put<RoomDto>(`/api/sessions/${sessionId}/room/current`, { itemId: draftItem, clauseId });
    expect(reading.body).toMatchObject({ currentItemId: draftItem, clause: { number: 1, body: '第一条 正文。' } });
    expect((await chair.put<ErrorBody>(`/api/sessions/${sessionId}/room/current`, { itemId: voteItem, clauseId })).status).toBe(400);
    expect((await recorder.put<RoomDto>(`/api/sessions/${sessionId}/agenda/${draftItem}/gist`, { gist: '成员关心补偿标准和测绘时间。' })).status).toBe(200);

    // --- Speakers: asked from a phone and at the desk; the chair calls the next ---------------------
    expect((await huang.post<ErrorBody>(`/api/sessions/${sessionId}/speakers/me`)).body.details).toMatchObject({ reason: 'not_present' });
    expect((await chen.post(`/api/sessions/${sessionId}/speakers/me`)).status).toBe(200);
    expect((await chen.post<ErrorBody>(`/api/sessions/${sessionId}/speakers/me`)).body.details).toMatchObject({ reason: 'already_waiting' });
    await desk.post(`/api/sessions/${sessionId}/speakers`, { guestId });
    const called = await chair.post<RoomDto>(`/api/sessions/${sessionId}/speakers/next`);
    expect(called.body.speaking).toMatchObject({ name: '陈伯', via: 'phone' });
    expect(called.body.queue.map((s) => s.name)).toEqual(['王主任（街道农业办）']);

    // --- Voting in the room ------------------------------------------------------------------------
    expect((await chen.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/ballots`, { choice: 'approve' })).body.details).toMatchObject({ reason: 'room_voting_closed' });
    const opened = await chair.post<RoomDto>(`/api/sessions/${sessionId}/agenda/${voteItem}/room-voting/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.items.find((i) => i.itemId === voteItem)!.vote).toMatchObject({ openInRoom: true, electorate: 6, voted: 2, votedInRoom: 0 });
    // 陈伯 on his phone.
    const phone = await chen.post<RoomBallotResultDto>(`/api/sessions/${sessionId}/agenda/${voteItem}/ballots`, { choice: 'approve' });
    expect(phone.body).toMatchObject({ name: '陈伯', changed: true, supersededReceipt: null });
    // Slips: 陈婶 (no phone), 李姨 (by 李叔's proxy at the door), 李叔 (who voted against online).
    const enter = (name: string, choice: string, by = teller): Promise<{ status: number; body: SlipDto[] & ErrorBody }> =>
      by.post<SlipDto[] & ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/slips`, { personType: 'member', personId: members[name], choice });
    expect((await enter('陈婶', 'approve', desk)).body.details).toMatchObject({ reason: 'not_teller' });
    for (const name of ['陈婶', '李姨', '李叔']) expect((await enter(name, 'approve')).status).toBe(201);
    expect((await enter('李叔', 'approve')).body.details).toMatchObject({ reason: 'slip_exists' });
    // 黄哥 is not in the room: no slip for him.
    expect((await enter('黄哥', 'approve')).body.details).toMatchObject({ reason: 'not_present' });
    const slips = (await teller.get<SlipDto[]>(`/api/sessions/${sessionId}/agenda/${voteItem}/slips`)).body;
    expect(slips.map((s) => [s.name, s.status])).toEqual([
      ['陈婶', 'entered'],
      ['李姨', 'entered'],
      ['李叔', 'entered'],
    ]);
    // Nothing counts until a scrutineer confirms; the teller and the chair may not.
    expect((await teller.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/slips/${slips[0]!.id}/confirm`)).body.details).toMatchObject({ reason: 'not_scrutineer' });
    expect((await staff.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/slips/${slips[0]!.id}/confirm`)).body.details).toMatchObject({ reason: 'not_scrutineer' });
    for (const slip of slips) expect((await scrutineer.post(`/api/sessions/${sessionId}/agenda/${voteItem}/slips/${slip.id}/confirm`)).status).toBe(200);
    const settled = (await scrutineer.get<SlipDto[]>(`/api/sessions/${sessionId}/agenda/${voteItem}/slips`)).body;
    expect(settled.map((s) => [s.name, s.status, s.confirmedBy])).toEqual([
      ['陈婶', 'counted', '南村 监票人'],
      ['李姨', 'counted', '南村 监票人'],
      ['李叔', 'counted', '南村 监票人'],
    ]);
    // 李叔's slip, handed in in person, supersedes his online ballot, as a paper ballot would: named in the outcome.
    expect(settled[2]!.supersededReceipt).toBe(liOnline.body.receipt);
    expect((await scrutineer.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/slips/${slips[0]!.id}/confirm`)).body.details).toMatchObject({ reason: 'not_entered' });
    // Once he voted in the room, 陈伯 can no longer vote online.
    expect((await chen.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'oppose' })).body.details).toMatchObject({ reason: 'meeting_supersedes' });
    const progress = (await room(sessionId)).items.find((i) => i.itemId === voteItem)!.vote!;
    expect(progress).toMatchObject({ voted: 5, votedInRoom: 4, slipsWaiting: 0, passed: null });
    // Once the session is over, the room takes no ballot, even were the chair to forget to close it.
    await t.dataSource.query(`UPDATE discussion_session SET ends_at = now() - interval '1 second' WHERE id = $1`, [sessionId]);
    expect((await chen.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/ballots`, { choice: 'oppose' })).body.details).toMatchObject({ reason: 'not_started' });
    await t.dataSource.query(`UPDATE discussion_session SET ends_at = now() + interval '3 hours' WHERE id = $1`, [sessionId]);
    expect((await chair.post(`/api/sessions/${sessionId}/agenda/${voteItem}/room-voting/close`)).status).toBe(200);
    expect((await chen.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/ballots`, { choice: 'oppose' })).body.details).toMatchObject({ reason: 'room_voting_closed' });

    // --- A show of hands on the free item: counted, marked as no decision ---------------------------
    expect((await teller.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${voteItem}/hands`, { for: 3, against: 0, abstain: 0 })).body.details).toMatchObject({ reason: 'a_vote_item' });
    expect((await teller.post<ErrorBody>(`/api/sessions/${sessionId}/agenda/${freeItem}/hands`, { for: 9, against: 0, abstain: 0 })).status).toBe(400);
    const hands = await teller.post<RoomDto>(`/api/sessions/${sessionId}/agenda/${freeItem}/hands`, { for: 4, against: 0, abstain: 1 });
    expect(hands.body.items.find((i) => i.itemId === freeItem)!.hands).toMatchObject({ for: 4, against: 0, abstain: 1, indicative: true });

    // --- The count: one tally over online and room ballots, under rceo-27 -------------------------------
    expect(await t.app.get(SealingService).closeDue(new Date(closesAt.getTime() + 1000))).toBe(1);
    const result = (await chen.get<{ result: { tally: { passed: boolean; figures: { approve: { persons: number }; ballots: { online: number; meeting: number; counted: number } } }; chains: { ballots: { lines: number; head: string } } } }>(`/api/votes/${voteId}/result`)).body.result;
    // Approving: 陈伯, 陈婶, 李姨 (proxy), 李叔 = 4 of all 5 members ≥ 2/3; 黄哥 against online.
    expect(result.tally.figures.approve.persons).toBe(4);
    expect(result.tally.figures.ballots).toMatchObject({ online: 1, meeting: 4, counted: 5 });
    expect(result.tally.passed).toBe(true);
    const onScreen = (await room(sessionId)).items.find((i) => i.itemId === voteItem)!.vote!;
    expect(onScreen.passed).toBe(true);
    expect(onScreen.explanation!.join('')).toMatch(/通过/);
    // The recount kit holds the room's ballots on the channel `meeting`, and both recounts agree.
    const kit = await download(chen, `/api/votes/${voteId}/recount-kit`);
    const files = kitFiles(kit.bytes);
    expect(files['ballots.jsonl']!.split('\n').filter((l) => l.includes('"meeting"'))).toHaveLength(4);
    const report = recount(files);
    expect(report.ok).toBe(true);
    expect(report.chains.ballots).toEqual({ lines: result.chains.ballots.lines, head: result.chains.ballots.head });
    const folder = join(tmp, voteId);
    mkdirSync(folder);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text, 'utf8');
    const { INIT_CWD: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, [CLI, folder], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    // --- The minutes ---------------------------------------------------------------------------------
    expect((await chen.post<ErrorBody>(`/api/sessions/${sessionId}/minutes`)).status).toBe(403);
    const drafted = await recorder.post<MinutesDto>(`/api/sessions/${sessionId}/minutes`);
    expect(drafted.status).toBe(201);
    const text = drafted.body.versions[0]!.body;
    expect(text).toContain('按《农村集体经济组织法》第二十七条');
    expect(text).toContain('人数 4/5（80.00%）；达到法定人数');
    expect(text).toContain('列席：王主任（街道农业办）');
    expect(text).toContain('发言要点：成员关心补偿标准和测绘时间。');
    expect(text).toContain('本场现场投票 4 票');
    expect(text).toContain('举手表态（仅反映到会人员意见，不是法定表决）：赞成 4，反对 0，弃权 1');
    // Residents see nothing until it is published.
    expect((await chen.get<MinutesDto>(`/api/sessions/${sessionId}/minutes`)).body.versions).toEqual([]);
    const completed = `${text}\n\n三、议定事项补充：理事会一个月内完成测绘。`;
    await recorder.put(`/api/sessions/${sessionId}/minutes`, { body: completed });
    expect((await chair.post<ErrorBody>(`/api/sessions/${sessionId}/minutes/publish`)).body.details).toMatchObject({ reason: 'not_confirmed' });
    expect((await chair.post<MinutesDto>(`/api/sessions/${sessionId}/minutes/confirm`)).body.versions[0]).toMatchObject({ chairConfirmedBy: '南村 社长', scrutineerConfirmedBy: null });
    expect((await chair.post<ErrorBody>(`/api/sessions/${sessionId}/minutes/confirm`)).body.details).toMatchObject({ reason: 'already_confirmed' });
    expect((await teller.post<ErrorBody>(`/api/sessions/${sessionId}/minutes/confirm`)).body.details).toMatchObject({ reason: 'not_scrutineer' });
    await scrutineer.post(`/api/sessions/${sessionId}/minutes/confirm`);
    const published = await chair.post<MinutesDto>(`/api/sessions/${sessionId}/minutes/publish`);
    expect(published.body.versions[0]!.publishedAt).not.toBeNull();
    // Nobody changes a published version, not even with the database's own hands.
    await expect(t.dataSource.query(`UPDATE session_minutes SET body = '改过的纪要' WHERE session_id = $1`, [sessionId])).rejects.toThrow(/kept as published/);
    const residentView = (await chen.get<MinutesDto>(`/api/sessions/${sessionId}/minutes`)).body;
    expect(residentView.versions.map((v) => [v.version, v.body])).toEqual([[1, completed]]);
    const inbox = await chen.get<{ items: { kind: string; link: string }[] }>('/api/me/notifications');
    expect(inbox.body.items.find((n) => n.kind === 'minutes_published')).toMatchObject({ link: `/sessions/${sessionId}/minutes` });
    // A published version never changes: a correction is version 2, with its reason; editing it withdraws nothing published.
    expect((await recorder.post<ErrorBody>(`/api/sessions/${sessionId}/minutes`)).body.details).toMatchObject({ reason: 'minutes_exist' });
    const correction = await recorder.post<MinutesDto>(`/api/sessions/${sessionId}/minutes/corrections`, { reason: '更正列席人员单位名称' });
    expect(correction.body.versions.map((v) => [v.version, v.correctionReason, v.publishedAt === null])).toEqual([
      [2, '更正列席人员单位名称', true],
      [1, null, false],
    ]);
    await recorder.put(`/api/sessions/${sessionId}/minutes`, { body: completed.replace('街道农业办', '街道农业农村办') });
    expect((await chen.get<MinutesDto>(`/api/sessions/${sessionId}/minutes`)).body.versions.map((v) => v.version)).toEqual([1]);

    // --- Follow-up: two items; the overdue one is flagged to whoever runs the session and the chair, once --
    const add = (body: Record<string, unknown>): Promise<{ status: number; body: FollowUpDto[] & ErrorBody }> => chair.post<FollowUpDto[] & ErrorBody>(`/api/sessions/${sessionId}/follow-ups`, body);
    // The session's day as the law counts days (Beijing time): after 16:00 UTC that is tomorrow's UTC date.
    const today = calendarDateIn(LEGAL_TIME_ZONE, new Date());
    expect((await add({ itemId: voteItem, title: '完成南村地块测绘并公示', responsible: '经济社理事会', dueOn: '2020-01-01' })).status).toBe(400);
    expect((await add({ itemId: voteItem, title: '完成南村地块测绘并公示', responsible: '经济社理事会', dueOn: '2099-01-31' })).status).toBe(201);
    const two = await add({ itemId: freeItem, title: '更换村口路灯', responsible: '物业公司', dueOn: today });
    expect(two.body.map((f) => f.title)).toEqual(['更换村口路灯', '完成南村地块测绘并公示']);
    const lamp = two.body[0]!;
    const update = await upload<FollowUpDto[]>(chair, `/api/sessions/${sessionId}/follow-ups/${lamp.id}/updates`, { name: 'lamp.jpg', bytes: SCAN_JPEG, fields: { state: 'in_progress', note: '灯具已采购，待安装。' } });
    expect(update.status).toBe(201);
    const seen = (await chen.get<FollowUpDto[]>(`/api/sessions/${sessionId}/follow-ups`)).body.find((f) => f.id === lamp.id)!;
    expect(seen).toMatchObject({ state: 'in_progress', overdue: false, updates: [{ state: 'in_progress', note: '灯具已采购，待安装。', by: '南村 社长' }] });
    const photo = await download(chen, `/api/sessions/${sessionId}/follow-ups/${lamp.id}/photos/${seen.updates[0]!.photoIds[0]}`);
    expect(photo.status).toBe(200);
    expect((await chen.post(`/api/sessions/${sessionId}/follow-ups`, { itemId: freeItem, title: 'x', responsible: 'y', dueOn: today })).status).toBe(403);
    // Its day passes without it being done.
    await t.dataSource.query(`UPDATE session_follow_up SET due_on = due_on - 3 WHERE id = $1`, [lamp.id]);
    expect((await chen.get<FollowUpDto[]>(`/api/sessions/${sessionId}/follow-ups`)).body.find((f) => f.id === lamp.id)!.overdue).toBe(true);
    const minutesService = t.app.get(SessionMinutesService);
    expect(await minutesService.flagOverdue()).toBe(1);
    expect(await minutesService.flagOverdue()).toBe(0);
    const told = await t.dataSource.query<{ user_id: string }[]>(`SELECT user_id FROM notification WHERE kind = 'follow_up_overdue' ORDER BY user_id`);
    expect(told.map((r) => r.user_id).sort()).toEqual([await userId('13600000100'), ids.chair].sort());
  }, 120_000);

  it('keeps a secret vote secret in the room: a settled slip forgets its choice, and a voter who already voted is refused, not counted twice', async () => {
    const [staff, street, desk, chair, teller, scrutineer, chen] = ['staff', 'street', 'desk', 'chair', 'teller', 'scrutineer', 'chen'].map((k) => as[k]!) as [
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
      HttpSession,
    ];
    const vote = await staff.post<{ id: string }>(`/api/units/${coopId}/votes`, {
      title: '南村经济社理事会选举办法',
      question: '是否同意《理事会选举办法》？',
      ruleSet: 'rceo-27',
      matterKinds: ['cooperative-other'],
      secrecy: 'secret',
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 3 * HOUR).toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(vote.status).toBe(201);
    await openWithApproval(staff, street, vote.body.id);
    expect((await chen.post(`/api/votes/${vote.body.id}/ballots`, { choice: 'approve' })).status).toBe(200);
    const session = await staff.post<SessionDto>(`/api/nodes/${coopId}/sessions`, {
      kind: 'member_assembly',
      title: '南村理事会选举办法成员大会',
      place: '南村经济社党支部组织生活馆',
      startsAt: new Date(Date.now() + 11 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 11 * DAY + 3 * HOUR).toISOString(),
    });
    const sessionId = session.body.id;
    const itemId = (await staff.post<SessionDto>(`/api/sessions/${sessionId}/agenda`, { kind: 'vote', voteId: vote.body.id })).body.agenda[0]!.id;
    await staff.post(`/api/sessions/${sessionId}/announce`);
    await staff.put(`/api/sessions/${sessionId}/officers`, { chairId: await userId('13600000103'), recorderId: null, tellerIds: [await userId('13600000105')], scrutineerIds: [await userId('13600000106')] });
    await t.dataSource.query(
      `UPDATE discussion_session SET announced_at = now() - interval '11 days', notice_ends_at = now() - interval '1 day', starts_at = now() - interval '5 minutes', ends_at = now() + interval '3 hours' WHERE id = $1`,
      [sessionId],
    );
    for (const name of ['陈伯', '陈婶', '李叔', '李姨']) await desk.post(`/api/sessions/${sessionId}/check-ins`, { personType: 'member', personId: members[name] });
    expect((await chair.post(`/api/sessions/${sessionId}/agenda/${itemId}/room-voting/open`)).status).toBe(200);
    for (const name of ['陈伯', '陈婶']) await teller.post(`/api/sessions/${sessionId}/agenda/${itemId}/slips`, { personType: 'member', personId: members[name], choice: 'oppose' });
    const entered = (await teller.get<SlipDto[]>(`/api/sessions/${sessionId}/agenda/${itemId}/slips`)).body;
    for (const slip of entered) await scrutineer.post(`/api/sessions/${sessionId}/agenda/${itemId}/slips/${slip.id}/confirm`);
    const settled = (await scrutineer.get<SlipDto[]>(`/api/sessions/${sessionId}/agenda/${itemId}/slips`)).body;
    // 陈伯 voted online: a secret ballot, once cast, is final; 陈婶's slip counts. Neither keeps its choice next to its name.
    expect(settled.map((s) => [s.name, s.status, s.refusal, s.choice, s.receipt])).toEqual([
      ['陈伯', 'refused', 'already_voted', null, null],
      ['陈婶', 'counted', null, null, null],
    ]);
    const stored = await t.dataSource.query<{ choice: unknown }[]>(`SELECT choice FROM session_slip WHERE item_id = $1`, [itemId]);
    expect(stored).toEqual([{ choice: null }, { choice: null }]);
    const marks = await t.dataSource.query<{ channel: string }[]>(`SELECT channel FROM vote_mark WHERE vote_id = $1 ORDER BY channel`, [vote.body.id]);
    expect(marks.map((r) => r.channel)).toEqual(['meeting', 'online']);
  });
});
