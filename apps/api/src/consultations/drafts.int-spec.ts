import { CSRF_HEADER, LIMITS } from '@yishi/contracts';
import type { ErrorBody } from '@yishi/contracts';
import type { ApiResponse } from '../../test/http-session';
import { HttpSession } from '../../test/http-session';
import { cookieOf, download } from '../../test/rolls';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { AuditPageDto } from '../audit/audit.controller';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { ConsultationDetailDto } from './dto/consultation.dto';
import type { ClauseInputDto, VersionAttachmentDto, VersionDiffDto, VersionDto, VersionSummaryDto } from './dto/drafts.dto';

/** A PDF as small as a PDF can be (the storage checks the first bytes, not the name). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

const V1_CLAUSES = [
  { heading: '总则', body: '为改善御水岸小区人居环境，根据有关法律法规，制定本公约。' },
  { heading: null, body: '本公约适用于御水岸小区全体业主、住户和物业服务人。' },
  { heading: '垃圾分类', body: '生活垃圾每月清运两次，由业委会负责监督。' },
  { heading: '车辆停放', body: '车辆停放在指定区域，不得占用消防通道。' },
  { heading: '附则', body: '本公约自业主大会通过之日起施行。' },
];

describe('drafts: versions by clause, publishing, diff, attachments', () => {
  let t: TestApp;
  let unit: string;
  let convenor: HttpSession;
  let resident: HttpSession;
  let outsider: HttpSession;
  let staff: HttpSession;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`);
    unit = row!.id;
    convenor = await HttpSession.signedIn(t.baseUrl, '13800000006', DEMO_PASSWORD);
    resident = await HttpSession.signedIn(t.baseUrl, '13800000012', DEMO_PASSWORD);
    outsider = await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    staff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const open = async (title: string): Promise<string> => {
    const res = await convenor.post<ConsultationDetailDto>(`/api/nodes/${unit}/consultations`, { title, ruleSet: 'cc278-ordinary' });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const base = (id: string): string => `/api/consultations/${id}/versions`;
  const put = (session: HttpSession, id: string, number: number, body: unknown): Promise<ApiResponse<VersionDto & ErrorBody>> =>
    session.request<VersionDto & ErrorBody>('PUT', `${base(id)}/${number}`, body);
  const attach = async (session: HttpSession, path: string, file: { name: string; bytes: Buffer; type?: string } | null, title?: string): Promise<ApiResponse<VersionAttachmentDto & ErrorBody>> => {
    const form = new FormData();
    if (title !== undefined) form.append('title', title);
    if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const res = await fetch(`${session.baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie: cookieOf(session), [CSRF_HEADER]: session.csrfToken ?? '', accept: 'application/json' },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as VersionAttachmentDto & ErrorBody, headers: res.headers };
  };
  /** A consultation with version 1 (the five clauses) published, open for comments. */
  const openWithV1 = async (title: string): Promise<{ id: string; v1: VersionDto }> => {
    const id = await open(title);
    expect((await convenor.post(base(id))).status).toBe(201);
    expect((await put(convenor, id, 1, { title: `${title}（草案）`, clauses: V1_CLAUSES })).status).toBe(200);
    const v1 = await convenor.post<VersionDto>(`${base(id)}/1/publish`);
    expect(v1.status).toBe(200);
    expect((await convenor.post(`/api/consultations/${id}/phase`, { to: 'comment' })).status).toBe(200);
    return { id, v1: v1.body };
  };
  const asClauseInputs = (v: VersionDto): ClauseInputDto[] =>
    v.clauses.map((c) => ({ id: c.id, heading: c.heading, body: c.body, previousClauseId: c.previousClauseId, changeReason: c.changeReason }));

  it('lives a draft: version 1 of five clauses, published; version 2 edits, removes, adds and renumbers; the diff says so; version 1 stays as it was', async () => {
    const id = await open('人居环境整治长效管理机制自治公约');

    // Version 1 starts empty, under the consultation's title.
    const created = await convenor.post<VersionDto>(base(id));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, title: '人居环境整治长效管理机制自治公约', preamble: '', changeNote: null, published: false, editable: true, clauses: [] });

    const edited = await put(convenor, id, 1, {
      title: '  人居环境整治长效管理机制自治公约（草案）  ',
      preamble: '经业主委员会提议，\r\n现征求全体业主意见。',
      clauses: V1_CLAUSES,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('人居环境整治长效管理机制自治公约（草案）');
    expect(edited.body.preamble).toBe('经业主委员会提议，\n现征求全体业主意见。');
    expect(edited.body.clauses.map((c) => [c.number, c.heading, c.body, c.previousClauseId])).toEqual(V1_CLAUSES.map((c, i) => [i + 1, c.heading, c.body, null]));

    const published = await convenor.post<VersionDto>(`${base(id)}/1/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ number: 1, published: true, editable: false });
    expect(published.body.publishedAt).not.toBeNull();
    expect((await convenor.post(`/api/consultations/${id}/phase`, { to: 'comment' })).status).toBe(200);
    const v1Before = (await resident.get<VersionDto>(`${base(id)}/1`)).body;
    expect(v1Before.clauses).toHaveLength(5);

    // Version 2 starts as a copy whose clauses continue those of version 1.
    const v2 = await convenor.post<VersionDto>(base(id));
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ number: 2, title: '人居环境整治长效管理机制自治公约（草案）', preamble: '经业主委员会提议，\n现征求全体业主意见。', published: false });
    expect(v2.body.clauses.map((c) => [c.number, c.previousNumber, c.previousClauseId, c.body])).toEqual(v1Before.clauses.map((c) => [c.number, c.number, c.id, c.body]));
    expect(v2.body.clauses.map((c) => c.id)).not.toContain(v1Before.clauses[0]!.id);

    // Residents see the published version only.
    expect((await resident.get<VersionSummaryDto[]>(base(id))).body.map((v) => [v.number, v.published, v.clauseCount])).toEqual([[1, true, 5]]);
    expect((await convenor.get<VersionSummaryDto[]>(base(id))).body.map((v) => [v.number, v.published])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect((await resident.get<ErrorBody>(`${base(id)}/2`)).status).toBe(404);
    expect((await resident.get<ErrorBody>(`${base(id)}/2/diff`)).status).toBe(404);

    // Clause 3 changes, a new clause goes in as 3 (so 3 and 4 move down), clause 5 goes.
    const [c1, c2, c3, c4] = v2.body.clauses;
    const revised = await put(convenor, id, 2, {
      title: '人居环境整治长效管理机制自治公约（修订稿）',
      preamble: v2.body.preamble,
      changeNote: '采纳宣讲会上的意见：提高垃圾清运频次，增设监督小组；施行条款并入业主大会决议。',
      clauses: [
        { id: c1!.id, heading: c1!.heading, body: c1!.body, previousClauseId: c1!.previousClauseId },
        { id: c2!.id, heading: c2!.heading, body: c2!.body, previousClauseId: c2!.previousClauseId },
        { heading: '监督', body: '小区设立环境监督小组，由业主代表五人组成。', changeReason: '多位业主建议设立监督小组' },
        { id: c3!.id, heading: '垃圾分类', body: '生活垃圾每周清运一次，由物业公司负责监督。', previousClauseId: c3!.previousClauseId, changeReason: '采纳意见：每月两次不够' },
        { id: c4!.id, heading: c4!.heading, body: c4!.body, previousClauseId: c4!.previousClauseId },
      ],
    });
    expect(revised.status).toBe(200);
    expect(revised.body.clauses.map((c) => [c.number, c.previousNumber])).toEqual([
      [1, 1],
      [2, 2],
      [3, null],
      [4, 3],
      [5, 4],
    ]);
    expect(revised.body.clauses[3]!.id).toBe(c3!.id);

    // The editing version's diff is there for the convenor before it is published.
    expect((await convenor.get<VersionDiffDto>(`${base(id)}/2/diff`)).status).toBe(200);
    expect((await convenor.post<VersionDto>(`${base(id)}/2/publish`)).status).toBe(200);

    const diff = await resident.get<VersionDiffDto>(`${base(id)}/2/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      number: 2,
      previousNumber: 1,
      title: '人居环境整治长效管理机制自治公约（修订稿）',
      previousTitle: '人居环境整治长效管理机制自治公约（草案）',
      changeNote: '采纳宣讲会上的意见：提高垃圾清运频次，增设监督小组；施行条款并入业主大会决议。',
      preambleDiff: null,
      counts: { unchanged: 3, changed: 1, added: 1, removed: 1, renumbered: 2 },
    });
    expect(diff.body.clauses.map((c) => [c.status, c.previousNumber, c.number, c.renumbered])).toEqual([
      ['unchanged', 1, 1, false],
      ['unchanged', 2, 2, false],
      ['added', null, 3, false],
      ['changed', 3, 4, true],
      ['unchanged', 4, 5, true],
      ['removed', 5, null, false],
    ]);
    const changed = diff.body.clauses[3]!;
    expect(changed.changeReason).toBe('采纳意见：每月两次不够');
    expect(changed.headingDiff).toEqual([{ op: 'equal', text: '垃圾分类' }]);
    expect(changed.bodyDiff).toEqual([
      { op: 'equal', text: '生活垃圾每' },
      { op: 'delete', text: '月' },
      { op: 'insert', text: '周' },
      { op: 'equal', text: '清运' },
      { op: 'delete', text: '两' },
      { op: 'insert', text: '一' },
      { op: 'equal', text: '次，由' },
      { op: 'delete', text: '业委会' },
      { op: 'insert', text: '物业公司' },
      { op: 'equal', text: '负责监督。' },
    ]);
    expect(diff.body.clauses[2]).toMatchObject({ heading: '监督', changeReason: '多位业主建议设立监督小组' });
    expect(diff.body.clauses[5]).toMatchObject({ heading: '附则', body: '本公约自业主大会通过之日起施行。' });

    // Version 1 reads exactly as before; its own diff shows every clause as added.
    expect((await resident.get<VersionDto>(`${base(id)}/1`)).body).toEqual(v1Before);
    expect((await resident.get<VersionDiffDto>(`${base(id)}/1/diff`)).body).toMatchObject({ previousNumber: null, counts: { added: 5, removed: 0 } });
    expect((await resident.get<VersionSummaryDto[]>(base(id))).body.map((v) => [v.number, v.clauseCount])).toEqual([
      [1, 5],
      [2, 5],
    ]);
    expect((await resident.get<ConsultationDetailDto>(`/api/consultations/${id}`)).body.currentVersion).toBe(2);

    // Every step is in the audit trail.
    const audit = await staff.get<AuditPageDto>(`/api/nodes/${unit}/audit`);
    const drafts = audit.body.entries.filter((e) => e.action.startsWith('draft.') && e.after?.['consultationId'] === id);
    expect(drafts.map((e) => `${e.action}:${String(e.after?.['number'])}`).reverse()).toEqual([
      'draft.create:1',
      'draft.update:1',
      'draft.publish:1',
      'draft.create:2',
      'draft.update:2',
      'draft.publish:2',
    ]);
  });

  it('refuses to change a published version, at the API (409 version_published) and in the database', async () => {
    const { id, v1 } = await openWithV1('停车位管理办法');
    const edit = await put(convenor, id, 1, { title: '改过的标题', clauses: V1_CLAUSES });
    expect([edit.status, edit.body.code, edit.body.details]).toEqual([409, 'CONFLICT', { reason: 'version_published', number: 1 }]);
    const again = await convenor.post<ErrorBody>(`${base(id)}/1/publish`);
    expect([again.status, again.body.details?.['reason']]).toEqual([409, 'version_published']);
    const attached = await attach(convenor, `${base(id)}/1/attachments`, { name: 'plan.pdf', bytes: PDF }, '规划图');
    expect([attached.status, attached.body.details?.['reason']]).toEqual([409, 'version_published']);

    const refusals = [
      [`UPDATE clause SET body = '偷改' WHERE version_id = $1`, 'clause_published_frozen'],
      [`DELETE FROM clause WHERE version_id = $1`, 'clause_published_frozen'],
      [`INSERT INTO clause (version_id, number, body) VALUES ($1, 99, '偷加')`, 'clause_published_frozen'],
      [`UPDATE draft_version SET title = '偷改' WHERE id = $1`, 'draft_version_published_frozen'],
      [`UPDATE draft_version SET published_at = NULL, published_by = NULL WHERE id = $1`, 'draft_version_published_frozen'],
      [`DELETE FROM draft_version WHERE id = $1`, 'draft_version_published_frozen'],
      // Nothing of a published version changes, not even what the page shows beside its text.
      [`UPDATE draft_version SET created_at = created_at - interval '1 day' WHERE id = $1`, 'draft_version_published_frozen'],
    ] as const;
    for (const [sql, constraint] of refusals) {
      await expect(t.dataSource.query(sql, [v1.id])).rejects.toMatchObject({ driverError: { constraint } });
    }
    expect((await resident.get<VersionDto>(`${base(id)}/1`)).body.clauses.map((c) => c.body)).toEqual(V1_CLAUSES.map((c) => c.body));
  });

  it('reads the version being edited as last saved, and a published one the same to every reader it is for', async () => {
    const { id } = await openWithV1('充电桩收费办法');
    const started = await convenor.post<VersionDto>(base(id));
    expect(started.status).toBe(201);
    expect((await convenor.get<VersionDto>(`${base(id)}/2`)).body.title).toBe(started.body.title);
    expect((await put(convenor, id, 2, { title: '第二稿', changeNote: '改标题', clauses: asClauseInputs(started.body) })).status).toBe(200);
    expect((await convenor.get<VersionDto>(`${base(id)}/2`)).body).toMatchObject({ title: '第二稿', editable: true, published: false });
    expect((await resident.get<ErrorBody>(`${base(id)}/2`)).status).toBe(404);
    const published = await convenor.post<VersionDto>(`${base(id)}/2/publish`);
    for (const reader of [resident, convenor, resident]) {
      expect((await reader.get<VersionDto>(`${base(id)}/2`)).body).toEqual({ ...published.body, title: '第二稿', editable: false, published: true });
    }
    expect((await outsider.get<ErrorBody>(`${base(id)}/2`)).status).toBe(404);
  });

  it('edits one version at a time, and only until voting opens', async () => {
    const { id } = await openWithV1('电动车充电桩设置方案');
    expect((await convenor.post(base(id))).status).toBe(201);
    const second = await convenor.post<ErrorBody>(base(id));
    expect([second.status, second.body.details]).toEqual([409, { reason: 'version_editing', number: 2 }]);
    expect((await convenor.post(`/api/consultations/${id}/phase`, { to: 'voting' })).status).toBe(200);
    const late = await put(convenor, id, 2, { title: '表决中不得修改', clauses: V1_CLAUSES });
    expect([late.status, late.body.details?.['reason']]).toEqual([409, 'drafting_closed']);
    expect((await convenor.get<VersionDto>(`${base(id)}/2`)).body.editable).toBe(false);
    // Back to revision, with a reason, and the draft can change again.
    expect((await convenor.post(`/api/consultations/${id}/phase`, { to: 'revision', reason: '表决前发现条款笔误' })).status).toBe(200);
    expect((await put(convenor, id, 2, { title: '修订稿', clauses: V1_CLAUSES })).status).toBe(200);
  });

  it('checks what is written: plain text within limits, clauses that continue the previous version once, and a change note before publishing a revision', async () => {
    const { id, v1 } = await openWithV1('公共收益使用办法');
    const v2 = (await convenor.post<VersionDto>(base(id))).body;
    const fieldsOf = (res: ApiResponse<ErrorBody>): string[] => ((res.body.details?.['fields'] ?? []) as { field: string }[]).map((f) => f.field);
    const bad = async (body: unknown, field: string): Promise<void> => {
      const res = await put(convenor, id, 2, body);
      expect([res.status, res.body.code, fieldsOf(res)]).toEqual([400, 'VALIDATION_FAILED', [field]]);
    };
    const ok = { title: '公共收益使用办法（修订稿）', clauses: [{ body: '第一条' }] };
    await bad({ ...ok, clauses: [{ body: '含有\u0007控制字符' }] }, 'clauses.0.body');
    await bad({ ...ok, clauses: [{ body: '从右到左\u202e覆盖' }] }, 'clauses.0.body');
    await bad({ ...ok, clauses: [{ body: '   ' }] }, 'clauses.0.body');
    await bad({ ...ok, clauses: [{ body: '正文', heading: '两行\n标题' }] }, 'clauses.0.heading');
    await bad({ ...ok, clauses: [{ body: '正文' }, { body: '长'.repeat(LIMITS.clauseBody + 1) }] }, 'clauses.1.body');
    await bad({ ...ok, clauses: Array.from({ length: LIMITS.clausesPerVersion + 1 }, () => ({ body: '条款' })) }, 'clauses');
    await bad({ ...ok, title: ' ' }, 'title');
    await bad({ ...ok, clauses: [{ body: '正文', script: '<b>' }] }, 'clauses.0.script');
    // Continuity: only clauses of version 1, each at most once; ids only of this version's clauses.
    await bad({ ...ok, clauses: [{ body: '正文', previousClauseId: v2.clauses[0]!.id }] }, 'clauses.0.previousClauseId');
    await bad(
      { ...ok, clauses: [{ body: '甲', previousClauseId: v1.clauses[0]!.id }, { body: '乙', previousClauseId: v1.clauses[0]!.id }] },
      'clauses.1.previousClauseId',
    );
    await bad({ ...ok, clauses: [{ id: v1.clauses[0]!.id, body: '正文' }] }, 'clauses.0.id');
    await bad({ ...ok, clauses: [{ id: v2.clauses[0]!.id, body: '甲' }, { id: v2.clauses[0]!.id, body: '乙' }] }, 'clauses.1.id');
    const first = await open('新开的议事');
    await convenor.post(base(first));
    const firstBad = await put(convenor, first, 1, { ...ok, clauses: [{ body: '正文', previousClauseId: v1.clauses[0]!.id }] });
    expect(fieldsOf(firstBad)).toEqual(['clauses.0.previousClauseId']);
    // Nothing of the refused edits was kept.
    expect((await convenor.get<VersionDto>(`${base(id)}/2`)).body.clauses).toEqual(v2.clauses);

    // Text is stored as written, markup and all, to be shown as text.
    const markup = await put(convenor, id, 2, { ...ok, clauses: [{ body: '<script>alert(1)</script> 与 & 符号' }] });
    expect(markup.body.clauses[0]!.body).toBe('<script>alert(1)</script> 与 & 符号');

    // Publishing: an empty version, or a revision without a change note, is refused.
    await put(convenor, id, 2, { ...ok, clauses: [] });
    const empty = await convenor.post<ErrorBody>(`${base(id)}/2/publish`);
    expect([empty.status, fieldsOf(empty)]).toEqual([400, ['clauses']]);
    await put(convenor, id, 2, { ...ok, changeNote: '   ' });
    const noNote = await convenor.post<ErrorBody>(`${base(id)}/2/publish`);
    expect([noNote.status, fieldsOf(noNote)]).toEqual([400, ['changeNote']]);
    expect((await convenor.get<VersionDto>(`${base(id)}/2`)).body.changeNote).toBeNull();
    // A version number that names nothing is simply not found.
    for (const n of ['3', '0', '-1', 'abc', '99999999999']) {
      expect((await convenor.get<ErrorBody>(`${base(id)}/${n}`)).status).toBe(404);
    }
  });

  it('keeps a clause under its id through edits, so an official reply linked to it holds; removing such a clause is refused', async () => {
    const { id, v1 } = await openWithV1('楼道堆物清理办法');
    const v2 = (await convenor.post<VersionDto>(base(id))).body;
    const [author] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000012'`);
    const [convenorRow] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000006'`);
    const [comment] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO comment (consultation_id, version_id, clause_id, author_id, body) VALUES ($1, $2, $3, $4, '清运太少') RETURNING id`,
      [id, v1.id, v1.clauses[2]!.id, author!.id],
    );
    await t.dataSource.query(`INSERT INTO official_reply (comment_id, outcome, reason, linked_clause_id, replied_by) VALUES ($1, 'adopted', '已改为每周一次', $2, $3)`, [
      comment!.id,
      v2.clauses[2]!.id,
      convenorRow!.id,
    ]);
    const inputs = asClauseInputs(v2);
    const withoutThree = await put(convenor, id, 2, { title: v2.title, clauses: inputs.filter((_, i) => i !== 2) });
    expect([withoutThree.status, withoutThree.body.details]).toEqual([409, { reason: 'clause_linked', numbers: [3] }]);
    const moved = await put(convenor, id, 2, {
      title: v2.title,
      clauses: [{ body: '新的第一条' }, ...inputs.map((c, i) => (i === 2 ? { ...c, body: '生活垃圾每周清运一次。', changeReason: '采纳意见' } : c))],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.clauses[3]).toMatchObject({ id: v2.clauses[2]!.id, number: 4, previousNumber: 3, body: '生活垃圾每周清运一次。' });
  });

  it('shows a consultation’s draft to its residents only, and lets only those who run it write', async () => {
    const { id } = await openWithV1('小区绿化改造方案');
    const other = await HttpSession.signedIn(t.baseUrl, '13800000005', DEMO_PASSWORD); // convenor of 南村经济社
    for (const session of [outsider, other]) {
      expect((await session.get<ErrorBody>(base(id))).status).toBe(404);
      expect((await session.get<ErrorBody>(`${base(id)}/1`)).status).toBe(404);
      expect((await session.get<ErrorBody>(`${base(id)}/1/diff`)).status).toBe(404);
      expect((await session.post<ErrorBody>(base(id))).status).toBe(404);
      expect((await put(session, id, 1, { title: '外人', clauses: [] })).status).toBe(404);
    }
    // Residents and building heads of the compound read, but do not write.
    const head = await HttpSession.signedIn(t.baseUrl, '13800000007', DEMO_PASSWORD);
    for (const session of [resident, head]) {
      expect((await session.get<VersionDto>(`${base(id)}/1`)).status).toBe(200);
      const create = await session.post<ErrorBody>(base(id));
      expect([create.status, create.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    // A consultation still in its draft phase is hidden from residents altogether.
    const hidden = await open('尚未公开的议事');
    await convenor.post(base(hidden));
    expect((await resident.get<ErrorBody>(base(hidden))).status).toBe(404);
    expect((await staff.get<VersionSummaryDto[]>(base(hidden))).body).toHaveLength(1);
  });

  it('attaches PDFs and photos to the version being edited, checked by their bytes, readable with the version', async () => {
    const { id } = await openWithV1('南门改造方案');
    const v2 = (await convenor.post<VersionDto>(base(id))).body;
    const path = `${base(id)}/2/attachments`;

    const pdf = await attach(convenor, path, { name: '改造平面图.pdf', bytes: PDF, type: 'application/pdf' }, ' 改造平面图 ');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ title: '改造平面图', mime: 'application/pdf', sizeBytes: PDF.length, originalName: '改造平面图.pdf', url: `${path}/${pdf.body.fileId}` });
    const photo = await attach(convenor, path, { name: 'site.png', bytes: PNG }, '现场照片');
    expect([photo.status, photo.body.mime]).toEqual([201, 'image/png']);

    // A text file named .pdf, a file over the limit, no title, no file: refused.
    const fake = await attach(convenor, path, { name: 'fake.pdf', bytes: Buffer.from('这不是PDF文件'), type: 'application/pdf' }, '伪装的文件');
    expect([fake.status, fake.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const huge = await attach(convenor, path, { name: 'huge.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(LIMITS.fileBytes)]) }, '太大');
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const untitled = await attach(convenor, path, { name: 'plan.pdf', bytes: PDF });
    expect([untitled.status, untitled.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const blank = await attach(convenor, path, { name: 'plan.pdf', bytes: PDF }, '   ');
    expect([blank.status, blank.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const nothing = await attach(convenor, path, null, '没有文件');
    expect([nothing.status, nothing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // Residents may not attach.
    expect((await attach(resident, path, { name: 'plan.pdf', bytes: PDF }, '居民上传')).status).toBe(403);

    // Before publication only those who run it can download; after, anyone who reads the version.
    const file = `${path}/${pdf.body.fileId}`;
    const early = await download(convenor, file);
    expect([early.status, early.headers.get('content-type'), early.bytes.equals(PDF)]).toEqual([200, 'application/pdf', true]);
    expect((await download(resident, file)).status).toBe(404);

    const removed = await convenor.request('DELETE', `${path}/${photo.body.fileId}`);
    expect(removed.status).toBe(204);
    expect((await download(convenor, `${path}/${photo.body.fileId}`)).status).toBe(404);
    expect((await convenor.request('DELETE', `${path}/${photo.body.fileId}`)).status).toBe(404);

    expect((await put(convenor, id, 2, { title: v2.title, changeNote: '附上改造平面图', clauses: asClauseInputs(v2) })).status).toBe(200);
    const published = await convenor.post<VersionDto>(`${base(id)}/2/publish`);
    expect(published.body.attachments.map((a) => a.title)).toEqual(['改造平面图']);
    const seen = await download(resident, file);
    expect([seen.status, seen.headers.get('content-type'), seen.bytes.equals(PDF)]).toEqual([200, 'application/pdf', true]);
    expect(seen.headers.get('content-disposition')).toContain('inline');
    expect((await download(outsider, file)).status).toBe(404);
    // The same file is not an attachment of version 1.
    expect((await download(resident, `${base(id)}/1/attachments/${pdf.body.fileId}`)).status).toBe(404);

    // Published: no more attachments, none taken off.
    expect((await attach(convenor, `${base(id)}/2/attachments`, { name: 'more.pdf', bytes: PDF }, '补充')).body.details?.['reason']).toBe('version_published');
    const detach = await convenor.request<ErrorBody>('DELETE', file);
    expect([detach.status, detach.body.details?.['reason']]).toEqual([409, 'version_published']);
    await expect(t.dataSource.query(`DELETE FROM version_attachment WHERE version_id = $1`, [published.body.id])).rejects.toMatchObject({
      driverError: { constraint: 'version_attachment_published_frozen' },
    });
    // What describes a stored file (shown with the attachment) never changes; where its bytes are kept may.
    await expect(t.dataSource.query(`UPDATE stored_file SET original_name = '偷改.pdf' WHERE id = $1`, [pdf.body.fileId])).rejects.toMatchObject({
      driverError: { constraint: 'stored_file_described_once' },
    });
    await t.dataSource.query(`UPDATE stored_file SET storage_key = storage_key WHERE id = $1`, [pdf.body.fileId]);
    expect((await resident.get<VersionDto>(`${base(id)}/2`)).body.attachments.map((a) => [a.title, a.originalName, a.sizeBytes])).toEqual([['改造平面图', '改造平面图.pdf', PDF.length]]);

    // The next version carries the attachments over; at most ten per version.
    const v3 = await convenor.post<VersionDto>(base(id));
    expect(v3.body.attachments.map((a) => [a.title, a.fileId, a.url])).toEqual([['改造平面图', pdf.body.fileId, `${base(id)}/3/attachments/${pdf.body.fileId}`]]);
    for (let i = 2; i <= 10; i += 1) expect((await attach(convenor, `${base(id)}/3/attachments`, { name: `p${i}.png`, bytes: PNG }, `照片${i}`)).status).toBe(201);
    const eleventh = await attach(convenor, `${base(id)}/3/attachments`, { name: 'p11.png', bytes: PNG }, '照片11');
    expect([eleventh.status, eleventh.body.details]).toEqual([409, { reason: 'attachment_limit', max: 10 }]);
    expect((await convenor.get<VersionSummaryDto[]>(base(id))).body.map((v) => v.attachmentCount)).toEqual([0, 1, 10]);
  });
});
