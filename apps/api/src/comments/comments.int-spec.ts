import type { ErrorBody } from '@yishi/contracts';
import { Client } from 'pg';
import { LIMITS } from '@yishi/contracts';
import type { ApiResponse } from '../../test/http-session';
import { HttpSession } from '../../test/http-session';
import { download, readXlsx } from '../../test/rolls';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { AuditPageDto } from '../audit/audit.controller';
import type { ConsultationDetailDto } from '../consultations/dto/consultation.dto';
import type { InboxPageDto } from '../notifications/notifications.controller';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { AdoptionReportDto } from './dto/adoption-report.dto';
import type { CommentPageDto, CommentReportListDto, ThreadDto } from './dto/comment.dto';

interface Version {
  id: string;
  clauses: string[];
}

/** Publishes version `number` with one clause per body straight into the database (the drafts API has its own tests). */
async function publishVersion(t: TestApp, consultationId: string, number: number, bodies: string[], previous: string[] = []): Promise<Version> {
  const [user] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000006'`);
  const [version] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO draft_version (consultation_id, number, title, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [consultationId, number, `御水岸停车管理办法（草案第${number}稿）`, user!.id],
  );
  const clauses: string[] = [];
  for (const [i, body] of bodies.entries()) {
    const [clause] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO clause (version_id, number, body, previous_clause_id, change_reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [version!.id, i + 1, body, previous[i] ?? null, previous[i] ? '根据居民意见修改' : null],
    );
    clauses.push(clause!.id);
  }
  await t.dataSource.query(`UPDATE draft_version SET published_at = now(), published_by = $2 WHERE id = $1`, [version!.id, user!.id]);
  return { id: version!.id, clauses };
}

const CLAUSES = ['小区内车位优先出租给业主。', '临时停车两小时内免费。', '月租车位费每月三百元。', '访客车辆须登记。', '本办法自表决通过之日起施行。'];

describe('comments, moderation, official answers and the adoption report', () => {
  let t: TestApp;
  let unit: string;
  let convenor: HttpSession;
  let staff: HttpSession;
  let owner: HttpSession; // 13800000012
  let coOwner: HttpSession; // 13800000013
  let buildingHead: HttpSession; // 13800000007
  let outsider: HttpSession; // 13800000011, a member of 南村经济社
  let consultation: string;
  let v1: Version;
  let clause3Comment: ThreadDto;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    unit = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`))[0]!.id;
    const signIn = (phone: string): Promise<HttpSession> => HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);
    convenor = await signIn('13800000006');
    staff = await signIn('13800000004');
    owner = await signIn('13800000012');
    coOwner = await signIn('13800000013');
    buildingHead = await signIn('13800000007');
    outsider = await signIn('13800000011');
    consultation = (await convenor.post<ConsultationDetailDto>(`/api/nodes/${unit}/consultations`, { title: '御水岸停车管理办法', ruleSet: 'cc278-ordinary' })).body.id;
    v1 = await publishVersion(t, consultation, 1, CLAUSES);
    expect((await convenor.post(`/api/consultations/${consultation}/phase`, { to: 'comment' })).status).toBe(200);
  });
  afterAll(() => t.close());
  // Each test starts with fresh comment limits (the last one tests them).
  beforeEach(() => t.dataSource.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'comment:%'`));

  const comments = (session: HttpSession, query = ''): Promise<ApiResponse<CommentPageDto>> =>
    session.get<CommentPageDto>(`/api/consultations/${consultation}/comments${query}`);
  const report = async (session: HttpSession): Promise<AdoptionReportDto> => {
    const res = await session.get<AdoptionReportDto>(`/api/consultations/${consultation}/adoption-report`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const reportItem = (r: AdoptionReportDto, commentId: string): AdoptionReportDto['sections'][number]['items'][number] | undefined =>
    r.sections.flatMap((s) => s.items).find((i) => i.commentId === commentId);
  const xlsxRows = async (session: HttpSession): Promise<string[][]> => {
    const file = await download(session, `/api/consultations/${consultation}/adoption-report/xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('意见采纳情况说明'));
    return readXlsx(file.bytes);
  };
  const inbox = async (session: HttpSession): Promise<InboxPageDto['items']> => (await session.get<InboxPageDto>('/api/me/notifications')).body.items;
  /** Two connections of their own, for two writers at once, closed afterwards whatever happens. */
  const twoWriters = async (work: (a: Client, b: Client) => Promise<void>): Promise<void> => {
    const a = new Client({ connectionString: t.databaseUrl });
    const b = new Client({ connectionString: t.databaseUrl });
    await a.connect();
    await b.connect();
    try {
      await work(a, b);
    } finally {
      await a.end();
      await b.end();
    }
  };
  const audit = async (action: string): Promise<AuditPageDto['entries']> =>
    (await staff.get<AuditPageDto>(`/api/nodes/${unit}/audit?action=${action}`)).body.entries.filter((e) => e.entityType === 'comment');

  it('takes a comment on clause 3; the convenor answers “partly adopted”; the report shows it, as JSON and as XLSX', async () => {
    const posted = await owner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, {
      clauseId: v1.clauses[2],
      versionId: v1.id,
      body: '  月租三百元太贵，建议按车位位置分档收费。\r\n另外希望夜间可临时停车。  ',
    });
    expect(posted.status).toBe(201);
    clause3Comment = posted.body;
    expect(posted.body).toMatchObject({
      versionId: v1.id,
      versionNumber: 1,
      clauseId: v1.clauses[2],
      clauseNumber: 3,
      parentId: null,
      body: '月租三百元太贵，建议按车位位置分档收费。\n另外希望夜间可临时停车。',
      channel: 'online',
      offline: null,
      mine: true,
      hidden: false,
      reportCount: null,
      officialReply: null,
      replies: [],
    });
    expect(posted.body.authorName).toBeTruthy();

    const answered = await convenor.request<ThreadDto>('PUT', `/api/comments/${clause3Comment.id}/official-reply`, {
      outcome: 'partly_adopted',
      reason: '采纳分档收费的建议；夜间临时停车受消防通道限制，暂不采纳。',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.officialReply).toMatchObject({ outcome: 'partly_adopted', reason: '采纳分档收费的建议；夜间临时停车受消防通道限制，暂不采纳。', linkedClause: null });
    expect(answered.body.reportCount).toBe(0); // the convenor moderates

    const told = (await inbox(owner)).find((n) => n.kind === 'comment_replied');
    expect(told).toMatchObject({ params: { commentId: clause3Comment.id, official: true, outcome: 'partly_adopted', title: '御水岸停车管理办法' } });
    expect(told!.link).toBe(`/consultations/${consultation}?comment=${clause3Comment.id}`);

    // Any resident of the compound reads the report (it is published to them).
    const r = await report(coOwner);
    expect(r.title).toBe('御水岸停车管理办法');
    const section = r.sections.find((s) => s.clauseNumber === 3)!;
    expect(section).toMatchObject({ versionNumber: 1, clauseId: v1.clauses[2] });
    expect(section.items[0]).toMatchObject({
      commentId: clause3Comment.id,
      body: '月租三百元太贵，建议按车位位置分档收费。\n另外希望夜间可临时停车。',
      channel: 'online',
      reply: { outcome: 'partly_adopted', reason: '采纳分档收费的建议；夜间临时停车受消防通道限制，暂不采纳。' },
    });
    expect(r.totals).toMatchObject({ total: 1, partly_adopted: 1, pending: 0 });

    const rows = await xlsxRows(coOwner);
    expect(rows[0]![0]).toBe('御水岸停车管理办法 意见采纳情况说明');
    expect(rows[1]![0]).toContain('部分采纳 1 条');
    expect(rows[2]).toEqual(['序号', '版本', '条款', '意见内容', '提出人', '来源', '收集人', '日期', '答复结果', '答复理由', '修改后条款']);
    const row = rows.find((x) => x[3]?.startsWith('月租三百元'))!;
    expect(row.slice(1, 4)).toEqual(['第1版', '第3条', '月租三百元太贵，建议按车位位置分档收费。\n另外希望夜间可临时停车。']);
    expect(row[5]).toBe('网上提交');
    expect(row.slice(8, 10)).toEqual(['部分采纳', '采纳分档收费的建议；夜间临时停车受消防通道限制，暂不采纳。']);
  });

  it('stores a <script> as the very text typed, and neutralises formulas in the workbook', async () => {
    const script = '<script>alert("议事")</script> & <b>粗体</b> &lt;';
    const posted = await owner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { body: script });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ body: script, clauseId: null, clauseNumber: null });
    const listed = await comments(coOwner, '?wholeDraft=true');
    expect(listed.body.items.find((c) => c.id === posted.body.id)!.body).toBe(script);
    expect(listed.headers.get('content-type')).toContain('application/json');

    const formula = '=HYPERLINK("http://evil.example","点击领取补贴")';
    const f = await owner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { body: formula, clauseId: v1.clauses[0] });
    expect(f.body.body).toBe(formula);
    expect(reportItem(await report(coOwner), f.body.id)!.body).toBe(formula);
    const rows = await xlsxRows(coOwner);
    expect(rows.map((r) => r[3])).toContain(`'${formula}`);
    expect(rows.map((r) => r[3])).toContain(script);
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('refuses empty, overlong and control-character text, and places that are not of the current version', async () => {
    const post = (body: unknown): Promise<{ status: number; body: ErrorBody }> => coOwner.post<ErrorBody>(`/api/consultations/${consultation}/comments`, body);
    const tooLong = await post({ body: '意'.repeat(LIMITS.commentBody + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('VALIDATION_FAILED');
    expect((await post({ body: ' \n ' })).status).toBe(400);
    expect((await post({ body: 'bell\u0007' })).status).toBe(400);
    expect((await post({ body: 123 })).status).toBe(400);
    expect((await post({ body: 'x', html: true })).status).toBe(400);
    expect((await post({ body: '不存在的条款', clauseId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    const exact = await post({ body: '议'.repeat(LIMITS.commentBody) });
    expect(exact.status).toBe(201);
  });

  it('takes one level of replies, in the same place, and tells the author of the comment', async () => {
    const reply = await coOwner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { parentId: clause3Comment.id, body: '同意，分档更公平。' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: clause3Comment.id, clauseId: v1.clauses[2], versionId: v1.id, mine: true });
    expect((await inbox(owner)).find((n) => n.kind === 'comment_replied' && n.params['official'] === false)).toMatchObject({
      params: { commentId: clause3Comment.id, replyId: reply.body.id },
    });
    const deeper = await owner.post<ErrorBody>(`/api/consultations/${consultation}/comments`, { parentId: reply.body.id, body: '回复的回复' });
    expect(deeper.status).toBe(409);
    expect(deeper.body.details).toMatchObject({ rule: 'one_level_of_replies' });
    const elsewhere = await owner.post<ErrorBody>(`/api/consultations/${consultation}/comments`, { parentId: clause3Comment.id, clauseId: v1.clauses[0], body: '换个地方' });
    expect(elsewhere.status).toBe(400);
    // An official answer goes to the opinion, not to a reply.
    expect((await convenor.request<ErrorBody>('PUT', `/api/comments/${reply.body.id}/official-reply`, { outcome: 'noted', reason: '收到' })).status).toBe(409);

    const page = await comments(owner, `?clauseId=${v1.clauses[2]}`);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({ id: clause3Comment.id, mine: true, officialReply: { outcome: 'partly_adopted' } });
    expect(page.body.items[0]!.replies).toEqual([expect.objectContaining({ id: reply.body.id, mine: false, body: '同意，分档更公平。' })]);
    expect(page.body.counts.find((c) => c.clauseNumber === 3)).toMatchObject({ comments: 1, replies: 1 });
    // Replies are not opinions of the report.
    expect(reportItem(await report(owner), reply.body.id)).toBeUndefined();
  });

  it('lists newest first, a page at a time, filtered by place', async () => {
    const all = await comments(coOwner);
    expect(all.status).toBe(200);
    const ids = all.body.items.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const first = await comments(coOwner, '?limit=2');
    expect(first.body.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
    const second = await comments(coOwner, `?limit=2&before=${first.body.next}`);
    expect(second.body.items.map((c) => c.id)).toEqual(ids.slice(2, 4));
    expect((await comments(coOwner, `?versionId=${v1.id}`)).body.items.map((c) => c.id)).toEqual(ids);
    const whole = await comments(coOwner, '?wholeDraft=true');
    expect(whole.body.items.every((c) => c.clauseId === null)).toBe(true);
    expect((await comments(coOwner, `?wholeDraft=true&clauseId=${v1.clauses[0]}`)).status).toBe(400);
    expect((await comments(coOwner, '?limit=500')).status).toBe(400);
    expect(all.body.counts[0]).toMatchObject({ versionNumber: 1, clauseId: null });
    // Each thread comes with its replies, in whichever place it stands (the whole draft or a clause), and a
    // thread nobody answered with none, whether or not others in its place have replies.
    const wholeDraft = (await buildingHead.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { body: '整体上同意，细节再议。' })).body;
    const unanswered = (await buildingHead.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { body: '没人回复的一条。' })).body;
    const reply = (await coOwner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { parentId: wholeDraft.id, body: '附议。' })).body;
    const listed = (await comments(owner)).body.items;
    expect(listed.find((c) => c.id === wholeDraft.id)!.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(listed.find((c) => c.id === unanswered.id)!.replies).toEqual([]);
    expect(listed.find((c) => c.id === clause3Comment.id)!.replies.map((r) => r.body)).toContain('同意，分档更公平。');
    expect((await comments(owner, '?wholeDraft=true')).body.items.find((c) => c.id === wholeDraft.id)!.replies.map((r) => r.id)).toEqual([reply.id]);
  });

  it('takes opinions received offline, with their provenance, and shows them everywhere like online ones', async () => {
    const offline = (session: HttpSession, body: Record<string, unknown>): Promise<{ status: number; body: ThreadDto & ErrorBody }> =>
      session.post<ThreadDto & ErrorBody>(`/api/consultations/${consultation}/offline-comments`, body);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const paper = await offline(buildingHead, {
      body: '1栋老人多，希望保留免费临时停车。',
      channel: 'paper',
      collectorName: '1栋楼长',
      collectedOn: today,
      anonymous: true,
      clauseId: v1.clauses[1],
    });
    expect(paper.status).toBe(201);
    expect(paper.body).toMatchObject({ channel: 'paper', authorName: null, anonymous: true, clauseNumber: 2, mine: false, offline: { collectorName: '1栋楼长', collectedOn: today } });
    expect(paper.body.offline!.recordedByName).toBeTruthy();
    const briefing = await offline(staff, { body: '建议增设充电桩。', channel: 'briefing', collectorName: '叶嘉欣', collectedOn: today, anonymous: false, residentName: '梁伯' });
    expect(briefing.status).toBe(201);
    expect(briefing.body).toMatchObject({ authorName: '梁伯', clauseId: null, channel: 'briefing' });

    const bad = [
      { body: 'x', channel: 'paper', collectorName: 'a', collectedOn: today, anonymous: true, residentName: '有名字' },
      { body: 'x', channel: 'paper', collectorName: 'a', collectedOn: today, anonymous: false },
      { body: 'x', channel: 'online', collectorName: 'a', collectedOn: today, anonymous: true },
      { body: 'x', channel: 'paper', collectorName: 'a', collectedOn: '2099-01-01', anonymous: true },
      { body: 'x', channel: 'paper', collectorName: 'a', collectedOn: '2026-02-30', anonymous: true },
      { body: 'x', channel: 'paper', collectorName: 'a', collectedOn: '2001-01-01', anonymous: true },
      { body: 'x', channel: 'paper', collectorName: 'a\nb', collectedOn: today, anonymous: true },
      { body: 'x', channel: 'paper', collectedOn: today, anonymous: true },
    ];
    for (const body of bad) expect([JSON.stringify(body), (await offline(staff, body)).status]).toEqual([JSON.stringify(body), 400]);
    // A resident does not enter opinions for others.
    expect((await offline(owner, { body: 'x', channel: 'paper', collectorName: 'a', collectedOn: today, anonymous: true })).status).toBe(403);

    const listed = await comments(coOwner, `?clauseId=${v1.clauses[1]}`);
    expect(listed.body.items.map((c) => c.id)).toContain(paper.body.id);
    const r = await report(coOwner);
    expect(reportItem(r, paper.body.id)).toMatchObject({ channel: 'paper', collectorName: '1栋楼长', collectedOn: today, authorName: null, anonymous: true, reply: null });
    expect(r.sections.find((s) => s.items.some((i) => i.commentId === briefing.body.id))!.clauseId).toBeNull();
    expect(r.totals.offline).toBe(2);
    const rows = await xlsxRows(coOwner);
    expect(rows.find((x) => x[3] === '1栋老人多，希望保留免费临时停车。')!.slice(4, 9)).toEqual(['匿名', '书面意见', '1栋楼长', today, '待答复']);
    expect(rows.find((x) => x[3] === '建议增设充电桩。')!.slice(4, 7)).toEqual(['梁伯', '宣讲会', '叶嘉欣']);
    // The whole draft comes first, then 第1条, 第2条…
    const places = r.sections.map((s) => s.clauseNumber ?? 0);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(places[0]).toBe(0);
    expect((await audit('comment.record_offline')).map((e) => e.entityId)).toEqual(expect.arrayContaining([paper.body.id, briefing.body.id]));
  });

  it('takes abuse reports once per reader; moderators see how many and why', async () => {
    const path = `/api/comments/${clause3Comment.id}/reports`;
    const reported = await coOwner.post<ThreadDto>(path, { reason: '含有人身攻击' });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ reportedByMe: true, reportCount: null });
    expect((await coOwner.post<ErrorBody>(path, { reason: '再举报一次' })).status).toBe(409);
    expect((await owner.post<ErrorBody>(path, { reason: '举报自己' })).status).toBe(403);
    expect((await buildingHead.post(path, { reason: '' })).status).toBe(400);
    const seen = (await comments(convenor, `?clauseId=${v1.clauses[2]}`)).body.items[0]!;
    expect(seen.reportCount).toBe(1);
    expect((await comments(owner, `?clauseId=${v1.clauses[2]}`)).body.items[0]!.reportCount).toBeNull();
    const list = await convenor.get<CommentReportListDto>(path);
    expect(list.body.count).toBe(1);
    expect(list.body.items.map((i) => i.reason)).toEqual(['含有人身攻击']);
    expect((await coOwner.get<ErrorBody>(path)).status).toBe(403);
  });

  it('hides a comment with a reason: the author sees it and is told, others see only the reason; then shows it again', async () => {
    const target = (await owner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { body: '某某业主天天乱停车，电话138xxxx。', clauseId: v1.clauses[3] })).body;
    expect((await coOwner.post<ErrorBody>(`/api/comments/${target.id}/hide`, { reason: '我也想隐藏' })).status).toBe(403);
    const hidden = await convenor.post<ThreadDto>(`/api/comments/${target.id}/hide`, { reason: '含他人个人信息' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hidden: true, hiddenReason: '含他人个人信息', body: '某某业主天天乱停车，电话138xxxx。' });
    expect((await convenor.post<ErrorBody>(`/api/comments/${target.id}/hide`, { reason: '再隐藏' })).status).toBe(409);

    expect((await inbox(owner)).find((n) => n.kind === 'comment_hidden')).toMatchObject({ params: { commentId: target.id, reason: '含他人个人信息' } });
    const mine = (await comments(owner, `?clauseId=${v1.clauses[3]}`)).body.items[0]!;
    expect(mine).toMatchObject({ id: target.id, hidden: true, hiddenReason: '含他人个人信息', body: '某某业主天天乱停车，电话138xxxx。', mine: true });
    const theirs = (await comments(coOwner, `?clauseId=${v1.clauses[3]}`)).body.items[0]!;
    expect(theirs).toMatchObject({ id: target.id, hidden: true, hiddenReason: '含他人个人信息', body: null });
    // Hidden: no replies, no reports, and the report shows the reason instead of the text, to everyone.
    expect((await coOwner.post<ErrorBody>(`/api/consultations/${consultation}/comments`, { parentId: target.id, body: '回复' })).status).toBe(409);
    expect((await coOwner.post<ErrorBody>(`/api/comments/${target.id}/reports`, { reason: '举报' })).status).toBe(409);
    expect(reportItem(await report(convenor), target.id)).toMatchObject({ hidden: true, body: null, hiddenReason: '含他人个人信息' });
    const rows = await xlsxRows(coOwner);
    expect(rows.map((r) => r[3])).toContain('此意见已被隐藏（原因：含他人个人信息）');
    expect(rows.flat().join('\n')).not.toContain('138xxxx');
    expect(JSON.stringify(await report(coOwner))).not.toContain('138xxxx');

    const shown = await staff.post<ThreadDto>(`/api/comments/${target.id}/unhide`, { reason: '已与作者沟通' });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ hidden: false, hiddenReason: null });
    expect((await staff.post<ErrorBody>(`/api/comments/${target.id}/unhide`, {})).status).toBe(409);
    expect((await comments(coOwner, `?clauseId=${v1.clauses[3]}`)).body.items[0]!.body).toBe('某某业主天天乱停车，电话138xxxx。');
    const trail = await audit('comment');
    expect(trail.find((e) => e.action === 'comment.hide' && e.entityId === target.id)).toMatchObject({ after: { hidden: true, reason: '含他人个人信息' } });
    expect(trail.find((e) => e.action === 'comment.unhide' && e.entityId === target.id)).toMatchObject({ before: { reason: '含他人个人信息' }, after: { reason: '已与作者沟通' } });
  });

  it('keeps another unit out: a 南村 member can neither read nor comment, report or moderate (404)', async () => {
    const paths = [
      ['GET', `/api/consultations/${consultation}/comments`],
      ['GET', `/api/consultations/${consultation}/adoption-report`],
      ['GET', `/api/consultations/${consultation}/adoption-report/xlsx`],
      ['POST', `/api/consultations/${consultation}/comments`, { body: '我也想说两句', clauseId: v1.clauses[2] }],
      ['POST', `/api/comments/${clause3Comment.id}/reports`, { reason: '外人举报' }],
    ] as const;
    for (const [method, path, body] of paths) {
      const res = await outsider.request<ErrorBody>(method, path, method === 'GET' ? undefined : body);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const coopConvenor = await HttpSession.signedIn(t.baseUrl, '13800000005', DEMO_PASSWORD);
    expect((await coopConvenor.post<ErrorBody>(`/api/comments/${clause3Comment.id}/hide`, { reason: '越权' })).status).toBe(404);
    expect((await coopConvenor.request<ErrorBody>('PUT', `/api/comments/${clause3Comment.id}/official-reply`, { outcome: 'adopted', reason: '越权' })).status).toBe(404);
    expect(await t.dataSource.query(`SELECT id FROM comment WHERE body = '我也想说两句'`)).toEqual([]);
    // A resident of the compound may not answer officially.
    expect((await coOwner.request<ErrorBody>('PUT', `/api/comments/${clause3Comment.id}/official-reply`, { outcome: 'adopted', reason: '我说采纳' })).status).toBe(403);
  });

  it('takes comments only in the comment period, offline opinions also while revising, answers from the comment period on', async () => {
    const c = (await convenor.post<ConsultationDetailDto>(`/api/nodes/${unit}/consultations`, { title: '电动车充电管理', ruleSet: 'cc278-ordinary' })).body.id;
    const v = await publishVersion(t, c, 1, ['充电桩设在地下车库。']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const comment = (s: HttpSession): Promise<{ status: number; body: ThreadDto & ErrorBody }> =>
      s.post<ThreadDto & ErrorBody>(`/api/consultations/${c}/comments`, { body: '建议设在地面', clauseId: v.clauses[0] });
    const offline = (): Promise<{ status: number; body: ThreadDto & ErrorBody }> =>
      buildingHead.post<ThreadDto & ErrorBody>(`/api/consultations/${c}/offline-comments`, { body: '纸质意见', channel: 'suggestion_box', collectorName: '物业', collectedOn: today, anonymous: true });
    // Draft: residents cannot even see it.
    expect((await comment(owner)).status).toBe(404);
    await convenor.post(`/api/consultations/${c}/phase`, { to: 'briefing' });
    const early = await comment(owner);
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ rule: 'comment_phase', phase: 'briefing' });
    expect((await offline()).status).toBe(409);
    await convenor.post(`/api/consultations/${c}/phase`, { to: 'comment' });
    const during = await comment(owner);
    expect(during.status).toBe(201);
    await convenor.post(`/api/consultations/${c}/phase`, { to: 'revision' });
    expect((await comment(owner)).status).toBe(409);
    expect((await comment(staff)).status).toBe(409);
    expect((await coOwner.post<ErrorBody>(`/api/consultations/${c}/comments`, { parentId: during.body.id, body: '回复' })).status).toBe(409);
    expect((await offline()).status).toBe(201);
    const answered = await convenor.request<ThreadDto>('PUT', `/api/comments/${during.body.id}/official-reply`, { outcome: 'not_adopted', reason: '地面无消防条件。' });
    expect(answered.status).toBe(200);
    await convenor.post(`/api/consultations/${c}/phase`, { to: 'voting' });
    expect((await offline()).status).toBe(409);
    expect((await convenor.request('PUT', `/api/comments/${during.body.id}/official-reply`, { outcome: 'noted', reason: '表决阶段仍可更正答复。' })).status).toBe(200);
    const r = (await coOwner.get<AdoptionReportDto>(`/api/consultations/${c}/adoption-report`)).body;
    expect(r.totals).toMatchObject({ total: 2, noted: 1, pending: 1, offline: 1 });
  });

  it('answers again with before and after in the trail, links the clause of a later version, and moves new comments to it', async () => {
    const v2 = await publishVersion(t, consultation, 2, CLAUSES.map((c, i) => (i === 2 ? '月租车位费按位置分三档收取。' : c)), v1.clauses);
    const path = `/api/comments/${clause3Comment.id}/official-reply`;
    const put = (body: unknown): Promise<{ status: number; body: ThreadDto & ErrorBody }> => convenor.request<ThreadDto & ErrorBody>('PUT', path, body);
    expect((await put({ outcome: 'adopted', reason: '已修改', linkedClauseId: v1.clauses[2] })).status).toBe(400); // not a later version
    const [elsewhere] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM clause WHERE version_id NOT IN ($1, $2) LIMIT 1`, [v1.id, v2.id]);
    expect((await put({ outcome: 'adopted', reason: '已修改', linkedClauseId: elsewhere!.id })).status).toBe(400); // another consultation's
    expect((await put({ outcome: 'maybe', reason: '已修改' })).status).toBe(400);
    expect((await put({ outcome: 'adopted', reason: '' })).status).toBe(400);

    const again = await put({ outcome: 'adopted', reason: '第二稿第3条已改为分档收费。', linkedClauseId: v2.clauses[2] });
    expect(again.status).toBe(200);
    expect(again.body.officialReply).toMatchObject({ outcome: 'adopted', linkedClause: { id: v2.clauses[2], versionNumber: 2, number: 3 } });
    expect(again.body.officialReply!.updatedAt > again.body.officialReply!.repliedAt).toBe(true);
    const trail = (await audit('comment.reply')).filter((e) => e.entityId === clause3Comment.id);
    expect(trail[0]).toMatchObject({
      before: { outcome: 'partly_adopted', linkedClauseId: null },
      after: { outcome: 'adopted', reason: '第二稿第3条已改为分档收费。', linkedClauseId: v2.clauses[2] },
    });
    // The same answer once more changes nothing and tells nobody.
    const answers = async (): Promise<number> =>
      (await inbox(owner)).filter((n) => n.kind === 'comment_replied' && n.params['official'] === true && n.params['commentId'] === clause3Comment.id).length;
    const told = await answers();
    expect((await put({ outcome: 'adopted', reason: '第二稿第3条已改为分档收费。', linkedClauseId: v2.clauses[2] })).status).toBe(200);
    expect((await audit('comment.reply')).filter((e) => e.entityId === clause3Comment.id)).toHaveLength(trail.length);
    expect(await answers()).toBe(told);
    expect(told).toBe(2);

    const r = await report(coOwner);
    expect(reportItem(r, clause3Comment.id)!.reply).toMatchObject({ outcome: 'adopted', linkedClause: { versionNumber: 2, number: 3 } });
    expect(r.totals).toMatchObject({ adopted: 1, partly_adopted: 0 });
    expect((await xlsxRows(coOwner)).find((x) => x[3]?.startsWith('月租三百元'))!.slice(8)).toEqual(['采纳', '第二稿第3条已改为分档收费。', '第2版 第3条']);

    // A comment written against version 1 now asks the writer to read version 2 first.
    const stale = await coOwner.post<ErrorBody>(`/api/consultations/${consultation}/comments`, { body: '旧稿意见', versionId: v1.id });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toMatchObject({ rule: 'current_version', currentVersionNumber: 2 });
    const fresh = await coOwner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { body: '第二稿好多了', clauseId: v2.clauses[2] });
    expect(fresh.body).toMatchObject({ versionNumber: 2, clauseNumber: 3 });
    expect((await coOwner.post<ErrorBody>(`/api/consultations/${consultation}/comments`, { body: '旧条款', clauseId: v1.clauses[2] })).status).toBe(400);
    // Replies to version-1 opinions stay with them.
    expect((await buildingHead.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { parentId: clause3Comment.id, body: '赞成' })).body.versionNumber).toBe(1);
    const byVersion = await report(coOwner);
    expect(byVersion.sections.map((s) => s.versionNumber)).toEqual([...byVersion.sections.map((s) => s.versionNumber)].sort());
    const onlyV2 = (await coOwner.get<AdoptionReportDto>(`/api/consultations/${consultation}/adoption-report?versionId=${v2.id}`)).body;
    expect(onlyV2.sections.map((s) => s.versionNumber)).toEqual([2]);
  });

  it('gives the report a page at a time: the totals of all on each, positions running on, the same opinions as the whole', async () => {
    const url = `/api/consultations/${consultation}/adoption-report`;
    const whole = (await coOwner.get<AdoptionReportDto>(`${url}?limit=500`)).body;
    expect(whole.next).toBeNull();
    expect(whole.totals.total).toBeGreaterThanOrEqual(5);
    const flat = (r: AdoptionReportDto): [string, number, number | null][] => r.sections.flatMap((s) => s.items.map((i): [string, number, number | null] => [i.commentId, i.seq, s.clauseNumber]));
    expect(flat(whole).map(([, seq]) => seq)).toEqual(flat(whole).map((_, i) => i + 1));
    for (const s of whole.sections) expect(s.count).toBe(s.items.length);

    const paged: [string, number, number | null][] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const page: AdoptionReportDto = (await coOwner.get<AdoptionReportDto>(`${url}?offset=${offset}&limit=2`)).body;
      expect(page.totals).toEqual(whole.totals);
      expect(page.sections.flatMap((s) => s.items)).toHaveLength(Math.min(2, whole.totals.total - offset));
      // A section cut by the page still says how many opinions it has in all.
      for (const s of page.sections) expect(s.count).toBe(whole.sections.find((w) => w.versionId === s.versionId && w.clauseId === s.clauseId)!.count);
      paged.push(...flat(page));
      offset = page.next;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(whole.totals.total / 2));
    expect(paged).toEqual(flat(whole));
    // By default a page of 100; past the end, an empty page; nonsense is refused.
    expect((await coOwner.get<AdoptionReportDto>(url)).body.sections.flatMap((s) => s.items)).toHaveLength(Math.min(100, whole.totals.total));
    expect((await coOwner.get<AdoptionReportDto>(`${url}?offset=${whole.totals.total}`)).body).toMatchObject({ sections: [], next: null, totals: whole.totals });
    for (const bad of ['limit=0', 'limit=501', 'offset=-1', 'offset=x']) expect((await coOwner.get(`${url}?${bad}`)).status).toBe(400);
  });

  it('gives a report page kept in the API only while PostgreSQL says nothing it shows has changed', async () => {
    const revision = async (): Promise<string> =>
      (await t.dataSource.query<{ revision: string }[]>(`SELECT revision FROM opinion_revision WHERE consultation_id = $1`, [consultation]))[0]!.revision;
    const item = async (commentId: string): Promise<AdoptionReportDto['sections'][number]['items'][number] | undefined> => reportItem(await report(coOwner), commentId);
    const first = await report(coOwner);
    const { generatedAt: _, ...unchanged } = first;
    const r0 = await revision();
    // Read again at the same revision: the same page (a reply under an opinion is not in the report, and changes nothing).
    expect((await coOwner.post(`/api/consultations/${consultation}/comments`, { parentId: clause3Comment.id, body: '再补充一句。' })).status).toBe(201);
    expect(await revision()).toBe(r0);
    expect(await report(convenor)).toMatchObject(unchanged);

    // A new opinion, its official answer, its hiding, its writer's and its answerer's new names: each shows on the next read.
    const posted = await owner.post<ThreadDto>(`/api/consultations/${consultation}/comments`, { body: '晚上十点后禁止外来车辆进入。' });
    expect(posted.status).toBe(201);
    const opinion = posted.body;
    expect(await item(opinion.id)).toMatchObject({ body: '晚上十点后禁止外来车辆进入。', reply: null });
    expect((await report(coOwner)).totals.total).toBe(first.totals.total + 1);
    expect((await convenor.request('PUT', `/api/comments/${opinion.id}/official-reply`, { outcome: 'noted', reason: '已转物业研究。' })).status).toBe(200);
    expect(await item(opinion.id)).toMatchObject({ reply: { outcome: 'noted', reason: '已转物业研究。' } });
    const names = await t.dataSource.query<{ id: string; phone: string; display_name: string }[]>(
      `SELECT id, phone, display_name FROM app_user WHERE phone IN ('13800000012', '13800000006') ORDER BY phone DESC`,
    );
    try {
      await t.dataSource.query(`UPDATE app_user SET display_name = display_name || '（改名）' WHERE phone IN ('13800000012', '13800000006')`);
      expect(await item(opinion.id)).toMatchObject({
        authorName: `${names[0]!.display_name}（改名）`,
        reply: { repliedByName: `${names[1]!.display_name}（改名）` },
      });
    } finally {
      for (const n of names) await t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [n.id, n.display_name]);
    }
    expect(await item(opinion.id)).toMatchObject({ authorName: names[0]!.display_name });
    expect((await convenor.post(`/api/comments/${opinion.id}/hide`, { reason: '与本条无关' })).status).toBe(200);
    expect(await item(opinion.id)).toMatchObject({ hidden: true, body: null, hiddenReason: '与本条无关' });

    // The revision is renewed when the change commits, not before: inside the writing transaction it still reads as it was.
    const [author] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000012'`);
    const insertOpinion = `INSERT INTO comment (consultation_id, version_id, clause_id, author_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`;
    const before = await revision();
    await twoWriters(async (a, b) => {
      await a.query('BEGIN');
      await a.query(insertOpinion, [consultation, v1.id, v1.clauses[0], author!.id, '甲：第一条']);
      expect((await a.query<{ revision: string }>(`SELECT revision FROM opinion_revision WHERE consultation_id = $1`, [consultation])).rows[0]!.revision).toBe(before);
      // A writer at a second place meanwhile, then the first writer at that place too. Were the revision's row
      // taken at each change, the second writer would wait for the first (and give up after its lock timeout), then
      // each hold what the other waits for; taken at commit, neither waits for the revision and both land.
      await b.query('BEGIN');
      await b.query(`SET LOCAL lock_timeout = '3s'`);
      await b.query(insertOpinion, [consultation, v1.id, v1.clauses[1], author!.id, '乙：第二条']);
      const waiting = a.query(insertOpinion, [consultation, v1.id, v1.clauses[1], author!.id, '甲：第二条']);
      await b.query('COMMIT');
      await waiting;
      await a.query('COMMIT');
    });
    expect(await revision()).not.toBe(before);
    expect((await report(coOwner)).totals.total).toBe(first.totals.total + 4);
  });

  it('limits each person to 10 comments in 10 minutes, with Retry-After', async () => {
    const tenant = await HttpSession.signedIn(t.baseUrl, '13800000014', DEMO_PASSWORD);
    let accepted = 0;
    let refused: { status: number; body: ErrorBody; headers: Headers } | null = null;
    // Fixed windows: should one end during the loop, the count restarts once, so 21 attempts always meet the limit.
    for (let i = 0; i < 21 && !refused; i += 1) {
      const res = await tenant.post<ErrorBody>(`/api/consultations/${consultation}/comments`, { body: `第${i + 1}条意见` });
      if (res.status === 201) accepted += 1;
      else refused = res;
    }
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(refused).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Others are not held back.
    expect((await buildingHead.post(`/api/consultations/${consultation}/comments`, { body: '楼长意见' })).status).toBe(201);
  });

  it('keeps each place’s opinion figures in PostgreSQL equal to a count of the opinions, after every kind of change and with two writers at once', async () => {
    const outcomes = ['adopted', 'partly_adopted', 'not_adopted', 'noted'];
    const counted = `SELECT c.version_id, coalesce(c.clause_id, c.version_id) AS place_id, c.consultation_id, c.clause_id,
                            count(*) FILTER (WHERE c.parent_id IS NULL)::int AS opinions, count(*) FILTER (WHERE c.parent_id IS NOT NULL)::int AS replies,
                            ${outcomes.map((o) => `count(*) FILTER (WHERE c.parent_id IS NULL AND r.outcome = '${o}')::int AS ${o}`).join(', ')},
                            count(*) FILTER (WHERE c.parent_id IS NULL AND c.channel <> 'online')::int AS offline
                       FROM comment c LEFT JOIN official_reply r ON r.comment_id = c.id
                      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2`;
    const kept = `SELECT version_id, place_id, consultation_id, clause_id, opinions, replies, ${outcomes.join(', ')}, offline
                    FROM opinion_place_figures WHERE opinions > 0 OR replies > 0 ORDER BY 1, 2`;
    const agree = async (): Promise<void> => expect(await t.dataSource.query(kept)).toEqual(await t.dataSource.query(counted));
    const none = Object.fromEntries(['opinions', 'replies', ...outcomes, 'offline'].map((k) => [k, 0]));
    const place = async (clauseId: string): Promise<Record<string, number>> =>
      (await t.dataSource.query<Record<string, number>[]>(`SELECT opinions, replies, ${outcomes.join(', ')}, offline FROM opinion_place_figures WHERE place_id = $1`, [clauseId]))[0] ?? none;
    await agree(); // after everything the tests above did through the API

    const [author] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000012'`);
    const [replier] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000006'`);
    const insertOpinion = `INSERT INTO comment (consultation_id, version_id, clause_id, author_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`;
    const before = await place(v1.clauses[0]!);
    // Two transactions add an opinion to the same place at once: the second waits for the first's row, and both land.
    await twoWriters(async (a, b) => {
      await a.query('BEGIN');
      await b.query('BEGIN');
      const first = await a.query<{ id: string }>(insertOpinion, [consultation, v1.id, v1.clauses[0], author!.id, '甲：车位先租给本楼业主']);
      const waiting = b.query<{ id: string }>(insertOpinion, [consultation, v1.id, v1.clauses[0], author!.id, '乙：车位先租给老人家']);
      await a.query('COMMIT');
      const second = await waiting;
      await b.query('COMMIT');
      expect(await place(v1.clauses[0]!)).toMatchObject({ opinions: before['opinions']! + 2 });
      await agree();

      const opinion = first.rows[0]!.id;
      const answer = (outcome: string): Promise<unknown> =>
        t.dataSource.query(
          `INSERT INTO official_reply (comment_id, outcome, reason, replied_by) VALUES ($1, $2, '答复', $3)
           ON CONFLICT (comment_id) DO UPDATE SET outcome = EXCLUDED.outcome, updated_at = now()`,
          [opinion, outcome, replier!.id],
        );
      await answer('adopted');
      expect(await place(v1.clauses[0]!)).toMatchObject({ adopted: before['adopted']! + 1 });
      await answer('not_adopted'); // the answer changed
      expect(await place(v1.clauses[0]!)).toMatchObject({ adopted: before['adopted']!, not_adopted: before['not_adopted']! + 1 });
      await agree();
      // What Yishi itself never does, counted all the same: an answered opinion moved to another clause and
      // back, made a reply to another opinion and an opinion again, its answer withdrawn, then the opinion
      // deleted with its answer.
      await t.dataSource.query(`UPDATE comment SET clause_id = $2 WHERE id = $1`, [opinion, v1.clauses[1]]);
      await agree();
      await t.dataSource.query(`UPDATE comment SET clause_id = $2 WHERE id = $1`, [opinion, v1.clauses[0]]);
      await t.dataSource.query(`UPDATE comment SET parent_id = $2 WHERE id = $1`, [opinion, second.rows[0]!.id]);
      await agree();
      await t.dataSource.query(`UPDATE comment SET parent_id = NULL WHERE id = $1`, [opinion]);
      await t.dataSource.query(`DELETE FROM official_reply WHERE comment_id = $1`, [opinion]);
      await agree();
      await answer('noted');
      await t.dataSource.query(`DELETE FROM comment WHERE id = $1`, [opinion]);
      await agree();
      await t.dataSource.query(`DELETE FROM comment WHERE id = $1`, [second.rows[0]!.id]);
      expect(await place(v1.clauses[0]!)).toEqual(before);
      await agree();
    });
  });

  it('names a clause an answer links to as the draft reads it now: a published one never changes, one still drafted may', async () => {
    // Yishi links answers to published clauses only; an answer linked in the database to a clause of
    // a version still being drafted (which PostgreSQL allows) is named as that draft reads at the time.
    const [user] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000006'`);
    const [v3] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO draft_version (consultation_id, number, title, created_by) VALUES ($1, 3, '第三稿', $2) RETURNING id`,
      [consultation, user!.id],
    );
    const [clause] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO clause (version_id, number, body) VALUES ($1, 3, '月租车位费分三档。') RETURNING id`, [v3!.id]);
    const refused = await convenor.request<ErrorBody>('PUT', `/api/comments/${clause3Comment.id}/official-reply`, { outcome: 'adopted', reason: '见第三稿第3条。', linkedClauseId: clause!.id });
    expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    await t.dataSource.query(`UPDATE official_reply SET linked_clause_id = $2 WHERE comment_id = $1`, [clause3Comment.id, clause!.id]);
    const linked = async (): Promise<unknown> => reportItem(await report(coOwner), clause3Comment.id)!.reply!.linkedClause;
    expect(await linked()).toMatchObject({ versionNumber: 3, number: 3, heading: null });
    // The drafter gives the clause a heading and renumbers it: the report follows.
    await t.dataSource.query(`UPDATE clause SET heading = '车位收费', number = 4 WHERE id = $1`, [clause!.id]);
    expect(await linked()).toMatchObject({ versionNumber: 3, number: 4, heading: '车位收费' });
    expect((await comments(coOwner, `?clauseId=${v1.clauses[2]}`)).body.items.find((c) => c.id === clause3Comment.id)!.officialReply!.linkedClause).toMatchObject({
      number: 4,
      heading: '车位收费',
    });
    // Once published it never changes again (PostgreSQL refuses), and reads the same on every page.
    await t.dataSource.query(`UPDATE draft_version SET published_at = now(), published_by = $2 WHERE id = $1`, [v3!.id, user!.id]);
    expect(await linked()).toMatchObject({ versionNumber: 3, number: 4, heading: '车位收费' });
    await expect(t.dataSource.query(`UPDATE clause SET heading = '改了' WHERE id = $1`, [clause!.id])).rejects.toMatchObject({ code: '23514' });
    await expect(t.dataSource.query(`DELETE FROM draft_version WHERE id = $1`, [v3!.id])).rejects.toMatchObject({ code: '23514' });
    expect(await linked()).toMatchObject({ versionNumber: 3, number: 4, heading: '车位收费' });
  });
});
