/**
 * Issue 15 end to end over HTTP: an owners' assembly ballot with three matters — the management
 * statute (ordinary), a repair-fund raising (item 6: three quarters) and the election of the
 * owners' committee (5 seats, 7 candidates) — cast online, on paper (entered twice, one matter
 * spoilt on one paper) and by a written proxy. Every expected figure is worked out by hand from
 * the roll written here; the published result and the recount of the downloaded kit must agree.
 *
 * The roll: ten owners of one flat each, 100 m² apiece (T = 10 owners, 1,000 m²). Eight return
 * the ballot (80%: art. 278's two thirds of area and owners take part), so a motion passes with
 * more than half of the participating area and owners (ordinary), or with three quarters (item 6),
 * and a candidate is elected with more than half of them — at least 5 of 8.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ErrorBody } from '@yishi/contracts';
import ExcelJS from 'exceljs';
import { recountKit } from '@yishi/domain';
import type { HttpSession } from '../../../test/http-session';
import { download, upload } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { createAccount, createCompound, createCooperative, kitFiles, openWithApproval, SCAN_JPEG, SHORTENING_REASON, signIn, voterIdOf } from '../../../test/vote-fixtures';
import { seedDemoData } from '../../seed/seed-demo';
import type { IssueResultDto, PaperEntryResultDto, PaperListDto, PaperPrintDto } from '../ballots/dto/paper.dto';
import type { ProxyDto } from '../ballots/dto/proxy.dto';
import type { CastReceiptDto, VoteDetailDto } from '../lifecycle/dto/vote.dto';
import type { PublicResultDto } from '../results/dto/public-result.dto';
import type { VoteResultDto } from '../results/dto/results.dto';
import { SealingService } from '../sealing/sealing.service';

const ROOT = resolve(__dirname, '../../../../..');
const CLI = join(ROOT, 'dist/recount/apps/recount/src/main.js');

const CANDIDATES = ['陈志强', '黄美玲', '李建华', '梁淑芬', '何国栋', '麦家豪', '谭晓红'];

describe('an owners’ assembly ballot: three matters, online, paper and proxy, and the recount agrees', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it('each matter and each seat reaches the legally right outcome; a failing matter is shown failing beside the passing ones', async () => {
    const owners = Array.from({ length: 10 }, (_, i) => ({ key: `o${i + 1}`, name: `业主${i + 1}`, phone: `139000020${String(i + 1).padStart(2, '0')}`, units: [{ number: `${i + 1}01` }] }));
    const fixture = await createCompound(t.dataSource, {
      code: 'yushuian-north',
      name: '御水岸北区',
      parent: 'daxu',
      units: owners.map((o) => ({ number: o.units[0]!.number, building: '1栋', area: 10000 })),
      owners,
    });
    await createAccount(t.dataSource, '13900002099', '业主8之子');
    const staff = await signIn(t.dataSource, t.baseUrl, '13800000004');
    const second = await signIn(t.dataSource, t.baseUrl, '13800000002');
    const as: Record<string, HttpSession> = {};
    for (const o of owners.slice(0, 5)) as[o.key] = await signIn(t.dataSource, t.baseUrl, o.phone);
    const agent = await signIn(t.dataSource, t.baseUrl, '13900002099');

    // --- Announcing: the law is checked matter by matter ----------------------------------------
    const closesAt = new Date(Date.now() + 2 * 3600_000);
    const base = { title: '御水岸北区第二次业主大会表决', question: '请对以下三项事项逐项表决', opensAt: new Date().toISOString(), closesAt: closesAt.toISOString(), shorteningReason: SHORTENING_REASON };
    const statute = { title: '管理规约', question: '是否同意《御水岸北区管理规约（修订稿）》？', ruleSet: 'cc278-ordinary', matterKinds: ['management-statute'] };
    const fund = { title: '续筹维修资金', question: '是否同意按每平方米 25 元续筹专项维修资金，用于更换门禁系统（报价 18 万元）？', ruleSet: 'cc278-major', matterKinds: ['repair-fund-raising'] };
    const committee = {
      title: '业委会选举',
      question: '选举第二届业主委员会委员（应选 5 名，每票最多选 5 名）',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-committee'],
      seats: 5,
      candidates: CANDIDATES.map((name) => ({ name, statement: `${name}：愿意为小区服务。`, consent: true })),
    };
    // A repair-fund raising under the ordinary rule is refused: item 6 needs three quarters.
    const wrongRule = await staff.post<ErrorBody>(`/api/units/${fixture.unitId}/votes`, { ...base, matters: [statute, { ...fund, ruleSet: 'cc278-ordinary' }] });
    expect(wrongRule.status).toBe(400);
    expect(wrongRule.body.details).toMatchObject({ fields: [{ field: 'matters.1.matterKinds', reasons: ['mayNotDecide'] }] });
    // A candidate without their consent cannot stand.
    const unconsented = await staff.post<ErrorBody>(`/api/units/${fixture.unitId}/votes`, { ...base, matters: [{ ...committee, candidates: [{ name: '某某', statement: '未同意', consent: false }] }] });
    expect(unconsented.status).toBe(400);
    // Owners elect by name: a secret owners' ballot is refused.
    expect((await staff.post<ErrorBody>(`/api/units/${fixture.unitId}/votes`, { ...base, secrecy: 'secret', matters: [statute] })).status).toBe(400);

    const created = await staff.post<VoteDetailDto>(`/api/units/${fixture.unitId}/votes`, { ...base, matters: [statute, fund, committee] });
    expect(created.status).toBe(201);
    const voteId = created.body.id;
    expect(created.body.questionKind).toBe('assembly');
    expect(created.body.matters!.map((m) => [m.id, m.kind, m.ruleSet, m.seats])).toEqual([
      ['m1', 'motion', 'cc278-ordinary', null],
      ['m2', 'motion', 'cc278-major', null],
      ['m3', 'election', 'cc278-ordinary', 5],
    ]);
    expect(created.body.matters![2]!.candidates!.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    await openWithApproval(staff, second, voteId);
    const v = (name: string): Promise<string> => voterIdOf(t.dataSource, voteId, name);

    // --- Online ballots -------------------------------------------------------------------------
    const ballot = (m1: string | null, m2: string | null, chosen: string[] | null): { matter: string; choice?: string; chosen?: string[] }[] => [
      ...(m1 ? [{ matter: 'm1', choice: m1 }] : []),
      ...(m2 ? [{ matter: 'm2', choice: m2 }] : []),
      ...(chosen ? [{ matter: 'm3', chosen }] : []),
    ];
    const cast = async (who: HttpSession, marks: ReturnType<typeof ballot>, voterId?: string): Promise<CastReceiptDto> => {
      const res = await who.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { marks, ...(voterId ? { voterId } : {}) });
      expect(res.status).toBe(200);
      return res.body;
    };
    // Refused online, nothing recorded: more names than seats, a name not on the list, a choice on the election, one question's choice.
    const refusals: [unknown, string][] = [
      [{ marks: ballot('approve', 'approve', ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) }, 'marks.2.chosen'],
      [{ marks: ballot('approve', 'approve', ['c1', 'c9']) }, 'marks.2.chosen'],
      [{ marks: [{ matter: 'm3', choice: 'approve' }] }, 'marks.0.chosen'],
      [{ marks: [{ matter: 'm9', choice: 'approve' }] }, 'marks.0.matter'],
      [{ choice: 'approve' }, 'marks'],
    ];
    for (const [body, field] of refusals) {
      const refused = await as.o1!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toMatchObject({ fields: [expect.objectContaining({ field })] });
    }
    expect(await t.dataSource.query(`SELECT 1 FROM ballot WHERE vote_id = $1`, [voteId])).toHaveLength(0);

    const r1 = await cast(as.o1!, ballot('approve', 'approve', ['c1', 'c2', 'c3', 'c4', 'c5']));
    await cast(as.o2!, ballot('approve', 'approve', ['c6', 'c1', 'c2', 'c3', 'c4']));
    await cast(as.o3!, ballot('approve', 'oppose', ['c1', 'c2', 'c3', 'c5', 'c6']));
    await cast(as.o4!, ballot('approve', 'oppose', ['c1', 'c2', 'c4', 'c5', 'c7']));
    await cast(as.o5!, ballot('oppose', 'oppose', ['c1', 'c3', 'c4', 'c6', 'c7']));
    // A retried submit of the same ballot records nothing new; the voter sees what was recorded, matter by matter.
    expect((await cast(as.o1!, ballot('approve', 'approve', ['c5', 'c4', 'c3', 'c2', 'c1']))).changed).toBe(false);
    const seen = await as.o1!.get<VoteDetailDto>(`/api/votes/${voteId}`);
    expect(seen.body.myVoters[0]).toMatchObject({
      receipt: r1.receipt,
      choice: null,
      marks: [
        { matter: 'm1', choice: 'approve', chosen: null },
        { matter: 'm2', choice: 'approve', chosen: null },
        { matter: 'm3', choice: null, chosen: ['c1', 'c2', 'c3', 'c4', 'c5'] },
      ],
    });

    // --- A written proxy: 业主8's son casts for her ---------------------------------------------
    const o8 = await v('业主8');
    const proxy = await upload<ProxyDto>(staff, `/api/votes/${voteId}/proxies`, { name: '委托书.jpg', bytes: SCAN_JPEG, fields: { principalVoterId: o8, agentPhone: '13900002099', written: 'true' } });
    expect(proxy.body.status).toBe('accepted');
    await cast(agent, ballot('approve', 'approve', ['c2', 'c3', 'c4', 'c7']), o8);

    // --- Paper: the printed ballot lists every matter and candidate; entered twice -----------------
    const issued = await staff.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [await v('业主6'), await v('业主7')] });
    expect(issued.status).toBe(201);
    const paperOf = (name: string): { serial: number; code: string } => issued.body.issued.find((p) => p.name === name)!;
    const print = await staff.get<PaperPrintDto>(`/api/votes/${voteId}/papers/print`);
    expect(print.body.matters!.map((m) => [m.title, m.choices.map((c) => c.label)])).toEqual([
      ['管理规约', ['同意', '反对', '弃权']],
      ['续筹维修资金', ['同意', '反对', '弃权']],
      ['业委会选举', CANDIDATES],
    ]);
    expect(print.body.matters![2]).toMatchObject({ seats: 5 });
    await staff.post(`/api/votes/${voteId}/papers/returned`, { serials: [paperOf('业主6').serial, paperOf('业主7').serial] });
    const enter = (who: HttpSession, name: string, marks: unknown): Promise<{ status: number; body: PaperEntryResultDto & ErrorBody }> => {
      const paper = paperOf(name);
      return upload<PaperEntryResultDto & ErrorBody>(who, `/api/votes/${voteId}/papers/${paper.serial}/entries`, { name: `paper-${paper.serial}.jpg`, bytes: SCAN_JPEG, fields: { marks: JSON.stringify(marks), code: paper.code } });
    };
    const o6Marks = ballot('approve', 'approve', ['c1', 'c2', 'c3', 'c4', 'c5']);
    expect((await enter(staff, '业主6', o6Marks)).body.status).toBe('entered');
    expect((await enter(second, '业主6', o6Marks)).body.status).toBe('confirmed');
    // 业主7 left the statute blank and ticked six names: spoilt on the election only, counted on the fund.
    const o7Marks = [{ matter: 'm2', choice: 'approve' }, { matter: 'm3', chosen: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'] }];
    expect((await enter(staff, '业主7', o7Marks)).body.status).toBe('entered');
    // The second reader misread one name: the paper goes to the dispute list, both readings shown matter by matter.
    expect((await enter(second, '业主7', [{ matter: 'm2', choice: 'approve' }, { matter: 'm3', chosen: ['c1', 'c2'] }])).body.status).toBe('disputed');
    const disputes = await staff.get<PaperListDto>(`/api/votes/${voteId}/papers?status=disputed`);
    expect(disputes.body.papers[0]!.readings).toEqual({ first: 'm1 blank · m2 approve · m3 spoilt', second: 'm1 blank · m2 approve · m3 c1 c2' });
    const third = await signIn(t.dataSource, t.baseUrl, '13800000001');
    const settled = await third.post<PaperEntryResultDto>(`/api/votes/${voteId}/papers/${paperOf('业主7').serial}/resolve`, { marks: o7Marks, note: '选举栏勾选六人，超过应选名额，该项作废' });
    expect(settled.body.status).toBe('confirmed');

    // --- The count --------------------------------------------------------------------------------
    const sealing = t.app.get(SealingService);
    expect(await sealing.closeDue(new Date(closesAt.getTime() + 1000))).toBe(1);
    const result = (await as.o2!.get<VoteResultDto>(`/api/votes/${voteId}/result`)).body;
    expect(result.result).toBeNull();
    const [m1, m2, m3] = result.assembly!.matters;
    // Statute: 8 take part (业主7 blank: an abstention); approve 6 of 8 owners, 600 of 800 m² — more than half: passed.
    expect(m1!.tally!.figures).toMatchObject({ electorate: { persons: 10, area: 100000 }, participating: { persons: 8, area: 80000 }, approve: { persons: 6, area: 60000 }, oppose: { persons: 1, area: 10000 } });
    expect(m1).toMatchObject({ passed: true, blank: 1, spoilt: 0 });
    // Repair fund (item 6): approve 5 of 8 — 62.5%, short of three quarters: not passed, while the others pass.
    expect(m2!.tally!.figures).toMatchObject({ participating: { persons: 8, area: 80000 }, approve: { persons: 5, area: 50000 }, oppose: { persons: 3, area: 30000 } });
    expect(m2).toMatchObject({ passed: false, blank: 0, spoilt: 0 });
    // Committee: 陈志强 黄美玲 李建华 梁淑芬 6 votes each (more than half of 8): elected. 何国栋 4 of 8 — not more
    // than half: not elected though fifth by votes; the fifth seat stays open. 业主7's six names count for no one.
    expect(m3).toMatchObject({ passed: true, spoilt: 1, blank: 0 });
    expect(m3!.election).toMatchObject({ seats: 5, elected: ['c1', 'c2', 'c3', 'c4'], unfilled: 1, tied: [] });
    expect(m3!.election!.candidates.map((c) => [c.name, c.votes, c.standing])).toEqual([
      ['陈志强', 6, 'elected'],
      ['黄美玲', 6, 'elected'],
      ['李建华', 6, 'elected'],
      ['梁淑芬', 6, 'elected'],
      ['何国栋', 4, 'not-qualified'],
      ['麦家豪', 3, 'not-qualified'],
      ['谭晓红', 3, 'not-qualified'],
    ]);
    expect(m3!.explanation['zh-CN'].join('')).toContain('还有 1 个名额没有选出');
    expect(result.assembly!.reading['zh-CN']).toContain('视为对该事项弃权');

    // --- The recount kit (format version 2) reproduces every matter and every seat ------------------
    const kit = await download(as.o3!, `/api/votes/${voteId}/recount-kit`);
    expect(kit.status).toBe(200);
    const files = kitFiles(kit.bytes);
    expect(JSON.parse(files['vote.json']!)).toMatchObject({ formatVersion: 2, matters: [{ id: 'm1' }, { id: 'm2' }, { id: 'm3', question: { kind: 'election', seats: 5 } }] });
    const any = recountKit(files);
    expect(any.formatVersion).toBe(2);
    expect(any.report.ok).toBe(true);
    // The command a resident runs on the downloaded folder says the same, matter by matter.
    if (!existsSync(CLI)) execSync('npx nx run recount:build --output-style=static', { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
    const folder = mkdtempSync(join(tmpdir(), 'yishi-assembly-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text, 'utf8');
    const { INIT_CWD: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, [CLI, folder, '--json'], { cwd: ROOT, env, encoding: 'utf8' });
    rmSync(folder, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { verified: boolean; formatVersion: number };
    expect(printed).toMatchObject({ verified: true, formatVersion: 2 });
    // A changed mark in the chain is caught.
    const lines = files['ballots.jsonl']!.split('\n');
    const tampered = recountKit({ ...files, 'ballots.jsonl': lines.map((l, i) => (i === 0 ? l.replace('"approve"', '"oppose"') : l)).join('\n') });
    expect(tampered.report.ok).toBe(false);

    // --- The export: the notice, one sheet per matter, the ballot list with a column per matter -------
    const exported = await download(as.o2!, `/api/votes/${voteId}/result/export?format=xlsx`);
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['表决结果公示', '1 管理规约', '2 续筹维修资金', '3 业委会选举', '逐户表决清单']);
    const cells = (name: string): string[][] => {
      const rows: string[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as (string | number | null | undefined)[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      return rows;
    };
    const notice = cells('表决结果公示');
    expect(notice.find((r) => r[0] === '表决结果')).toEqual(['表决结果', '3 项事项中 2 项通过（或选出）']);
    expect(notice.find((r) => r[0] === '2. 续筹维修资金')![2]).toBe('未通过');
    expect(notice.find((r) => r[0] === '3. 业委会选举')![2]).toBe('应选 5 名，选出 4 名，1 个名额待另行选举');
    expect(cells('3 业委会选举')).toEqual(expect.arrayContaining([['陈志强', '6', '600', '是', '当选'], ['何国栋', '4', '400', '否', '未达到当选条件'], ['未选出的名额', '1']]));
    const list = cells('逐户表决清单');
    expect(list[0]).toEqual(['楼栋', '房号', '专有部分面积（㎡）', '业主（名册姓名）', '管理规约', '续筹维修资金', '业委会选举', '投票方式', '受托代理人']);
    expect(list.find((r) => r[3] === '业主7')).toEqual(['1栋', '701', '100', '业主7', '空白（弃权）', '同意', '无法辨认（弃权）', '纸质', '']);
    expect(list.find((r) => r[3] === '业主8')!.slice(4)).toEqual(['同意', '同意', '黄美玲、李建华、梁淑芬、谭晓红', '线上', '业主8之子']);

    // --- The public page and the summary -------------------------------------------------------------
    const link = await as.o1!.get<{ token: string }>(`/api/votes/${voteId}/public-link`);
    const page = await fetch(`${t.baseUrl}/api/public/results/${link.body.token}`);
    const pub = (await page.json()) as PublicResultDto;
    expect(pub.tally).toBeNull();
    expect(pub.assembly!.matters.map((m) => [m.matter.title, m.passed])).toEqual([
      ['管理规约', true],
      ['续筹维修资金', false],
      ['业委会选举', true],
    ]);
  });
  it('a cooperative’s secret ballot: the charter fails short of two thirds of all members while the board election fills one seat; the box holds marks, not names', async () => {
    // Six adult members and a child (not counted: RCEO art. 27 counts members of full civil capacity). T = 6,
    // so a motion or a candidate needs at least 4 (two thirds of all members).
    const adults = ['甲一', '甲二', '乙一', '乙二', '丙一', '丙二'];
    const fixture = await createCooperative(t.dataSource, {
      code: 'xiqiao-coop',
      name: '西樵经济社',
      parent: 'zhongqu',
      households: [
        { number: 'XQ-1', members: [{ key: 'a1', name: '甲一', birthDate: '1960-01-01', phone: '13900003001' }, { key: 'a2', name: '甲二', birthDate: '1962-01-01', phone: '13900003002' }, { key: 'k', name: '甲小', birthDate: '2016-01-01' }] },
        { number: 'XQ-2', members: [{ key: 'a3', name: '乙一', birthDate: '1970-01-01', phone: '13900003003' }, { key: 'a4', name: '乙二', birthDate: '1972-01-01', phone: '13900003004' }] },
        { number: 'XQ-3', members: [{ key: 'a5', name: '丙一', birthDate: '1980-01-01', phone: '13900003005' }, { key: 'a6', name: '丙二', birthDate: '1982-01-01', phone: '13900003006' }] },
      ],
    });
    const staff = await signIn(t.dataSource, t.baseUrl, '13800000003');
    const second = await signIn(t.dataSource, t.baseUrl, '13800000002');
    const closesAt = new Date(Date.now() + 2 * 3600_000);
    const created = await staff.post<VoteDetailDto>(`/api/units/${fixture.unitId}/votes`, {
      title: '西樵经济社成员大会表决',
      question: '请逐项表决',
      secrecy: 'secret',
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
      shorteningReason: SHORTENING_REASON,
      matters: [
        { title: '修改章程', question: '是否同意修改《西樵经济社章程》第十条？', ruleSet: 'rceo-27', matterKinds: ['charter'] },
        { title: '理事会补选', question: '补选理事会成员（应选 2 名）', ruleSet: 'rceo-27', matterKinds: ['officers'], seats: 2, candidates: ['何一', '何二', '何三'].map((name) => ({ name, statement: `${name}愿意参选`, consent: true })) },
      ],
    });
    expect(created.status).toBe(201);
    const voteId = created.body.id;
    await openWithApproval(staff, second, voteId);
    const members: HttpSession[] = [];
    for (let i = 1; i <= 5; i += 1) members.push(await signIn(t.dataSource, t.baseUrl, `1390000300${i}`));
    const ballots: { matter: string; choice?: string; chosen?: string[] }[][] = [
      [{ matter: 'm1', choice: 'approve' }, { matter: 'm2', chosen: ['c1', 'c2'] }],
      [{ matter: 'm1', choice: 'approve' }, { matter: 'm2', chosen: ['c1', 'c2'] }],
      [{ matter: 'm1', choice: 'approve' }, { matter: 'm2', chosen: ['c1', 'c3'] }],
      [{ matter: 'm1', choice: 'oppose' }, { matter: 'm2', chosen: ['c1'] }],
      [{ matter: 'm2', chosen: ['c2'] }],
    ];
    for (const [i, marks] of ballots.entries()) {
      const res = await members[i]!.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { marks });
      expect(res.status).toBe(200);
    }
    // A secret ballot, once cast, is final.
    const again = await members[0]!.post<ErrorBody>(`/api/votes/${voteId}/ballots`, { marks: ballots[3] });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ reason: 'already_voted' });
    // Nothing links a member to their marks: the roll says who voted, the intake and box hold marks without names.
    const seen = await members[0]!.get<VoteDetailDto>(`/api/votes/${voteId}`);
    expect(seen.body.myVoters[0]).toMatchObject({ voted: true, choice: null, marks: null });

    expect(await t.app.get(SealingService).closeDue(new Date(closesAt.getTime() + 1000))).toBe(1);
    const result = (await members[1]!.get<VoteResultDto>(`/api/votes/${voteId}/result`)).body.assembly!;
    const [charter, board] = result.matters;
    // Charter: 3 of 6 approve — short of two thirds of all members (4): not passed.
    expect(charter!.tally!.figures).toMatchObject({ electorate: { persons: 6 }, approve: { persons: 3 }, oppose: { persons: 1 } });
    expect(charter).toMatchObject({ passed: false, blank: 1 });
    // Board: 何一 4 votes (two thirds of 6): elected; 何二 3: not; one seat left for a further election.
    expect(board!.election).toMatchObject({ seats: 2, elected: ['c1'], unfilled: 1 });
    expect(board!.election!.candidates.map((c) => [c.name, c.votes, c.standing])).toEqual([
      ['何一', 4, 'elected'],
      ['何二', 3, 'not-qualified'],
      ['何三', 1, 'not-qualified'],
    ]);
    const files = kitFiles((await download(members[2]!, `/api/votes/${voteId}/recount-kit`)).bytes);
    expect(files['ballots.jsonl']).toBeUndefined();
    expect(files['box.jsonl']!.trim().split('\n')).toHaveLength(5);
    expect(files['roll.jsonl']).not.toContain('marks');
    for (const name of adults) expect(files['box.jsonl']).not.toContain(name);
    // The board lists the box's ballots, as the kit holds them.
    const posted = await members[2]!.get<{ entries: { receipt: string }[] }>(`/api/votes/${voteId}/board`);
    const boxed = files['box.jsonl']!.trim().split('\n').map((line) => (JSON.parse(line) as { ballot: string }).ballot);
    expect(posted.body.entries.map((e) => e.receipt)).toEqual(boxed);
    const report = recountKit(files);
    expect(report.formatVersion).toBe(2);
    expect(report.report.ok).toBe(true);
  });
});
