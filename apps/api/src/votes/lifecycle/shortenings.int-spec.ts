/**
 * Legal safeguards that cannot be waved away (issue 11, points 4 and 5). A vote says what it
 * decides, and only a rule set that may decide it is accepted; it opens before its legal notice has
 * run, or for less than its rule set's shortest window, only when a second person who supervises
 * the unit — staff of its community or street — approves a reasoned request. The record shows on
 * the vote, on the result notice and in the recount kit.
 */
import type { ErrorBody } from '@yishi/contracts';
import { readVoteFile, recount } from '@yishi/domain';
import { HttpSession } from '../../../test/http-session';
import { download } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { createAccount, grant, kitFiles, signIn } from '../../../test/vote-fixtures';
import type { AuditPageDto } from '../../audit/audit.controller';
import { DEMO_PASSWORD } from '../../seed/demo-data';
import { seedDemoData } from '../../seed/seed-demo';
import type { PendingShorteningDto, ShorteningDto, VoteDetailDto } from './dto/vote.dto';
import { SealingService } from '../sealing/sealing.service';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const REASON = '二号楼屋面渗漏，台风季前须抢修，业委会决议提前表决筹集维修资金';

describe('shortening a vote’s notice or window, and the matter that decides the rule', () => {
  let t: TestApp;
  let yushuian: string;
  let daxu: string;
  let nancun: string;
  const as: Record<string, HttpSession> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const rows = await t.dataSource.query<{ code: string; id: string; parent_id: string }[]>(`SELECT code, id, parent_id FROM org_node WHERE code IN ('yushuian', 'nancun')`);
    yushuian = rows.find((r) => r.code === 'yushuian')!.id;
    daxu = rows.find((r) => r.code === 'yushuian')!.parent_id;
    nancun = rows.find((r) => r.code === 'nancun')!.id;
    const people = {
      convenor: '13800000006',
      buildingHead: '13800000007',
      owner: '13800000012',
      communityStaff: '13800000004',
      otherCommunityStaff: '13800000003',
      streetStaff: '13800000002',
      cooperativeConvenor: '13800000005',
    };
    for (const [who, phone] of Object.entries(people)) as[who] = await HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);
    // Someone granted staff on the compound itself: they run it, they do not supervise it.
    await grant(t.dataSource, await createAccount(t.dataSource, '13900000201', '御水岸驻点工作人员'), yushuian, 'staff');
    as.unitStaff = await signIn(t.dataSource, t.baseUrl, '13900000201');
  });
  afterAll(() => t.close());

  const votes = async (): Promise<number> => (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM vote`))[0]!.n;
  const announce = (who: HttpSession, body: Record<string, unknown>, unit = yushuian) =>
    who.post<VoteDetailDto & ErrorBody>(`/api/units/${unit}/votes`, {
      title: '筹集屋面维修资金',
      question: '是否同意按每平方米 5 元筹集二号楼屋面维修资金？',
      ruleSet: 'cc278-major',
      matterKinds: ['repair-fund-raising'],
      ...body,
    });
  const fields = (res: { body: ErrorBody }): { field: string; reasons: string[] }[] => ((res.body.details as { fields?: { field: string; reasons: string[] }[] } | null)?.fields ?? []);

  it('refuses the issue’s attack at every step: announced, opened at once with the reason “ok”, closed seconds later', async () => {
    const before = await votes();
    const now = Date.now();
    // Announced to open at once and close four seconds later: both the notice and the window are cut,
    // so it needs a reason of substance — and "ok" is not one.
    const seconds = await announce(as.convenor!, { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 4000).toISOString() });
    expect(seconds.status).toBe(400);
    expect(fields(seconds)).toEqual([expect.objectContaining({ field: 'opensAt', reasons: ['needsApproval'] }), expect.objectContaining({ field: 'closesAt', reasons: ['needsApproval'] })]);
    const secondsOk = await announce(as.convenor!, { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 4000).toISOString(), shorteningReason: 'ok' });
    expect(secondsOk.status).toBe(400);
    expect(fields(secondsOk)).toEqual([expect.objectContaining({ field: 'shorteningReason', reasons: ['reasonTooShort'] })]);
    // With a reason of substance it is only announced, waiting for a supervisor: it does not open.
    const seconds2 = await announce(as.convenor!, { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 4000).toISOString(), shorteningReason: REASON });
    expect(seconds2.status).toBe(201);
    expect(seconds2.body.shortening).toMatchObject({ status: 'pending', shortensNotice: true, shortensWindow: true });
    expect((await as.convenor!.post<ErrorBody>(`/api/votes/${seconds2.body.id}/open`, { reason: 'ok' })).body.details).toMatchObject({ reason: 'approval_required', pending: true });
    // Opening at once with a full week of voting: the notice is shortened, so a reason of substance is needed.
    const week = { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 8 * DAY).toISOString() };
    const noReason = await announce(as.convenor!, week);
    expect(noReason.status).toBe(400);
    expect(fields(noReason)).toEqual([expect.objectContaining({ field: 'opensAt', reasons: ['needsApproval'] })]);
    expect(noReason.body.details).toMatchObject({ minVotingHours: 168 });
    const ok = await announce(as.convenor!, { ...week, shorteningReason: 'ok' });
    expect(ok.status).toBe(400);
    expect(fields(ok)).toEqual([expect.objectContaining({ field: 'shorteningReason', reasons: ['reasonTooShort'] })]);
    const filler = await announce(as.convenor!, { ...week, shorteningReason: '测试测试测试测试测试测试测试测试' });
    expect(fields(filler)).toEqual([expect.objectContaining({ field: 'shorteningReason', reasons: ['reasonFiller'] })]);
    expect(await votes()).toBe(before + 1);

    // Announced lawfully, it cannot be opened at once, whatever reason is sent along.
    const lawful = await announce(as.convenor!, { opensAt: new Date(now + 15 * DAY + HOUR).toISOString(), closesAt: new Date(now + 23 * DAY).toISOString() });
    expect(lawful.status).toBe(201);
    expect(lawful.body).toMatchObject({ status: 'scheduled', noticeDays: 15, minVotingHours: 168, shortening: null, matterKinds: ['repair-fund-raising'] });
    const openOk = await as.convenor!.post<ErrorBody>(`/api/votes/${lawful.body.id}/open`, { reason: 'ok' });
    expect(openOk.status).toBe(409);
    expect(openOk.body.details).toMatchObject({ reason: 'approval_required', pending: false });
    expect((await as.convenor!.post<ErrorBody>(`/api/votes/${lawful.body.id}/shortenings`, { reason: 'ok' })).status).toBe(400);
    // Asking for nothing the law requires is refused; a reason of substance only files the request, and the vote still does not open.
    expect((await as.convenor!.post<ErrorBody>(`/api/votes/${lawful.body.id}/shortenings`, { reason: REASON })).body.details).toMatchObject({ reason: 'not_needed' });
    const asked = await as.convenor!.post<ShorteningDto>(`/api/votes/${lawful.body.id}/shortenings`, { reason: REASON, opensAt: new Date(now).toISOString() });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', shortensNotice: true, shortensWindow: false, reason: REASON, decidedByName: null });
    const stillNot = await as.convenor!.post<ErrorBody>(`/api/votes/${lawful.body.id}/open`);
    expect(stillNot.status).toBe(409);
    expect(stillNot.body.details).toMatchObject({ reason: 'approval_required', pending: true });
    expect((await as.convenor!.post<ErrorBody>(`/api/votes/${lawful.body.id}/shortenings`, { reason: REASON, opensAt: new Date(now).toISOString() })).body.details).toMatchObject({ reason: 'shortening_pending' });
    // Nor does going around the API: the database refuses to open it early without an approval.
    await expect(
      t.dataSource.query(`UPDATE vote SET status = 'open', opened_at = now(), vote_json = '{}', electorate_json = '{}' WHERE id = $1`, [lawful.body.id]),
    ).rejects.toThrow(/approved shortening/);
    await expect(t.dataSource.query(`UPDATE vote SET created_at = created_at - interval '20 days' WHERE id = $1`, [lawful.body.id])).rejects.toThrow(/legal clock/);
    expect((await as.owner!.get<VoteDetailDto>(`/api/votes/${lawful.body.id}`)).body).toMatchObject({ status: 'scheduled', shortening: null });
    const audit = await as.communityStaff!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=vote.shortening_request`);
    expect(audit.body.entries[0]).toMatchObject({ entityId: asked.body.id, after: { reason: REASON, shortensNotice: true } });
  });

  it('lets only a second person who supervises the unit decide: not the convenor, the requester, a building head, staff of the unit itself or of another community', async () => {
    const now = Date.now();
    const created = await announce(as.convenor!, { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 8 * DAY).toISOString(), shorteningReason: REASON });
    expect(created.status).toBe(201);
    const pending = created.body.shortening!;
    expect(pending).toMatchObject({ status: 'pending', shortensNotice: true, reason: REASON });
    const decide = (who: HttpSession, outcome = 'approved') => who.post<ShorteningDto & ErrorBody>(`/api/shortenings/${pending.id}/decision`, { outcome, note: '同意' });

    // The convenor holds no supervising role at all: the route's declared action refuses them.
    expect((await decide(as.convenor!)).body.details).toMatchObject({ action: 'vote.supervise' });
    expect((await decide(as.buildingHead!)).status).toBe(403);
    expect((await decide(as.unitStaff!)).body.details).toMatchObject({ reason: 'not_supervisor' });
    expect((await decide(as.otherCommunityStaff!)).status).toBe(404);
    expect((await decide(as.owner!)).status).toBe(403);
    // Staff who ask for a shortening themselves cannot approve it either.
    const byStaff = await announce(as.communityStaff!, { opensAt: new Date(now).toISOString(), closesAt: new Date(now + 8 * DAY).toISOString(), shorteningReason: REASON });
    const own = await as.communityStaff!.post<ErrorBody>(`/api/shortenings/${byStaff.body.shortening!.id}/decision`, { outcome: 'approved', note: '同意' });
    expect(own.status).toBe(403);
    expect(own.body.details).toMatchObject({ reason: 'same_person' });
    // The database holds the same line: the requester never decides.
    await expect(
      t.dataSource.query(`UPDATE vote_shortening SET status = 'approved', decided_by = requested_by, decided_at = now(), decision_note = '同意', decider_role = 'staff', decider_node_id = $2 WHERE id = $1`, [
        byStaff.body.shortening!.id,
        daxu,
      ]),
    ).rejects.toThrow();
    expect((await as.convenor!.post<ErrorBody>(`/api/votes/${created.body.id}/open`)).status).toBe(409);

    // Those who supervise see it waiting; nobody else does.
    const queue = await as.communityStaff!.get<PendingShorteningDto[]>(`/api/nodes/${daxu}/shortenings`);
    expect(queue.status).toBe(200);
    expect(queue.body.map((s) => s.id)).toContain(pending.id);
    expect(queue.body.map((s) => s.id)).not.toContain(byStaff.body.shortening!.id); // their own request
    expect(queue.body.find((s) => s.id === pending.id)!.vote).toMatchObject({ id: created.body.id, unitName: '御水岸', ruleSet: 'cc278-major' });
    expect((await as.otherCommunityStaff!.get(`/api/nodes/${daxu}/shortenings`)).status).toBe(404);
    expect([403, 404]).toContain((await as.convenor!.get(`/api/nodes/${daxu}/shortenings`)).status);
    expect((await as.convenor!.get<VoteDetailDto>(`/api/votes/${created.body.id}`)).body.canDecideShortening).toBe(false);
    expect((await as.communityStaff!.get<VoteDetailDto>(`/api/votes/${created.body.id}`)).body.canDecideShortening).toBe(true);

    // Community staff approve, with a note: recorded with the role and the node they act for.
    const approved = await decide(as.communityStaff!);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedByName: '大圩社区 叶嘉欣', deciderRole: 'staff', deciderNodeName: '大圩社区', decisionNote: '同意' });
    expect((await decide(as.streetStaff!, 'refused')).body.details).toMatchObject({ reason: 'already_decided' });
    await expect(t.dataSource.query(`UPDATE vote_shortening SET decision_note = '改过' WHERE id = $1`, [pending.id])).rejects.toThrow(/decided once/);
    expect((await as.convenor!.post(`/api/votes/${created.body.id}/open`)).status).toBe(204);

    // The vote page says so, to the owners too.
    const shown = (await as.owner!.get<VoteDetailDto>(`/api/votes/${created.body.id}`)).body;
    expect(shown.status).toBe('open');
    expect(shown.shortening).toMatchObject({ status: 'approved', reason: REASON, requestedByName: '御水岸业委会 邓卓', decidedByName: '大圩社区 叶嘉欣', deciderNodeName: '大圩社区', shortensNotice: true });
    const audit = await as.communityStaff!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=vote.shortening_approve`);
    expect(audit.body.entries[0]).toMatchObject({ entityId: pending.id, after: { note: '同意', role: 'staff', nodeId: daxu } });

    // The result notice, its printed form and the recount kit carry the record.
    await as.owner!.post(`/api/votes/${created.body.id}/ballots`, { choice: 'approve' });
    await t.app.get(SealingService).closeDue(new Date(now + 9 * DAY));
    const result = await as.owner!.get<{ safeguards: { noticeEndsAt: string; minVotingHours: number; shortening: Record<string, unknown> } }>(`/api/votes/${created.body.id}/result`);
    expect(result.status).toBe(200);
    const record = { shortensNotice: true, shortensWindow: false, reason: REASON, requestedBy: '御水岸业委会 邓卓', approvedBy: '大圩社区 叶嘉欣', approverRole: 'staff', approverNode: '大圩社区', note: '同意' };
    expect(result.body.safeguards).toMatchObject({ minVotingHours: 168, shortening: record });
    const csv = await download(as.owner!, `/api/votes/${created.body.id}/result/export?format=csv`);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('缩短理由');
    expect(text).toContain(REASON);
    expect(text).toContain('大圩社区工作人员 大圩社区 叶嘉欣');
    expect(text).toContain('筹集建筑物及其附属设施的维修资金');
    const files = kitFiles((await download(as.owner!, `/api/votes/${created.body.id}/recount-kit`)).bytes);
    expect(readVoteFile(JSON.parse(files['vote.json']!)).safeguards).toMatchObject({ minVotingHours: 168, shortening: record });
    expect(recount(files).ok).toBe(true);
  });

  it('refuses a window shorter than the rule set’s without an approval, and keeps the notice', async () => {
    const opens = Date.now() + 15 * DAY + HOUR;
    const times = { opensAt: new Date(opens).toISOString(), closesAt: new Date(opens + 2 * DAY).toISOString() };
    const body = { ruleSet: 'cc278-ordinary', matterKinds: ['owners-other'], ...times };
    const refused = await announce(as.convenor!, body);
    expect(refused.status).toBe(400);
    expect(fields(refused)).toEqual([expect.objectContaining({ field: 'closesAt', reasons: ['needsApproval'] })]);
    const asked = await announce(as.convenor!, { ...body, shorteningReason: REASON });
    expect(asked.status).toBe(201);
    expect(asked.body.shortening).toMatchObject({ status: 'pending', shortensNotice: false, shortensWindow: true });
    // Refused: it stays as announced, and cannot open with its short window.
    const no = await as.streetStaff!.post<ShorteningDto>(`/api/shortenings/${asked.body.shortening!.id}/decision`, { outcome: 'refused', note: '两天不够纸质表决票送达和收回，请延长表决期' });
    expect(no.body).toMatchObject({ status: 'refused', decidedByName: '街道工作人员 陈小红', deciderNodeName: '桂城街道' });
    expect((await as.owner!.get<VoteDetailDto>(`/api/votes/${asked.body.id}`)).body.shortening).toBeNull();
    expect((await as.convenor!.get<VoteDetailDto>(`/api/votes/${asked.body.id}`)).body.shortening).toMatchObject({ status: 'refused' });
    // A member assembly needs a day; its representatives two hours; a poll nothing at all.
    const coop = (ruleSet: string, matter: string, hours: number) =>
      as.cooperativeConvenor!.post<ErrorBody>(`/api/units/${nancun}/votes`, {
        title: '收益分配方案',
        question: '是否同意？',
        ruleSet,
        matterKinds: [matter],
        opensAt: new Date(opens).toISOString(),
        closesAt: new Date(opens + hours * HOUR).toISOString(),
      });
    expect(fields(await coop('rceo-27', 'plans-and-distribution', 12))).toEqual([expect.objectContaining({ field: 'closesAt', reasons: ['needsApproval'] })]);
    expect((await coop('rceo-27', 'plans-and-distribution', 24)).status).toBe(201);
    expect((await coop('rceo-28', 'plans-and-distribution', 3)).status).toBe(201);
    const now = Date.now();
    const poll = await as.convenor!.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
      title: '议事会日期',
      question: '议事会定在哪天？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      options: [{ id: 'sat', label: '周六' }, { id: 'sun', label: '周日' }],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 60_000).toISOString(),
    });
    expect(poll.status).toBe(201);
    expect((await as.convenor!.post(`/api/votes/${poll.body.id}/open`)).status).toBe(204);
  });

  it('lets a matter be decided only under a rule set that may decide it, and asks what is decided', async () => {
    const times = { opensAt: new Date(Date.now() + 15 * DAY + HOUR).toISOString(), closesAt: new Date(Date.now() + 23 * DAY).toISOString() };
    const ordinaryRaising = await announce(as.convenor!, { ...times, ruleSet: 'cc278-ordinary', matterKinds: ['repair-fund-raising'] });
    expect(ordinaryRaising.status).toBe(400);
    expect(ordinaryRaising.body.details).toMatchObject({ refusal: { ruleSet: 'cc278-ordinary', matters: [expect.objectContaining({ matter: 'repair-fund-raising', decideUnder: 'cc278-major' })] } });
    // Using the repair fund is art. 278 item 5, an ordinary matter: not for the three-quarter rule.
    const majorUse = await announce(as.convenor!, { ...times, ruleSet: 'cc278-major', matterKinds: ['repair-fund-use'] });
    expect(majorUse.status).toBe(400);
    expect(majorUse.body.details).toMatchObject({ refusal: { matters: [expect.objectContaining({ matter: 'repair-fund-use', decideUnder: 'cc278-ordinary' })] } });
    expect((await announce(as.convenor!, { ...times, ruleSet: 'cc278-ordinary', matterKinds: ['repair-fund-use'] })).status).toBe(201);
    expect((await announce(as.convenor!, { ...times, matterKinds: ['repair-fund-raising', 'rebuilding'] })).status).toBe(201);
    // Nothing named, or an ordinary and a major matter in one vote: refused.
    expect(fields(await announce(as.convenor!, { ...times, matterKinds: [] }))[0]).toMatchObject({ field: 'matterKinds' });
    const { matterKinds: _, ...withoutMatters } = { ...times, title: 'x', question: 'x?', ruleSet: 'cc278-ordinary', matterKinds: [] };
    expect((await as.convenor!.post<ErrorBody>(`/api/units/${yushuian}/votes`, withoutMatters)).status).toBe(400);
    expect((await announce(as.convenor!, { ...times, matterKinds: ['repair-fund-raising', 'repair-fund-use'] })).status).toBe(400);
    // An informal poll decides no statutory matter; a statutory rule decides no informal question.
    expect((await announce(as.convenor!, { ...times, ruleSet: 'simple-majority', matterKinds: ['owners-committee'] })).status).toBe(400);
    expect((await announce(as.convenor!, { ...times, ruleSet: 'cc278-ordinary', matterKinds: ['other'] })).status).toBe(400);
    // The representative assembly may not amend the charter (RCEO Law art. 28).
    const charter = await as.cooperativeConvenor!.post<ErrorBody>(`/api/units/${nancun}/votes`, { ...times, title: '修改章程', question: '是否同意？', ruleSet: 'rceo-28', matterKinds: ['charter'] });
    expect(charter.status).toBe(400);
    expect(charter.body.details).toMatchObject({ refusal: { matters: [expect.objectContaining({ matter: 'charter', decideUnder: 'rceo-27' })] } });
    // Land-law parameters belong to an lml-63 vote only (a kit must carry none on another rule).
    const stray = await announce(as.convenor!, { ...times, ruleSet: 'cc278-ordinary', matterKinds: ['repair-fund-use'], lml63: { body: 'members', rceoApplies: true } });
    expect(fields(stray)).toEqual([expect.objectContaining({ field: 'lml63' })]);
  });
});
