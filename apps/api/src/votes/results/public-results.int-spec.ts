/**
 * The public, unlisted page of a published result (GET /public/results/{token} …), over real
 * HTTP on a database of its own: anyone holding the key printed on the notice reads the result
 * and downloads the recount kit with no account; the board of receipts joins only once a
 * convenor of the unit publishes it; keys that are unknown, malformed or not yet made answer 404.
 */
import { randomInt } from 'node:crypto';
import type { ErrorBody } from '@yishi/contracts';
import { formatPublicToken, PUBLIC_TOKEN_ALPHABET } from '@yishi/contracts';
import { recount } from '@yishi/domain';
import type { HttpSession } from '../../../test/http-session';
import { download } from '../../../test/rolls';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { kitFiles, openWithApproval, SHORTENING_REASON, signIn } from '../../../test/vote-fixtures';
import type { AuditPageDto } from '../../audit/audit.controller';
import { seedDemoData } from '../../seed/seed-demo';
import type { PublicResultBoardDto, PublicResultDto, VotePublicLinkDto } from './dto/public-result.dto';
import type { CastReceiptDto, VoteDetailDto } from '../lifecycle/dto/vote.dto';
import { SealingService } from '../sealing/sealing.service';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A request with no cookie at all, as a phone that scanned the notice sends it. */
async function anonymous<T>(baseUrl: string, path: string): Promise<{ status: number; body: T; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${baseUrl}${path}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('json') ? (JSON.parse(bytes.toString('utf8')) as T) : (undefined as T);
  return { status: res.status, body: json, headers: res.headers, bytes };
}

const randomKey = (): string => Array.from({ length: 28 }, () => PUBLIC_TOKEN_ALPHABET[randomInt(32)]).join('');

describe('the public page of a published result', () => {
  let t: TestApp;
  let yushuian: string;
  const as: Record<string, HttpSession> = {};
  let voteId: string;
  let receipt: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    yushuian = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`))[0]!.id;
    // 御水岸: its convenor, an owner, its tenant, its community's staff; 南村经济社's convenor (another unit).
    const people = { convenor: '13800000006', owner: '13800000012', tenant: '13800000014', staff: '13800000004', otherConvenor: '13800000005' };
    for (const [who, phone] of Object.entries(people)) as[who] = await signIn(t.dataSource, t.baseUrl, phone);

    const now = Date.now();
    const created = await as.convenor!.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
      title: '更换小区门禁系统',
      titleEn: 'Replacing the access control system',
      question: '是否同意更换小区门禁系统？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 3600_000).toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(created.status).toBe(201);
    voteId = created.body.id;
    // Opened before its notice has run and for seconds: only with the approval of the community's staff.
    await openWithApproval(as.convenor!, as.staff!, voteId);
    const cast = await as.owner!.post<CastReceiptDto>(`/api/votes/${voteId}/ballots`, { choice: 'approve' });
    expect(cast.status).toBe(200);
    receipt = cast.body.receipt;
  });
  afterAll(() => t.close());

  it('has no public page before the result is published: no key, and none can be given to an uncounted vote', async () => {
    const link = await as.owner!.get<ErrorBody>(`/api/votes/${voteId}/public-link`);
    expect(link.status).toBe(409);
    expect(link.body.details).toMatchObject({ reason: 'not_counted' });
    const [row] = await t.dataSource.query<{ public_token: string | null }[]>(`SELECT public_token FROM vote WHERE id = $1`, [voteId]);
    expect(row!.public_token).toBeNull();
    await expect(t.dataSource.query(`UPDATE vote SET public_token = $2 WHERE id = $1`, [voteId, randomKey()])).rejects.toThrow(/vote_public_token_with_result/);
    // Nor can the board be published before there is a result.
    const early = await as.convenor!.post<ErrorBody>(`/api/votes/${voteId}/board/publish`);
    expect(early.status).toBe(409);
  });

  it('is made when the provisional result is published, and anyone with no account reads it by its key', async () => {
    // The closer's clock moved past the end of voting (an hour from the opening).
    expect(await t.app.get(SealingService).closeDue(new Date(Date.now() + 3600_000 + 1000))).toBe(1);

    const link = await as.owner!.get<VotePublicLinkDto>(`/api/votes/${voteId}/public-link`);
    expect(link.status).toBe(200);
    token = link.body.token;
    expect(token).toMatch(/^[0-9a-hjkmnp-tv-z]{28}$/);
    expect(token).not.toContain(voteId.replace(/-/g, '').slice(0, 8));
    expect(link.body).toMatchObject({ path: `/r/${formatPublicToken(token)}`, boardPublishedAt: null, canPublishBoard: false });
    expect((await as.convenor!.get<VotePublicLinkDto>(`/api/votes/${voteId}/public-link`)).body.canPublishBoard).toBe(true);

    const res = await anonymous<PublicResultDto>(t.baseUrl, `/api/public/results/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    const signedIn = await as.owner!.get<{ result: { chains: { ballots: { head: string; lines: number } }; explanation: { 'zh-CN': string[]; en: string[] }; tally: { passed: boolean } } }>(
      `/api/votes/${voteId}/result`,
    );
    const published = signedIn.body.result;
    const page = res.body;
    expect(page).toMatchObject({
      token,
      unitName: '御水岸',
      communityName: '大圩社区',
      title: { 'zh-CN': '更换小区门禁系统', en: 'Replacing the access control system' },
      question: { 'zh-CN': '是否同意更换小区门禁系统？', en: '是否同意更换小区门禁系统？' },
      ruleSet: 'cc278-ordinary',
      rule: { body: { 'zh-CN': '业主大会（一般事项）' } },
      secrecy: 'named',
      stage: 'provisional',
      finalAt: null,
      objectionDays: 7,
      earlyOpening: { reason: SHORTENING_REASON },
      // Who asked to open early and for seconds, and the supervisor who approved it, for anyone to read.
      safeguards: { shortening: { reason: SHORTENING_REASON, approverRole: 'staff', approverNode: '大圩社区', shortensNotice: true, shortensWindow: true } },
      closingHash: published.chains.ballots.head,
      chains: { ballots: published.chains.ballots },
      explanation: published.explanation,
      boardPublishedAt: null,
      kitFileName: `yishi-vote-${voteId}.zip`,
    });
    expect(page.rule.statute['zh-CN']).toContain('第二百七十八条');
    expect(page.tally!.passed).toBe(published.tally.passed);
    expect(page.tally!.figures.approve.persons).toBe(1);
    expect(page.tally!.conditions.map((c) => c.id)).toEqual(expect.arrayContaining(['turnout-area', 'turnout-persons']));
    expect(page.electorateSha256).toMatch(/^[0-9a-f]{64}$/);
    // Nothing personal: no names or phone numbers of voters, no pseudonyms, no receipts, no choices by voter.
    const text = JSON.stringify(page);
    const [owner] = await t.dataSource.query<{ name: string }[]>(`SELECT name FROM owner WHERE phone = '13800000012'`);
    expect(text).not.toContain(owner!.name);
    expect(text).not.toContain('13800000012');
    expect(text).not.toMatch(/"v-[0-9a-f]{8,}"/);
    expect(text).not.toContain(receipt);
  });

  it('answers 404 with the error envelope to a key that is unknown, malformed, or the vote’s id', async () => {
    for (const key of [randomKey(), 'abc', token.toUpperCase(), `${token}x`, voteId, formatPublicToken(token)]) {
      const res = await anonymous<ErrorBody>(t.baseUrl, `/api/public/results/${encodeURIComponent(key)}`);
      expect([key, res.status]).toEqual([key, 404]);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.body.message).toBeTruthy();
      expect((await anonymous<ErrorBody>(t.baseUrl, `/api/public/results/${encodeURIComponent(key)}/recount-kit`)).status).toBe(404);
    }
    // There is no listing of public pages.
    expect((await anonymous<ErrorBody>(t.baseUrl, '/api/public/results')).status).toBe(404);
  });

  it('serves the recount kit with no account, the same bytes as the signed-in kit however much later', async () => {
    const mine = await download(as.owner!, `/api/votes/${voteId}/recount-kit`);
    expect(mine.status).toBe(200);
    // A zip dates its files: a kit dated at download time would differ from one fetched seconds later.
    await sleep(2100);
    const theirs = await anonymous<never>(t.baseUrl, `/api/public/results/${token}/recount-kit`);
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('content-type')).toContain('application/zip');
    expect(theirs.headers.get('content-disposition')).toContain(`yishi-vote-${voteId}.zip`);
    expect(theirs.bytes.equals(mine.bytes)).toBe(true);
    const files = kitFiles(theirs.bytes);
    const report = recount(files);
    expect(report.ok).toBe(true);
    const page = await anonymous<PublicResultDto>(t.baseUrl, `/api/public/results/${token}`);
    expect((JSON.parse(files['result.json']!) as { chains: { ballots: { head: string } } }).chains.ballots.head).toBe(page.body.closingHash);
  });

  it('shows the board of receipts only once the unit’s convenor publishes it, and then keeps it public', async () => {
    const hidden = await anonymous<ErrorBody>(t.baseUrl, `/api/public/results/${token}/board`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'board_not_published' } });
    // Residents signed in to the unit see it as before.
    expect((await as.tenant!.get<PublicResultBoardDto>(`/api/votes/${voteId}/board`)).body.entries.map((e) => e.receipt)).toContain(receipt);

    // Nobody of another unit may publish it (it is not theirs to see: 404), nor a resident of this one (403).
    const outsider = await as.otherConvenor!.post<ErrorBody>(`/api/votes/${voteId}/board/publish`);
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('NOT_FOUND');
    expect((await as.owner!.post<ErrorBody>(`/api/votes/${voteId}/board/publish`)).status).toBe(403);
    expect((await as.tenant!.post<ErrorBody>(`/api/votes/${voteId}/board/publish`)).status).toBe(403);
    expect((await anonymous<ErrorBody>(t.baseUrl, `/api/public/results/${token}/board`)).status).toBe(404);

    const published = await as.convenor!.post<VotePublicLinkDto>(`/api/votes/${voteId}/board/publish`);
    expect(published.status).toBe(200);
    expect(published.body.boardPublishedAt).toEqual(expect.any(String));
    const board = await anonymous<PublicResultBoardDto>(t.baseUrl, `/api/public/results/${token}/board`);
    expect(board.status).toBe(200);
    expect(board.headers.get('x-robots-tag')).toContain('noindex');
    expect(board.body.entries.map((e) => e.receipt)).toEqual([receipt]);
    expect(board.body.chainHead).toBe((await anonymous<PublicResultDto>(t.baseUrl, `/api/public/results/${token}`)).body.closingHash);
    expect((await anonymous<PublicResultDto>(t.baseUrl, `/api/public/results/${token}`)).body.boardPublishedAt).toBe(published.body.boardPublishedAt);

    // Publishing again changes nothing; the publication is in the audit trail once.
    const again = await as.staff!.post<VotePublicLinkDto>(`/api/votes/${voteId}/board/publish`);
    expect(again.body.boardPublishedAt).toBe(published.body.boardPublishedAt);
    const audit = await as.staff!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=vote.board_publish`);
    expect(audit.body.entries.filter((e) => e.entityId === voteId)).toHaveLength(1);
    // A board once public stays public, in the database too.
    await expect(t.dataSource.query(`UPDATE vote SET board_published_at = NULL, board_published_by = NULL WHERE id = $1`, [voteId])).rejects.toThrow(/stays published/);
    await expect(t.dataSource.query(`UPDATE vote SET public_token = $2 WHERE id = $1`, [voteId, randomKey()])).rejects.toThrow(/never changes/);
  });

  it('marks the web app’s public pages as not to be indexed', async () => {
    const res = await fetch(`${t.baseUrl}/r/${formatPublicToken(token)}`);
    await res.arrayBuffer();
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
  });

  it('stops an address that keeps trying keys that do not exist', async () => {
    // The misses of the tests above are forgotten: this one counts from zero.
    await t.dataSource.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'public-result-miss:%'`);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await anonymous<ErrorBody>(t.baseUrl, `/api/public/results/${randomKey()}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Stopped for a while, even with the right key.
    const refused = await anonymous<ErrorBody>(t.baseUrl, `/api/public/results/${token}`);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
  });
});
