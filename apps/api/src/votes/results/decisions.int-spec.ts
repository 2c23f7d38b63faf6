/**
 * The two decisions of issue 6's "Done means", end to end over HTTP: a compound vote under
 * cc278-major and a cooperative vote under rceo-27, each mixing online ballots, paper ballots
 * entered twice (one disputed and settled), written proxies (and refused ones), and for the
 * cooperative meeting check-ins. Every expected figure is worked out by hand from the roll
 * written here — never taken from the tally — and the published result, `recount()` on the
 * downloaded kit and the built `npm run recount` command must all agree with it.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ErrorBody } from '@yishi/contracts';
import { recount } from '@yishi/domain';
import type { HttpSession } from '../../../test/http-session';
import { download, upload } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { createAccount, createCompound, createCooperative, grant, kitFiles, openWithApproval, SCAN_JPEG, SHORTENING_REASON, signIn, voterIdOf } from '../../../test/vote-fixtures';
import { seedDemoData } from '../../seed/seed-demo';
import type { CastReceiptDto, VoteDetailDto } from '../lifecycle/dto/vote.dto';
import type { IssueResultDto, PaperEntryResultDto, PaperListDto, PaperPrintDto } from '../ballots/dto/paper.dto';
import type { ProxyDto, ProxyListDto } from '../ballots/dto/proxy.dto';
import { SealingService } from '../sealing/sealing.service';

const ROOT = resolve(__dirname, '../../../../..');
const CLI = join(ROOT, 'dist/recount/apps/recount/src/main.js');

interface PublishedResult {
  chains: { ballots: { lines: number; head: string } };
  lines: { casts: number; superseded: number; checkIns: number; marks: number; boxBallots: number };
  rejected: { line: number; voter: string; reason: string }[];
  ignoredCheckIns: { line: number; voter: string; reason: string }[];
  tally: {
    passed: boolean;
    quorumMet: boolean | null;
    conditions: { id: string; numerator: number; denominator: number; met: boolean; percent: string | null }[];
    figures: {
      electorate: { persons: number; area: number | null };
      participating: { persons: number; area: number | null };
      approve: { persons: number; area: number | null };
      oppose: { persons: number; area: number | null };
      abstain: { persons: number; area: number | null };
      withoutChoice: { persons: number; area: number | null };
      ballots: { received: number; counted: number; rejected: number; online: number; paper: number; meeting: number };
    };
  };
  explanation: { 'zh-CN': string[] };
}

describe('decisions end to end: online, paper and proxy ballots in one tally, and the recount agrees', () => {
  let t: TestApp;
  const tmp = mkdtempSync(join(tmpdir(), 'yishi-decisions-'));

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    // `nx test api` builds the recount command first (apps/api/project.json); a bare jest run builds it here.
    if (!existsSync(CLI)) execSync('npx nx run recount:build --output-style=static', { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
  });
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await t.close();
  });

  const sealing = (): SealingService => t.app.get(SealingService);

  /** What a refused cast must leave untouched. */
  const recorded = async (voteId: string): Promise<string> =>
    JSON.stringify([
      await t.dataSource.query(`SELECT voter_id, choice, channel, receipt, casts FROM ballot WHERE vote_id = $1 ORDER BY voter_id`, [voteId]),
      await t.dataSource.query(`SELECT id, entry FROM vote_cast WHERE vote_id = $1 ORDER BY id`, [voteId]),
    ]);

  /** Downloads the kit, checks recount() agrees, writes the folder and runs the built command on it. */
  const recountKit = async (session: HttpSession, voteId: string, published: PublishedResult): Promise<void> => {
    const kit = await download(session, `/api/votes/${voteId}/recount-kit`);
    expect(kit.status).toBe(200);
    const files = kitFiles(kit.bytes);
    const report = recount(files);
    expect(report.discrepancy).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.chains.ballots).toEqual({ lines: published.chains.ballots.lines, head: published.chains.ballots.head });
    const folder = join(tmp, voteId);
    mkdirSync(folder);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text, 'utf8');
    const { INIT_CWD: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, [CLI, folder], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`head ${published.chains.ballots.head}`);
  };

  it('a compound vote under cc278-major: owners online, on paper (one superseding an online ballot, one disputed) and by written proxy reach the right outcome', async () => {
    // --- The roll: 14 units in two buildings and a car park -----------------------------------
    // Areas in 1/100 m². Seats (SPC interpretation arts. 8–9): 何志伟 owns four units (one seat,
    // 31,200); A-201 is co-owned, 苏嘉慧 designated (one seat, 9,000); the developer's two
    // unsold units are one seat (13,200); seven owners of one unit each.
    const fixture = await createCompound(t.dataSource, {
      code: 'bishuiwan',
      name: '碧水湾',
      parent: 'daxu',
      units: [
        { number: 'A-101', building: 'A栋', area: 10000 },
        { number: 'A-102', building: 'A栋', area: 10000 },
        { number: 'A-201', building: 'A栋', area: 9000 },
        { number: 'A-202', building: 'A栋', area: 9000 },
        { number: 'A-301', building: 'A栋', area: 9500 },
        { number: 'A-302', building: 'A栋', area: 9500 },
        { number: 'B-101', building: 'B栋', area: 10000 },
        { number: 'B-102', building: 'B栋', area: 8000 },
        { number: 'B-201', building: 'B栋', area: 8000 },
        { number: 'B-202', building: 'B栋', area: 8000 },
        { number: 'B-301', building: 'B栋', area: 12000 },
        { number: 'B-302', building: 'B栋', area: 12000 },
        { number: 'P-01', building: null, kind: 'parking', area: 1200 },
        { number: 'P-02', building: null, kind: 'parking', area: 1200 },
      ],
      owners: [
        { key: 'multi', name: '何志伟', phone: '13900000101', units: [{ number: 'A-101' }, { number: 'A-102' }, { number: 'B-101' }, { number: 'P-01' }] },
        { key: 'coWife', name: '苏嘉慧', phone: '13900000102', units: [{ number: 'A-201', designated: true }] },
        { key: 'coHusband', name: '林国华', phone: '13900000103', units: [{ number: 'A-201', designated: false }] },
        { key: 'a202', name: '陈丽', phone: '13900000104', units: [{ number: 'A-202' }] },
        { key: 'a301', name: '李俊', units: [{ number: 'A-301' }] },
        { key: 'a302', name: '黄秀', units: [{ number: 'A-302' }] },
        { key: 'b102', name: '梁英', units: [{ number: 'B-102' }] },
        { key: 'b201', name: '吴明', units: [{ number: 'B-201' }] },
        { key: 'b202', name: '冯玉', phone: '13900000105', units: [{ number: 'B-202' }] },
        { key: 'b301', name: '罗芳', units: [{ number: 'B-301' }] },
        { key: 'developer', name: '碧水湾置业有限公司', kind: 'developer', units: [{ number: 'B-302' }, { number: 'P-02' }] },
      ],
    });
    // Two agents off the roll: 梁英's son (written authorisation) and 吴明's neighbour (nothing in writing).
    await createAccount(t.dataSource, '13900000106', '郭浩');
    await createAccount(t.dataSource, '13900000107', '周婷');
    // A resident of 碧水湾 who owns nothing there (the demo tenant, who rents here too).
    const [tenantUser] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000014'`);
    await grant(t.dataSource, tenantUser!.id, fixture.unitId, 'resident');
    const T = { persons: 10, area: 10000 + 10000 + 10000 + 1200 + 9000 + 9000 + 9500 + 9500 + 8000 + 8000 + 8000 + 12000 + (12000 + 1200) };
    expect(T.area).toBe(117400);

    const staff = await signIn(t.dataSource, t.baseUrl, '13800000004'); // 大圩社区 staff: enters first
    const second = await signIn(t.dataSource, t.baseUrl, '13800000002'); // street staff: confirms
    const third = await signIn(t.dataSource, t.baseUrl, '13800000001'); // settles the dispute
    const as: Record<string, HttpSession> = {};
    for (const [key, phone] of Object.entries({ multi: '13900000101', coWife: '13900000102', coHusband: '13900000103', a202: '13900000104', b202: '13900000105', sonOfB102: '13900000106', neighbourOfB201: '13900000107', yushuianOwner: '13800000012', tenant: '13800000014' })) {
      as[key] = await signIn(t.dataSource, t.baseUrl, phone);
    }

    const closesAt = new Date(Date.now() + 2 * 3600_000);
    const created = await staff.post<VoteDetailDto>(`/api/units/${fixture.unitId}/votes`, {
      title: '筹集电梯维修资金',
      question: '是否同意按每平方米 30 元筹集电梯维修资金？',
      ruleSet: 'cc278-major',
      matterKinds: ['repair-fund-raising'],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(created.status).toBe(201);
    const voteId = created.body.id;

    // Before opening: refused, nothing recorded.
    const early = await as.multi!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'approve' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_open_yet' } });
    await openWithApproval(staff, second, voteId);
    const v = async (name: string): Promise<string> => voterIdOf(t.dataSource, voteId, name);
    const id = { multi: await v('何志伟'), coWife: await v('苏嘉慧'), coHusband: await v('林国华'), a202: await v('陈丽'), a301: await v('李俊'), a302: await v('黄秀'), b102: await v('梁英'), b201: await v('吴明'), b202: await v('冯玉') };

    // --- Online ballots ------------------------------------------------------------------------
    const cast = async (who: string, choice: string, voterId?: string): Promise<CastReceiptDto> => {
      const res = await as[who]!.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { choice, ...(voterId ? { voterId } : {}) });
      expect(res.status).toBe(200);
      return res.body;
    };
    const me = await as.multi!.get<VoteDetailDto>(`/api/votes/${voteId}`);
    expect(me.body.myVoters).toHaveLength(1);
    expect(me.body.myVoters[0]!.unitLabels.sort()).toEqual(['A-101', 'A-102', 'B-101', 'P-01']);
    await cast('multi', 'approve');
    await cast('coWife', 'approve');
    await cast('coHusband', 'oppose'); // taken, but only the designated co-owner's ballot counts
    const a202Online = await cast('a202', 'oppose'); // superseded below by the paper 陈丽 signs
    await cast('b202', 'approve');

    // A resident of the compound off the owners' roll, and another unit's owner: refused, nothing changes.
    const before = await recorded(voteId);
    const tenant = await as.tenant!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'oppose' });
    expect(tenant.status).toBe(403);
    expect(tenant.body.details).toMatchObject({ reason: 'not_eligible' });
    // No role in 碧水湾 and no proxy for its vote: the vote is none of their business, as every request about another unit.
    const outsider = await as.yushuianOwner!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'oppose' });
    expect(outsider.status).toBe(404);
    expect((await as.yushuianOwner!.get<ErrorBody>(`/api/votes/${voteId}`)).status).toBe(404);
    expect(await recorded(voteId)).toBe(before);

    // --- Proxies -------------------------------------------------------------------------------
    const written = await upload<ProxyDto>(staff, `/api/votes/${voteId}/proxies`, {
      name: '委托书.jpg',
      bytes: SCAN_JPEG,
      fields: { principalVoterId: id.b102, agentPhone: '13900000106', written: 'true' },
    });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ status: 'accepted', agentName: '郭浩', principalName: '梁英', hasScan: true });
    const unwritten = await staff.post<ProxyDto>(`/api/votes/${voteId}/proxies`, { principalVoterId: id.b201, agentPhone: '13900000107', written: false });
    expect(unwritten.status).toBe(201);
    expect(unwritten.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-not-written', reasonZh: '委托未采用书面形式' });
    // The agent sees the vote and casts for the principal; the neighbour holds no accepted proxy.
    const agentView = await as.sonOfB102!.get<VoteDetailDto>(`/api/votes/${voteId}`);
    expect(agentView.body.myVoters).toEqual([expect.objectContaining({ voterId: id.b102, as: 'proxy', name: '梁英' })]);
    await cast('sonOfB102', 'approve', id.b102);
    // A refused proxy gives no standing: with no role in 碧水湾 either, the vote is none of the neighbour's business.
    const refused = await as.neighbourOfB201!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'approve', voterId: id.b201 });
    expect(refused.status).toBe(404);
    // Every reader of the vote sees the proxy list, without the kit's pseudonyms.
    const list = await as.b202!.get<ProxyListDto>(`/api/votes/${voteId}/proxies`);
    expect(list.body.regime).toBe('written');
    expect(list.body.proxies.map((p) => [p.principalName, p.agentName, p.written, p.status, p.principalVoterId])).toEqual([
      ['梁英', '郭浩', true, 'accepted', null],
      ['吴明', '周婷', false, 'rejected', null],
    ]);

    // --- Paper ballots: issued per building, printed, returned before close ---------------------
    const issued = await staff.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { groups: ['A栋'] });
    expect(issued.status).toBe(201);
    expect(issued.body.issued.map((p) => p.name).sort()).toEqual(['何志伟', '李俊', '苏嘉慧', '陈丽', '黄秀'].sort());
    expect(issued.body.skipped).toEqual([{ voterId: id.coHusband, name: '林国华', reason: 'not-designated-co-owner' }]);
    const b201Paper = await staff.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [id.b201, id.a301] });
    expect(b201Paper.body.issued.map((p) => p.name)).toEqual(['吴明']);
    expect(b201Paper.body.skipped).toEqual([{ voterId: id.a301, name: '李俊', reason: 'has_paper' }]);
    const paperOf = (voterId: string): { serial: number; code: string } => [...issued.body.issued, ...b201Paper.body.issued].find((p) => p.voterId === voterId)!;
    const print = await staff.get<PaperPrintDto>(`/api/votes/${voteId}/papers/print?group=${encodeURIComponent('A栋')}`);
    expect(print.body.groups).toHaveLength(1);
    expect(print.body.groups[0]!.papers.find((p) => p.name === '何志伟')).toMatchObject({ unitLabels: ['A-101', 'A-102', 'B-101', 'P-01'], code: paperOf(id.multi).code });
    expect(print.body.choices.map((c) => c.label)).toEqual(['同意', '反对', '弃权']);
    const back = [id.a202, id.a301, id.a302, id.b201].map((x) => paperOf(x).serial);
    expect((await staff.post(`/api/votes/${voteId}/papers/returned`, { serials: back })).status).toBe(200);

    // --- Voting closes: online casts refused; papers returned in time are still entered --------
    expect(await sealing().closeDue(new Date(closesAt.getTime() + 1000))).toBe(0);
    const closedBefore = await recorded(voteId);
    const late = await as.b202!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'oppose' });
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: 'closed' });
    expect(await recorded(voteId)).toBe(closedBefore);

    const enter = async (who: HttpSession, voterId: string, choice: string, extra: Record<string, string> = {}): Promise<{ status: number; body: PaperEntryResultDto & ErrorBody }> => {
      const paper = paperOf(voterId);
      return upload<PaperEntryResultDto & ErrorBody>(who, `/api/votes/${voteId}/papers/${paper.serial}/entries`, { name: `paper-${paper.serial}.jpg`, bytes: SCAN_JPEG, fields: { choice, code: paper.code, ...extra } });
    };
    // 李俊: entered, then confirmed by a second person who does not see the first reading.
    expect((await enter(staff, id.a301, 'approve')).body.status).toBe('entered');
    expect((await enter(staff, id.a301, 'approve')).body.details).toMatchObject({ reason: 'same_person' });
    const waiting = await second.get<PaperListDto>(`/api/votes/${voteId}/papers?status=entered`);
    expect(waiting.body.papers).toEqual([expect.objectContaining({ serial: paperOf(id.a301).serial, readings: null, choice: null, proxy: null })]);
    expect((await enter(second, id.a301, 'approve')).body).toMatchObject({ status: 'confirmed', supersededReceipt: null });
    // 陈丽: her paper supersedes her online ballot, and she sees that it did.
    await enter(staff, id.a202, 'approve');
    const a202Paper = await enter(second, id.a202, 'approve');
    expect(a202Paper.body).toMatchObject({ status: 'confirmed', supersededReceipt: a202Online.receipt });
    const seen = await as.a202!.get<VoteDetailDto>(`/api/votes/${voteId}`);
    expect(seen.body.myVoters[0]).toMatchObject({ channel: 'paper', choice: 'approve', receipt: a202Paper.body.receipt, supersededReceipt: a202Online.receipt, canCast: false });
    // 黄秀: two different readings go to the dispute list; neither enterer may settle it; a third person does.
    await enter(staff, id.a302, 'approve');
    expect((await enter(second, id.a302, 'oppose')).body.status).toBe('disputed');
    const disputes = await third.get<PaperListDto>(`/api/votes/${voteId}/papers?status=disputed`);
    expect(disputes.body.papers[0]).toMatchObject({ readings: { first: 'approve', second: 'oppose' }, disputedOn: ['choice'], resolution: null });
    const serialA302 = paperOf(id.a302).serial;
    const byEnterer = await staff.post<ErrorBody>(`/api/votes/${voteId}/papers/${serialA302}/resolve`, { choice: 'approve', note: '我看是同意' });
    expect(byEnterer.status).toBe(403);
    expect(byEnterer.body.details).toMatchObject({ reason: 'third_person_required' });
    const settled = await third.post<PaperEntryResultDto>(`/api/votes/${voteId}/papers/${serialA302}/resolve`, { choice: 'oppose', note: '选票上“反对”栏打勾，“同意”栏为涂改' });
    expect(settled.body.status).toBe('confirmed');
    // 吴明: his neighbour brought the paper under the unwritten proxy: entered as it is, the count refuses it.
    await enter(staff, id.b201, 'approve', { proxyId: unwritten.body.id });
    expect((await enter(second, id.b201, 'approve', { proxyId: unwritten.body.id })).body.status).toBe('confirmed');
    // 何志伟's paper never came back before close: it does not count (his online ballot does).
    expect((await enter(staff, id.multi, 'oppose')).body.details).toMatchObject({ reason: 'not_returned_in_time' });

    const counts = await staff.get<PaperListDto>(`/api/votes/${voteId}/papers`);
    expect(counts.body.groups.find((g) => g.group === 'A栋')).toMatchObject({ voters: 6, issued: 5, returned: 3, entered: 3, confirmed: 3, disputed: 0, void: 0 });
    expect(counts.body.totals).toMatchObject({ issued: 6, returned: 4, entered: 4, confirmed: 4 });

    // --- The count -------------------------------------------------------------------------------
    expect(await sealing().closeDue(new Date(closesAt.getTime() + 2000))).toBe(1);
    const published = (await as.b202!.get<{ result: PublishedResult }>(`/api/votes/${voteId}/result`)).body.result;
    // Taking part (a counted ballot): 何志伟 31,200 · 苏嘉慧 9,000 · 陈丽 9,000 (paper) · 李俊 9,500 (paper)
    // · 黄秀 9,500 (paper, settled) · 梁英 8,000 (by written proxy) · 冯玉 8,000 — 7 seats, 84,200.
    // Not counted: 林国华 (not the designated co-owner), 吴明 (proxy not in writing). Absent: 罗芳, the developer.
    const P = { persons: 7, area: 31200 + 9000 + 9000 + 9500 + 9500 + 8000 + 8000 };
    const A = { persons: 6, area: 31200 + 9000 + 9000 + 9500 + 8000 + 8000 };
    expect(published.tally.figures).toMatchObject({
      electorate: T,
      participating: P,
      approve: A,
      oppose: { persons: 1, area: 9500 },
      abstain: { persons: 0, area: 0 },
      ballots: { received: 9, counted: 7, rejected: 2, online: 4, paper: 3, meeting: 0 },
    });
    const condition = (cid: string): PublishedResult['tally']['conditions'][number] => published.tally.conditions.find((c) => c.id === cid)!;
    // Turnout ≥ 2/3 of all by area and by head; approval ≥ 3/4 of those taking part, by area and by head.
    expect(condition('turnout-area')).toMatchObject({ numerator: 84200, denominator: 117400, met: 84200 * 3 >= 117400 * 2, percent: '71.72' });
    expect(condition('turnout-persons')).toMatchObject({ numerator: 7, denominator: 10, met: true, percent: '70.00' });
    expect(condition('approval-area')).toMatchObject({ numerator: 74700, denominator: 84200, met: 74700 * 4 >= 84200 * 3, percent: '88.72' });
    expect(condition('approval-persons')).toMatchObject({ numerator: 6, denominator: 7, met: 6 * 4 >= 7 * 3, percent: '85.71' });
    expect(published.tally).toMatchObject({ passed: true, quorumMet: true });
    // Had 陈丽's online "oppose" counted instead of her paper, 5 of 7 (71.43%) would fall short of three quarters.
    expect(5 * 4 >= 7 * 3).toBe(false);
    expect(published.rejected.map((r) => [r.voter, r.reason]).sort()).toEqual(
      [
        [id.coHusband, 'not-designated-co-owner'],
        [id.b201, 'proxy-not-written'],
      ].sort(),
    );
    // 10 casts: 9 voters, 陈丽 twice (her online one superseded).
    expect(published.lines).toMatchObject({ casts: 10, superseded: 1, checkIns: 0 });
    const lines = await t.dataSource.query<{ entry: { voter: string; channel: string; proxy: unknown } }[]>(`SELECT entry FROM vote_cast WHERE vote_id = $1 ORDER BY seq`, [voteId]);
    expect(lines.filter((l) => l.entry.voter === id.b102)[0]!.entry).toMatchObject({ channel: 'online', proxy: { written: true } });
    expect(lines.filter((l) => l.entry.voter === id.b201)[0]!.entry).toMatchObject({ channel: 'paper', proxy: { written: false } });
    const board = await as.a202!.get<{ entries: { receipt: string; superseded: boolean; channel: string }[] }>(`/api/votes/${voteId}/board`);
    expect(board.body.entries.find((e) => e.receipt === a202Online.receipt)).toMatchObject({ superseded: true, channel: 'online' });

    await recountKit(as.b202!, voteId, published);
  });

  it('a cooperative vote under rceo-27: members online, on paper, by a same-household written proxy and at the meeting; approval is of all members', async () => {
    // --- The roll: 4 households, 9 members, one a minor -------------------------------------------
    // Full civil capacity (RCEO art. 27: the denominator): everyone but 陈小明 (born 2015): T = 8.
    const fixture = await createCooperative(t.dataSource, {
      code: 'nanhu-coop',
      name: '南湖经济社',
      parent: 'zhongqu',
      households: [
        {
          number: 'NH-001',
          members: [
            { key: 'm1', name: '陈大文', birthDate: '1970-01-01', phone: '13900000201' },
            { key: 'm2', name: '陈太', birthDate: '1972-02-02' },
            { key: 'm3', name: '陈小明', birthDate: '2015-05-05' },
          ],
        },
        {
          number: 'NH-002',
          members: [
            { key: 'm4', name: '李四', birthDate: '1965-03-03' },
            { key: 'm5', name: '李五', birthDate: '1990-04-04' },
          ],
        },
        {
          number: 'NH-003',
          members: [
            { key: 'm6', name: '王六', birthDate: '1980-06-06', phone: '13900000203' },
            { key: 'm7', name: '王七', birthDate: '1982-07-07' },
          ],
        },
        {
          number: 'NH-004',
          members: [
            { key: 'm8', name: '赵八', birthDate: '1975-08-08' },
            { key: 'm9', name: '赵九', birthDate: '1999-09-09' },
          ],
        },
      ],
    });
    const staff = await signIn(t.dataSource, t.baseUrl, '13800000003'); // 中区社区 staff
    const second = await signIn(t.dataSource, t.baseUrl, '13800000002'); // street staff
    const m1 = await signIn(t.dataSource, t.baseUrl, '13900000201');
    const m6 = await signIn(t.dataSource, t.baseUrl, '13900000203');
    const closesAt = new Date(Date.now() + 2 * 3600_000);
    const created = await staff.post<VoteDetailDto>(`/api/units/${fixture.unitId}/votes`, {
      title: '集体物业出租方案',
      question: '是否同意《南湖经济社集体物业出租方案》？',
      ruleSet: 'rceo-27',
      matterKinds: ['cooperative-other'],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(created.status).toBe(201);
    const voteId = created.body.id;
    expect(created.body.noticeDays).toBe(10);
    await openWithApproval(staff, second, voteId);
    const v = async (name: string): Promise<string> => voterIdOf(t.dataSource, voteId, name);
    const id = { m1: await v('陈大文'), m2: await v('陈太'), m3: await v('陈小明'), m4: await v('李四'), m5: await v('李五'), m6: await v('王六'), m7: await v('王七'), m8: await v('赵八'), m9: await v('赵九') };

    // --- Proxies: same household accepted, another household refused ----------------------------
    const proxy = (fields: Record<string, string>): Promise<{ status: number; body: ProxyDto }> => upload<ProxyDto>(staff, `/api/votes/${voteId}/proxies`, { name: '委托书.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'), fields: { written: 'true', ...fields } });
    const sameHousehold = await proxy({ principalVoterId: id.m2, agentVoterId: id.m1 });
    expect(sameHousehold.body).toMatchObject({ status: 'accepted', principalName: '陈太', agentName: '陈大文', agentHasAccount: true });
    const otherHousehold = await proxy({ principalVoterId: id.m5, agentVoterId: id.m6 });
    expect(otherHousehold.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-agent-other-household', reasonZh: '受托人不是委托人同一户内的家庭成员' });
    const offRoll = await proxy({ principalVoterId: id.m9, agentPhone: '13800000012' });
    expect(offRoll.body).toMatchObject({ status: 'rejected', rejectionReason: 'proxy-agent-not-on-roll' });

    // --- Online: 陈大文 for himself and for 陈太; 王六 for himself, but not for 李五 ---------------
    const ownBallot = await m1.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { choice: 'approve' });
    expect(ownBallot.body.voterId).toBe(id.m1); // his own, unless he names his principal
    expect((await m1.post(`/api/votes/${voteId}/ballots`, { choice: 'approve', voterId: id.m2 })).status).toBe(200);
    expect((await m6.post(`/api/votes/${voteId}/ballots`, { choice: 'approve' })).status).toBe(200);
    const notHis = await m6.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: 'approve', voterId: id.m5 });
    expect(notHis.status).toBe(403);

    // --- Papers and the meeting -----------------------------------------------------------------------
    const household = await staff.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { groups: ['NH-001'] });
    expect(household.body.skipped).toEqual([{ voterId: id.m3, name: '陈小明', reason: 'no-full-capacity' }]);
    const issued = await staff.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [id.m4, id.m5, id.m7, id.m8] });
    const paperOf = (voterId: string): { serial: number; code: string } => issued.body.issued.find((p) => p.voterId === voterId)!;
    expect((await staff.post(`/api/votes/${voteId}/papers/returned`, { serials: [id.m4, id.m5, id.m7, id.m8].map((x) => paperOf(x).serial) })).status).toBe(200);
    // Signed in at the assembly: 王七, 赵九 (who casts no ballot), 李四, and the minor 陈小明 (who does not count).
    const checkIns = await staff.post<{ checkedIn: string[]; attendance: number }>(`/api/votes/${voteId}/check-ins`, { voterIds: [id.m7, id.m9, id.m4, id.m3] });
    expect(checkIns.status).toBe(200);
    expect(checkIns.body.attendance).toBe(4);
    expect((await staff.post<{ already: string[] }>(`/api/votes/${voteId}/check-ins`, { voterIds: [id.m9] })).body.already).toEqual([id.m9]);
    // Live turnout counts those signed in as the count will: 陈大文, 陈太, 王六 (ballots) and 王七, 赵九,
    // 李四 (present); the minor 陈小明 does not count. 6 of all 8 members against the two-thirds line.
    const live = await staff.get<{ conditions: { id: string; numerator: number; denominator: number; met: boolean }[]; figures: { participating: { persons: number } } }>(`/api/votes/${voteId}/turnout`);
    expect(live.body.figures.participating.persons).toBe(6);
    expect(live.body.conditions.find((c) => c.id === 'attendance')).toMatchObject({ numerator: 6, denominator: 8, met: true });

    expect(await sealing().closeDue(new Date(closesAt.getTime() + 1000))).toBe(0);
    const enter = async (who: HttpSession, voterId: string, choice: string, extra: Record<string, string> = {}): Promise<PaperEntryResultDto> => {
      const paper = paperOf(voterId);
      const res = await upload<PaperEntryResultDto>(who, `/api/votes/${voteId}/papers/${paper.serial}/entries`, { name: 'paper.jpg', bytes: SCAN_JPEG, fields: { choice, code: paper.code, ...extra } });
      expect(res.status).toBe(200);
      return res.body;
    };
    for (const [voter, choice] of [
      [id.m4, 'approve'],
      [id.m7, 'oppose'],
      [id.m8, 'approve'],
    ] as const) {
      expect((await enter(staff, voter, choice)).status).toBe('entered');
      expect((await enter(second, voter, choice)).status).toBe('confirmed');
    }
    // 王六 brought 李五's paper under the refused cross-household proxy: it is entered as it is, and refused by the count.
    await enter(staff, id.m5, 'approve', { proxyId: otherHousehold.body.id });
    expect((await enter(second, id.m5, 'approve', { proxyId: otherHousehold.body.id })).status).toBe('confirmed');

    expect(await sealing().closeDue(new Date(closesAt.getTime() + 2000))).toBe(1);
    const published = (await m6.get<{ result: PublishedResult }>(`/api/votes/${voteId}/result`)).body.result;
    // Attending (RCEO art. 27: ≥ 2/3 of all 8): ballots of 陈大文, 陈太 (proxy), 李四, 王六, 王七, 赵八 and
    // 赵九 checked in = 7. 李五 is absent (proxy to another household); 陈小明 is not counted.
    // Approving: 陈大文, 陈太, 李四, 王六, 赵八 = 5 of ALL 8 members (not of the 7 present): 5 × 3 = 15 < 16.
    expect(published.tally.figures).toMatchObject({
      electorate: { persons: 8, area: null },
      participating: { persons: 7, area: null },
      approve: { persons: 5 },
      oppose: { persons: 1 },
      abstain: { persons: 0 },
      withoutChoice: { persons: 1 },
      ballots: { received: 7, counted: 6, rejected: 1, online: 3, paper: 3, meeting: 0 },
    });
    const condition = (cid: string): PublishedResult['tally']['conditions'][number] => published.tally.conditions.find((c) => c.id === cid)!;
    expect(condition('attendance')).toMatchObject({ numerator: 7, denominator: 8, met: true, percent: '87.50' });
    expect(condition('approval')).toMatchObject({ numerator: 5, denominator: 8, met: false, percent: '62.50' });
    expect(published.tally).toMatchObject({ quorumMet: true, passed: false });
    // 5 of the 7 present would have been 71.43% ≥ 2/3: the statute's "of all members" decides it.
    expect(5 * 3 >= 7 * 2).toBe(true);
    expect(published.rejected.map((r) => [r.voter, r.reason])).toEqual([[id.m5, 'proxy-agent-other-household']]);
    expect(published.ignoredCheckIns.map((r) => [r.voter, r.reason])).toEqual([[id.m3, 'no-full-capacity']]);
    expect(published.lines).toMatchObject({ casts: 7, superseded: 0, checkIns: 4 });
    const proxies = await m6.get<ProxyListDto>(`/api/votes/${voteId}/proxies`);
    expect(proxies.body.regime).toBe('written-same-household');
    expect(proxies.body.proxies.map((p) => [p.principalName, p.agentName, p.status, p.rejectionReason])).toEqual([
      ['陈太', '陈大文', 'accepted', null],
      ['李五', '王六', 'rejected', 'proxy-agent-other-household'],
      ['赵九', expect.any(String), 'rejected', 'proxy-agent-not-on-roll'],
    ]);

    await recountKit(m6, voteId, published);
  });
});
