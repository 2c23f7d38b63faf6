/**
 * The published result as a file (GET votes/:id/result/export, CSV and XLSX) and live turnout,
 * over real HTTP on a database of their own. The exported figures are compared with what
 * GET votes/:id/result publishes; the ballot list of a named vote is worked out by hand from the
 * roll written here; a secret vote's export lists nobody.
 */
import type { ErrorBody } from '@yishi/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { HttpSession } from '../../../test/http-session';
import { download, upload } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { createAccount, createCompound, createCooperative, openWithApproval, SCAN_JPEG, SHORTENING_REASON, signIn, voterIdOf } from '../../../test/vote-fixtures';
import { seedDemoData } from '../../seed/seed-demo';
import type { VoteDetailDto } from '../lifecycle/dto/vote.dto';
import type { IssueResultDto, PaperEntryResultDto } from '../ballots/dto/paper.dto';
import type { ProxyDto } from '../ballots/dto/proxy.dto';
import { SealingService } from '../sealing/sealing.service';

interface Published {
  chains: Record<string, { lines: number; head: string }>;
  tally: {
    passed: boolean;
    conditions: { id: string; measure: string; numerator: number; denominator: number; threshold: { numerator: number; denominator: number }; met: boolean; percent: string | null }[];
    figures: { ballots: { received: number; counted: number; rejected: number; online: number; paper: number; meeting: number } };
  };
  explanation: { 'zh-CN': string[] };
}

const m2 = (centi: number): string => (centi / 100).toFixed(2);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function sheets(bytes: Buffer): Promise<string[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) {
        const v = row.getCell(c).value;
        // Areas are numbers formatted 0.00; everything else is text or a count.
        cells.push(typeof v === 'number' ? (row.getCell(c).numFmt === '#,##0.00' ? v.toFixed(2) : String(v)) : typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v));
      }
      rows.push(cells);
    });
    return rows;
  });
}

/** The rows after a header row, up to the next row that is blank or starts another section (readers may drop blank rows). */
function section(rows: string[][], header: string): string[][] {
  const start = rows.findIndex((r) => r[0] === header);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start && (r.every((c) => c === '') || ['汇总', '计票说明'].includes(r[0]!) || r[0]!.startsWith('逐户表决清单') || r[0]!.startsWith('逐人表决清单')));
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

/** The notice as a reader checks it against the published result: every condition, the counts, the hash and the explanation. */
function expectNotice(rows: string[][], published: Published, proxies: number, chain: 'ballots' | 'roll'): void {
  const value = (label: string): string | undefined => rows.find((r) => r[0] === label)?.[1];
  expect(value('表决结果')).toBe(published.tally.passed ? '通过' : '未通过');
  expect(value('收尾哈希（closing hash）')).toBe(published.chains[chain]!.head);
  expect(value('哈希链行数')).toBe(String(published.chains[chain]!.lines));
  const b = published.tally.figures.ballots;
  expect([value('收到的选票'), value('计入的选票'), value('不计入的选票')]).toEqual([b.received, b.counted, b.rejected].map(String));
  expect([value('其中计入：线上投票'), value('其中计入：纸质选票'), value('其中计入：现场投票'), value('其中计入：委托代理投票')]).toEqual([b.online, b.paper, b.meeting, proxies].map(String));
  const conditions = section(rows, '条件');
  expect(conditions).toHaveLength(published.tally.conditions.length);
  published.tally.conditions.forEach((c, i) => {
    const amount = (n: number): string => (c.measure === 'area' ? m2(n) : String(n));
    expect(conditions[i]!.slice(3, 8)).toEqual([amount(c.numerator), amount(c.denominator), expect.stringContaining(`${c.threshold.numerator}/${c.threshold.denominator}`), c.percent === null ? '—' : `${c.percent}%`, c.met ? '满足' : '不满足']);
  });
  const explanation = rows.slice(rows.findIndex((r) => r[0] === '计票说明') + 1).map((r) => r[0]);
  for (const sentence of published.explanation['zh-CN']) expect(explanation).toContain(sentence);
}

describe('result exports and live turnout', () => {
  let t: TestApp;
  let yushuian: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    yushuian = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`))[0]!.id;
  });
  afterAll(() => t.close());

  const sealing = (): SealingService => t.app.get(SealingService);

  it('exports a named vote as CSV and XLSX: the published figures, and every counted ballot by unit', async () => {
    const fixture = await createCompound(t.dataSource, {
      code: 'lanting',
      name: '兰亭苑',
      parent: 'daxu',
      units: [
        { number: 'A-101', building: 'A栋', area: 10000 },
        { number: 'A-102', building: 'A栋', area: 9000 },
        { number: 'A-201', building: 'A栋', area: 8000 },
        { number: 'B-101', building: 'B栋', area: 12000 },
        { number: 'B-102', building: 'B栋', area: 8000 },
        { number: 'B-201', building: 'B栋', area: 11000 },
        { number: 'P-01', building: null, kind: 'parking', area: 1200 },
      ],
      owners: [
        { key: 'multi', name: '何志伟', phone: '13900000301', units: [{ number: 'A-101' }, { number: 'P-01' }] },
        { key: 'coWife', name: '苏嘉慧', phone: '13900000302', units: [{ number: 'A-102', designated: true }] },
        { key: 'coHusband', name: '林国华', phone: '13900000303', units: [{ number: 'A-102', designated: false }] },
        // A name a spreadsheet would run as a formula: it must arrive as text.
        { key: 'formula', name: '=1+2', phone: '13900000304', units: [{ number: 'A-201' }] },
        { key: 'b101', name: '梁英', units: [{ number: 'B-101' }] },
        { key: 'b102', name: '吴明', units: [{ number: 'B-102' }] },
        { key: 'developer', name: '兰亭置业有限公司', kind: 'developer', units: [{ number: 'B-201' }] },
      ],
    });
    await createAccount(t.dataSource, '13900000306', '郭浩');
    const staff = await signIn(t.dataSource, t.baseUrl, '13800000004');
    const second = await signIn(t.dataSource, t.baseUrl, '13800000002');
    const as: Record<string, HttpSession> = {};
    for (const [key, phone] of Object.entries({ multi: '13900000301', coWife: '13900000302', coHusband: '13900000303', formula: '13900000304', agent: '13900000306', outsider: '13800000012' })) {
      as[key] = await signIn(t.dataSource, t.baseUrl, phone);
    }
    const closesAt = new Date(Date.now() + 2 * 3600_000);
    const created = await staff.post<VoteDetailDto>(`/api/units/${fixture.unitId}/votes`, {
      title: '更换小区大门门禁系统',
      question: '是否同意更换小区大门门禁系统？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(created.status).toBe(201);
    const voteId = created.body.id;
    const exportOf = (who: HttpSession, format: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> => download(who, `/api/votes/${voteId}/result/export?format=${format}`);

    const scheduled = await exportOf(staff, 'csv');
    expect(scheduled.status).toBe(409);
    expect(JSON.parse(scheduled.bytes.toString('utf8'))).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_counted' } });
    await openWithApproval(staff, second, voteId);
    const v = (name: string): Promise<string> => voterIdOf(t.dataSource, voteId, name);

    for (const [who, choice] of [
      ['multi', 'approve'],
      ['coWife', 'oppose'],
      ['coHusband', 'approve'], // not the designated co-owner: not counted, not listed
      ['formula', 'abstain'],
    ] as const) {
      expect((await as[who]!.post(`/api/votes/${voteId}/ballots`, { choice })).status).toBe(200);
    }
    const proxy = await upload<ProxyDto>(staff, `/api/votes/${voteId}/proxies`, { name: '委托书.jpg', bytes: SCAN_JPEG, fields: { principalVoterId: await v('梁英'), agentPhone: '13900000306', written: 'true' } });
    expect(proxy.body.status).toBe('accepted');
    expect((await as.agent!.post(`/api/votes/${voteId}/ballots`, { choice: 'approve', voterId: await v('梁英') })).status).toBe(200);
    const paper = (await staff.post<IssueResultDto>(`/api/votes/${voteId}/papers`, { voterIds: [await v('吴明')] })).body.issued[0]!;
    expect((await staff.post(`/api/votes/${voteId}/papers/returned`, { serials: [paper.serial] })).status).toBe(200);

    // Open, then counting (paper still to enter): not counted yet, with the same stable code.
    expect((await exportOf(staff, 'xlsx')).status).toBe(409);
    expect(await sealing().closeDue(new Date(closesAt.getTime() + 1000))).toBe(0);
    const counting = await exportOf(as.multi!, 'csv');
    expect(counting.status).toBe(409);
    expect(JSON.parse(counting.bytes.toString('utf8'))).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_counted' } });
    for (const who of [staff, second]) {
      const entry = await upload<PaperEntryResultDto>(who, `/api/votes/${voteId}/papers/${paper.serial}/entries`, { name: 'paper.jpg', bytes: SCAN_JPEG, fields: { choice: 'oppose', code: paper.code } });
      expect(entry.status).toBe(200);
    }
    expect(await sealing().closeDue(new Date(closesAt.getTime() + 2000))).toBe(1);
    const published = (await as.multi!.get<{ result: Published }>(`/api/votes/${voteId}/result`)).body.result;
    expect(published.tally.figures.ballots).toMatchObject({ received: 6, counted: 5, rejected: 1, online: 4, paper: 1 });

    // A resident of another compound cannot read it.
    expect([403, 404]).toContain((await exportOf(as.outsider!, 'csv')).status);
    expect([403, 404]).toContain((await exportOf(as.outsider!, 'xlsx')).status);

    // Every counted ballot, unit by unit (何志伟's one ballot speaks for his flat and his parking
    // space; 苏嘉慧's for the co-owned A-102; the developer did not vote; 林国华 is not counted).
    const expectedList = [
      ['A栋', 'A-101', '100.00', '何志伟', '同意', '线上', ''],
      ['A栋', 'A-102', '90.00', '苏嘉慧', '反对', '线上', ''],
      ['A栋', 'A-201', '80.00', "'=1+2", '弃权', '线上', ''],
      ['B栋', 'B-101', '120.00', '梁英', '同意', '线上', '郭浩'],
      ['B栋', 'B-102', '80.00', '吴明', '反对', '纸质', ''],
      ['', 'P-01', '12.00', '何志伟', '同意', '线上', ''],
    ];

    const csv = await exportOf(as.multi!, 'csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.bytes.subarray(0, 3)).toEqual(BOM);
    const disposition = csv.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^表决结果-更换小区大门门禁系统-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows: string[][] = parse(csv.bytes.toString('utf8'), { bom: true, relax_column_count: true });
    expectNotice(rows, published, 1, 'ballots');
    expect(section(rows, '逐户表决清单（计入的选票）')).toEqual([['楼栋', '房号', '专有部分面积（㎡）', '业主（名册姓名）', '选择', '投票方式', '受托代理人'], ...expectedList]);
    expect(csv.bytes.toString('utf8')).not.toContain('林国华');
    // No cell of the file starts a formula.
    expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);

    const xlsx = await exportOf(as.multi!, 'xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toMatch(/filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
    const [notice, list, ...more] = await sheets(xlsx.bytes);
    expect(more).toEqual([]);
    expectNotice(notice!, published, 1, 'ballots');
    expect(list).toEqual([['楼栋', '房号', '专有部分面积（㎡）', '业主（名册姓名）', '选择', '投票方式', '受托代理人'], ...expectedList]);
  });

  it('lists the counted ballots of a cooperative member by member, by household', async () => {
    const fixture = await createCooperative(t.dataSource, {
      code: 'xihu-coop',
      name: '西湖经济社',
      parent: 'zhongqu',
      households: [
        { number: 'XH-002', members: [{ key: 'b1', name: '周一', birthDate: '1970-01-01', phone: '13900000311' }] },
        {
          number: 'XH-001',
          members: [
            { key: 'a1', name: '林二', birthDate: '1972-02-02', phone: '13900000312' },
            { key: 'a2', name: '林三', birthDate: '1990-03-03', phone: '13900000313' },
          ],
        },
      ],
    });
    const staff = await signIn(t.dataSource, t.baseUrl, '13800000003');
    const closesAt = new Date(Date.now() + 2 * 3600_000);
    const created = await staff.post<VoteDetailDto>(`/api/units/${fixture.unitId}/votes`, {
      title: '集体林地承包方案',
      question: '是否同意集体林地承包方案？',
      ruleSet: 'rceo-27',
      matterKinds: ['land-contracting'],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    const voteId = created.body.id;
    await openWithApproval(staff, await signIn(t.dataSource, t.baseUrl, '13800000002'), voteId);
    for (const [phone, choice] of [
      ['13900000311', 'oppose'],
      ['13900000313', 'approve'],
    ] as const) {
      expect((await (await signIn(t.dataSource, t.baseUrl, phone)).post(`/api/votes/${voteId}/ballots`, { choice })).status).toBe(200);
    }
    expect(await sealing().closeDue(new Date(closesAt.getTime() + 1000))).toBe(1);
    const member = await signIn(t.dataSource, t.baseUrl, '13900000312');
    const published = (await member.get<{ result: Published }>(`/api/votes/${voteId}/result`)).body.result;
    const csv = await download(member, `/api/votes/${voteId}/result/export?format=csv`);
    expect(csv.status).toBe(200);
    const rows: string[][] = parse(csv.bytes.toString('utf8'), { bom: true, relax_column_count: true });
    expectNotice(rows, published, 0, 'ballots');
    expect(section(rows, '逐人表决清单（计入的选票）')).toEqual([
      ['户号', '成员（名册姓名）', '选择', '投票方式', '受托代理人'],
      ['XH-001', '林三', '同意', '线上', ''],
      ['XH-002', '周一', '反对', '线上', ''],
    ]);
  });

  it('never lists who chose what on a secret vote, and says so in the file', async () => {
    const owner = await signIn(t.dataSource, t.baseUrl, '13800000012');
    const coOwner = await signIn(t.dataSource, t.baseUrl, '13800000013');
    const convenor = await signIn(t.dataSource, t.baseUrl, '13800000006');
    const closesAt = new Date(Date.now() + 3600_000);
    const created = await convenor.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
      title: '选择议事会日期',
      question: '议事会定在哪天？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      secrecy: 'secret',
      options: [
        { id: 'sat', label: '周六' },
        { id: 'sun', label: '周日' },
      ],
      opensAt: new Date().toISOString(),
      closesAt: closesAt.toISOString(),
    });
    expect(created.status).toBe(201);
    const voteId = created.body.id;
    expect((await convenor.post(`/api/votes/${voteId}/open`, {})).status).toBe(204);
    expect((await owner.post(`/api/votes/${voteId}/ballots`, { choice: 'sun' })).status).toBe(200);
    expect((await coOwner.post(`/api/votes/${voteId}/ballots`, { choice: 'sat' })).status).toBe(200);
    await sealing().closeDue(new Date(closesAt.getTime() + 1000));
    const published = (await owner.get<{ result: Published }>(`/api/votes/${voteId}/result`)).body.result;
    const names = (await t.dataSource.query<{ name: string }[]>(`SELECT name FROM vote_voter WHERE vote_id = $1`, [voteId])).map((r) => r.name);
    expect(names.length).toBeGreaterThan(2);

    const csv = await download(owner, `/api/votes/${voteId}/result/export?format=csv`);
    expect(csv.status).toBe(200);
    const text = csv.bytes.toString('utf8');
    const rows: string[][] = parse(text, { bom: true, relax_column_count: true });
    expectNotice(rows, published, 0, 'roll');
    expect(section(rows, '逐户表决清单')).toEqual([[expect.stringContaining('不记名投票')]]);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toContain('业主（名册姓名）');

    const xlsx = await download(owner, `/api/votes/${voteId}/result/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const [notice, second] = await sheets(xlsx.bytes);
    expectNotice(notice!, published, 0, 'roll');
    expect(second).toEqual([[expect.stringContaining('不记名投票')]]);
    expect((await download(owner, `/api/votes/${voteId}/result/export?format=pdf`)).status).toBe(400);
  });

  it('shows live turnout to convenors while a vote is open, and to residents only when the convenor makes it public', async () => {
    const convenor = await signIn(t.dataSource, t.baseUrl, '13800000006');
    const staff = await signIn(t.dataSource, t.baseUrl, '13800000004');
    const owner = await signIn(t.dataSource, t.baseUrl, '13800000012');
    const outsider = await signIn(t.dataSource, t.baseUrl, '13800000011'); // 南村 member
    const announce = async (turnoutPublic: boolean): Promise<string> => {
      const res = await convenor.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
        title: '增设充电桩',
        question: '是否同意增设充电桩？',
        ruleSet: 'cc278-ordinary',
        matterKinds: ['owners-other'],
        turnoutPublic,
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 8 * 24 * 3600_000).toISOString(),
        shorteningReason: SHORTENING_REASON,
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    type Turnout = { status: string; conditions: { id: string; numerator: number; denominator: number }[] };
    const privateVote = await announce(false);
    const notOpen = await convenor.get<ErrorBody>(`/api/votes/${privateVote}/turnout`);
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.details).toMatchObject({ reason: 'not_open' });
    await openWithApproval(convenor, staff, privateVote);
    expect((await owner.post(`/api/votes/${privateVote}/ballots`, { choice: 'approve' })).status).toBe(200);

    for (const manager of [convenor, staff]) {
      const seen = await manager.get<Turnout>(`/api/votes/${privateVote}/turnout`);
      expect(seen.status).toBe(200);
      expect(seen.body.status).toBe('open');
      expect(seen.body.conditions.map((c) => c.id).sort()).toEqual(['turnout-area', 'turnout-persons']);
      expect(seen.body.conditions.find((c) => c.id === 'turnout-persons')!.numerator).toBe(1);
      // Turnout only: no choice is revealed while voting runs.
      expect(JSON.stringify(seen.body)).not.toContain('approval');
    }
    const hidden = await owner.get<ErrorBody>(`/api/votes/${privateVote}/turnout`);
    expect(hidden.status).toBe(403);
    expect(hidden.body.details).toMatchObject({ reason: 'turnout_private' });
    expect([403, 404]).toContain((await outsider.get(`/api/votes/${privateVote}/turnout`)).status);

    const publicVote = await announce(true);
    await openWithApproval(convenor, staff, publicVote);
    const shown = await owner.get<Turnout>(`/api/votes/${publicVote}/turnout`);
    expect(shown.status).toBe(200);
    expect(shown.body.conditions.find((c) => c.id === 'turnout-persons')!.numerator).toBe(0);
    expect([403, 404]).toContain((await outsider.get(`/api/votes/${publicVote}/turnout`)).status);
  });
});
