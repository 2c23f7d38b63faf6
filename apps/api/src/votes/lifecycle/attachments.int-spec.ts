/**
 * The documents a vote is about: the convenor uploads the quote, announces the vote with it, and
 * from then on every owner opens the same bytes (with their SHA-256); nobody can add, swap or take
 * one away afterwards — not through the API, not in the database. Another compound's people do not
 * see them; someone else's upload cannot be announced.
 */
import { createHash } from 'node:crypto';
import type { ErrorBody } from '@yishi/contracts';
import { CSRF_HEADER } from '@yishi/contracts';
import type { HttpSession } from '../../../test/http-session';
import { cookieOf } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { createAccount, createCompound, grant, openWithApproval, SHORTENING_REASON, signIn } from '../../../test/vote-fixtures';
import type { PaperPrintDto } from '../ballots/dto/paper.dto';
import type { UploadedVoteFileDto, VoteDetailDto } from './dto/vote.dto';

const DAY = 24 * 3600_000;
const PDF = Buffer.from('%PDF-1.4\n% 御水岸门禁系统更换报价单 180,000 元\n%%EOF\n', 'utf8');

describe('a vote’s documents: announced with it, the same for everyone, never changed', () => {
  let t: TestApp;
  let unitId: string;
  let staff: HttpSession;
  let otherStaff: HttpSession;
  let owner: HttpSession;
  let outsider: HttpSession;

  const upload = async (session: HttpSession, unit: string, bytes: Buffer, name: string): Promise<{ status: number; body: UploadedVoteFileDto & ErrorBody }> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const res = await fetch(`${session.baseUrl}/api/units/${unit}/vote-attachments`, { method: 'POST', headers: { cookie: cookieOf(session), [CSRF_HEADER]: session.csrfToken ?? '', accept: 'application/json' }, body: form });
    return { status: res.status, body: (await res.json()) as UploadedVoteFileDto & ErrorBody };
  };
  const announce = (session: HttpSession, attachments: unknown) =>
    session.post<VoteDetailDto & ErrorBody>(`/api/units/${unitId}/votes`, {
      title: '更换小区门禁系统',
      question: '是否同意以公共收益 18 万元更换小区门禁系统？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date(Date.now() + 16 * DAY).toISOString(),
      closesAt: new Date(Date.now() + 24 * DAY).toISOString(),
      attachments,
    });

  beforeAll(async () => {
    t = await startTestApp();
    const [street] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('a-street', 'street', '桂城街道', NULL) RETURNING id`);
    const [community] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('a-daxu', 'community', '大圩社区', $1) RETURNING id`, [street!.id]);
    unitId = (await createCompound(t.dataSource, { code: 'a-yushuian', name: '御水岸', parent: 'a-daxu', units: [{ number: '1-101', building: '1栋', area: 10000 }], owners: [{ key: 'a', name: '业主甲', phone: '13600000001', units: [{ number: '1-101' }] }] })).unitId;
    await createCompound(t.dataSource, { code: 'a-other', name: '碧水湾', parent: 'a-daxu', units: [{ number: 'A-1', building: 'A栋', area: 10000 }], owners: [{ key: 'x', name: '碧水湾 业主', phone: '13600000009', units: [{ number: 'A-1' }] }] });
    await grant(t.dataSource, await createAccount(t.dataSource, '13600000100', '大圩社区 工作人员'), community!.id, 'staff');
    await grant(t.dataSource, await createAccount(t.dataSource, '13600000101', '大圩社区 另一位工作人员'), community!.id, 'staff');
    staff = await signIn(t.dataSource, t.baseUrl, '13600000100');
    otherStaff = await signIn(t.dataSource, t.baseUrl, '13600000101');
    owner = await signIn(t.dataSource, t.baseUrl, '13600000001');
    outsider = await signIn(t.dataSource, t.baseUrl, '13600000009');
  });
  afterAll(() => t.close());

  it('announces the quote with the vote; every owner opens the same bytes; nothing changes it afterwards', async () => {
    const uploaded = await upload(staff, unitId, PDF, '门禁报价单.pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    // An owner cannot upload for a vote; a photo claimed as PDF but not one is refused by its bytes.
    expect((await upload(owner, unitId, PDF, 'x.pdf')).status).toBe(403);
    expect((await upload(staff, unitId, Buffer.from('<html>not a pdf</html>'), 'fake.pdf')).status).toBe(415);

    // Another person's upload cannot be announced by this one.
    const theirs = await upload(otherStaff, unitId, PDF, '别人的.pdf');
    const stolen = await announce(staff, [{ fileId: theirs.body.fileId, title: '别人的文件' }]);
    expect(stolen.status).toBe(400);
    expect(JSON.stringify(stolen.body.details)).toContain('attachments.0.fileId');

    const vote = await announce(staff, [{ fileId: uploaded.body.fileId, title: '门禁系统更换报价单（18万元）' }]);
    expect(vote.status).toBe(201);
    expect(vote.body.attachments).toEqual([
      { fileId: uploaded.body.fileId, title: '门禁系统更换报价单（18万元）', mime: 'application/pdf', sizeBytes: PDF.length, sha256: uploaded.body.sha256, url: `/api/votes/${vote.body.id}/attachments/${uploaded.body.fileId}`, matterId: null },
    ]);
    const seen = await owner.get<VoteDetailDto>(`/api/votes/${vote.body.id}`);
    expect(seen.body.attachments.map((a) => a.title)).toEqual(['门禁系统更换报价单（18万元）']);
    const file = await fetch(`${t.baseUrl}${vote.body.attachments[0]!.url}`, { headers: { cookie: cookieOf(owner) } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    // Another compound's owner does not see the vote, nor its document.
    expect((await outsider.get(vote.body.attachments[0]!.url)).status).toBe(404);
    expect((await owner.get(`/api/votes/${vote.body.id}/attachments/${theirs.body.fileId}`)).status).toBe(404);

    // The database itself refuses a change after the announcement.
    const refused = async (sql: string, params: unknown[]): Promise<string> => t.dataSource.query(sql, params).then(() => 'accepted', (e: { driverError?: { code?: string } }) => e.driverError?.code ?? 'error');
    expect(await refused(`UPDATE vote_attachment SET title = '改过的标题' WHERE vote_id = $1`, [vote.body.id])).toBe('23514');
    expect(await refused(`DELETE FROM vote_attachment WHERE vote_id = $1`, [vote.body.id])).toBe('23514');
    expect(await refused(`INSERT INTO vote_attachment (vote_id, position, file_id, title) VALUES ($1, 2, $2, '后补的文件')`, [vote.body.id, theirs.body.fileId])).toBe('23514');
    expect((await owner.get<VoteDetailDto>(`/api/votes/${vote.body.id}`)).body.attachments).toHaveLength(1);
  });

  it('lists the documents, with the SHA-256 a copy is checked against, on the printed ballot papers', async () => {
    const uploaded = await upload(staff, unitId, PDF, 'quote.pdf');
    const vote = await staff.post<VoteDetailDto>(`/api/units/${unitId}/votes`, {
      title: '更换小区门禁系统（补充表决）',
      question: '是否同意以公共收益 18 万元更换小区门禁系统？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + DAY).toISOString(),
      shorteningReason: SHORTENING_REASON,
      attachments: [{ fileId: uploaded.body.fileId, title: '门禁系统更换报价单（18万元）' }],
    });
    expect(vote.status).toBe(201);
    await openWithApproval(staff, otherStaff, vote.body.id);
    const print = await staff.get<PaperPrintDto>(`/api/votes/${vote.body.id}/papers/print`);
    expect(print.status).toBe(200);
    expect(print.body.documents).toEqual([{ title: '门禁系统更换报价单（18万元）', sha256: createHash('sha256').update(PDF).digest('hex') }]);
  });

  it('refuses the same document twice and more documents than a ballot page can show', async () => {
    const one = await upload(staff, unitId, PDF, 'a.pdf');
    expect((await announce(staff, [{ fileId: one.body.fileId, title: '甲' }, { fileId: one.body.fileId, title: '乙' }])).status).toBe(400);
    expect((await announce(staff, Array.from({ length: 11 }, () => ({ fileId: one.body.fileId, title: '甲' })))).status).toBe(400);
    expect((await announce(staff, [{ fileId: one.body.fileId, title: '' }])).status).toBe(400);
  });
});
