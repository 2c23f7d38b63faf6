import type { ErrorBody } from '@yishi/contracts';
import { recount } from '@yishi/domain';
import { HttpSession } from '../../../test/http-session';
import { download } from '../../../test/rolls';
import { kitFiles, openWithApproval, SHORTENING_REASON } from '../../../test/vote-fixtures';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import type { AuditPageDto } from '../../audit/audit.controller';
import type { InboxPageDto } from '../../notifications/notifications.controller';
import { DEMO_PASSWORD } from '../../seed/demo-data';
import { seedDemoData } from '../../seed/seed-demo';
import type { CastReceiptDto, VoteDetailDto } from './dto/vote.dto';
import { SealingService } from '../sealing/sealing.service';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('votes: opening, online ballots, the chain, closing and the recount', () => {
  let t: TestApp;
  let yushuian: string;
  let nancun: string;
  const as: Record<string, HttpSession> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const rows = await t.dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM org_node WHERE code IN ('yushuian', 'nancun')`);
    yushuian = rows.find((r) => r.code === 'yushuian')!.id;
    nancun = rows.find((r) => r.code === 'nancun')!.id;
    const people = { convenor: '13800000006', owner: '13800000012', coOwner: '13800000013', tenant: '13800000014', staff: '13800000004', member: '13800000011' };
    for (const [who, phone] of Object.entries(people)) as[who] = await HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  /** A vote of 御水岸's owners opening now, before its notice, with a reason: it waits for the community's approval. */
  const announce = async (closesInMs: number, extra: Record<string, unknown> = {}): Promise<VoteDetailDto> => {
    const now = Date.now();
    const res = await as.convenor!.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
      title: '筹集充电桩维修资金',
      question: '是否同意按每平方米 2 元筹集地下车库充电桩维修资金？',
      ruleSet: 'cc278-major',
      matterKinds: ['repair-fund-raising'],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + closesInMs).toISOString(),
      shorteningReason: SHORTENING_REASON,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const openNow = (vote: { id: string }): Promise<void> => openWithApproval(as.convenor!, as.staff!, vote.id);

  it('opens only after the 15-day notice for owners, or earlier once the community approves, freezing the electorate', async () => {
    const vote = await announce(8 * 24 * 3600_000);
    expect(vote).toMatchObject({ status: 'scheduled', noticeDays: 15, myVoters: [], shortening: { status: 'pending' } });
    const notYet = await as.convenor!.post<ErrorBody>(`/api/votes/${vote.id}/open`, {});
    expect(notYet.status).toBe(409);
    await openNow(vote);
    const opened = await as.owner!.get<VoteDetailDto>(`/api/votes/${vote.id}`);
    expect(opened.body.status).toBe('open');
    expect(opened.body.myVoters).toEqual([expect.objectContaining({ voted: false, canCast: true, as: 'self' })]);
    expect(opened.body.myVoters[0]!.unitLabels.sort()).toEqual(['1-1201', '1-1202', 'P-001', 'S-2']);
    const n = (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM vote_voter WHERE vote_id = $1`, [vote.id]))[0]!.n;
    expect(n).toBe(Number((await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM owner WHERE unit_id = $1`, [yushuian]))[0]!.n));
    const audit = await as.staff!.get<AuditPageDto>(`/api/nodes/${yushuian}/audit?action=vote.open_shortened`);
    expect(audit.body.entries[0]!.after).toMatchObject({ shorteningId: vote.shortening!.id });
    expect((await as.owner!.get<InboxPageDto>('/api/me/notifications')).body.items[0]).toMatchObject({ kind: 'vote_opened' });
    // A matter the body may not decide under this rule is refused before any vote.
    const wrong = await as.convenor!.post<ErrorBody>(`/api/units/${yushuian}/votes`, {
      title: 'x',
      question: 'x',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['repair-fund-raising'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 8 * 24 * 3600_000).toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toHaveProperty('refusal');
  });

  it('takes one counted ballot per voter: retries return the same receipt, changes replace it, outsiders are refused', async () => {
    const vote = await announce(8 * 24 * 3600_000);
    await openNow(vote);
    const first = await as.owner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect(first.status).toBe(200);
    expect(first.body.receipt).toMatch(/^b-[0-9a-f]{12}$/);
    const retry = await as.owner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect(retry.body).toMatchObject({ receipt: first.body.receipt, changed: false });
    const changed = await as.owner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: 'oppose' });
    expect(changed.body.changed).toBe(true);
    expect(changed.body.receipt).not.toBe(first.body.receipt);
    const n = (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ballot WHERE vote_id = $1`, [vote.id]))[0]!.n;
    expect(n).toBe(1);
    // The log the sealer chains holds the first ballot and the change, in order; the retry wrote nothing.
    const logged = await t.dataSource.query<{ ballot: string; choice: string }[]>(
      `SELECT entry->>'ballot' AS ballot, entry->>'choice' AS choice FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'cast' ORDER BY id`,
      [vote.id],
    );
    expect(logged).toEqual([
      { ballot: first.body.receipt, choice: 'approve' },
      { ballot: changed.body.receipt, choice: 'oppose' },
    ]);
    // The changed ballot, sent again, is a retry of it.
    expect((await as.owner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: 'oppose' })).body).toMatchObject({ receipt: changed.body.receipt, changed: false });

    const tenant = await as.tenant!.post<ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect(tenant.status).toBe(403);
    expect(tenant.body.details).toMatchObject({ reason: 'not_eligible' });
    const member = await as.member!.post<ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect([403, 404]).toContain(member.status);
    expect((await as.member!.get<ErrorBody>(`/api/votes/${vote.id}`)).status).toBe(404);
    const bad = await as.coOwner!.post<ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: 'maybe' });
    expect(bad.status).toBe(400);
    expect(await t.dataSource.query(`SELECT voter_id FROM ballot WHERE vote_id = $1`, [vote.id])).toHaveLength(1);
  });

  it('where the vote allows no change, a second choice is refused and the first ballot stays, logged once', async () => {
    const vote = await announce(8 * 24 * 3600_000, { allowChange: false });
    expect(vote.allowChange).toBe(false);
    await openNow(vote);
    const first = await as.owner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect(first.body).toMatchObject({ changed: true });
    expect((await as.owner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' })).body).toMatchObject({ receipt: first.body.receipt, changed: false });
    const refused = await as.owner!.post<ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: 'oppose' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: 'change_not_allowed' });
    const rows = await t.dataSource.query<{ choice: string; receipt: string }[]>(`SELECT choice #>> '{}' AS choice, receipt FROM ballot WHERE vote_id = $1`, [vote.id]);
    expect(rows).toEqual([{ choice: 'approve', receipt: first.body.receipt }]);
    const logged = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'cast'`, [vote.id]);
    expect(logged[0]!.n).toBe(1);
  });

  it('200 concurrent submits by one voter leave exactly one counted ballot and a chain that verifies', async () => {
    const vote = await announce(8 * 24 * 3600_000);
    await openNow(vote);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => as.coOwner!.post<CastReceiptDto>(`/api/votes/${vote.id}/ballots`, { choice: i % 2 ? 'approve' : 'oppose' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await t.dataSource.query(`SELECT voter_id FROM ballot WHERE vote_id = $1`, [vote.id])).toHaveLength(1);
    await t.app.get(SealingService).sealAll();
    const [chain] = await t.dataSource.query<{ n: number; sealed: number }[]>(`SELECT count(*)::int AS n, count(seq)::int AS sealed FROM vote_cast WHERE vote_id = $1`, [vote.id]);
    expect(chain!.sealed).toBe(chain!.n);
    const receipt = (await t.dataSource.query<{ receipt: string }[]>(`SELECT receipt FROM ballot WHERE vote_id = $1`, [vote.id]))[0]!.receipt;
    const last = (await t.dataSource.query<{ last: string }[]>(`SELECT entry->>'ballot' AS last FROM vote_cast WHERE vote_id = $1 ORDER BY seq DESC LIMIT 1`, [vote.id]))[0]!.last;
    expect(last).toBe(receipt);
  });

  it('closes at its time, counts, publishes the result with the chain head, and the recount kit agrees', async () => {
    const vote = await announce(2 * 3600_000, { turnoutPublic: true });
    await openNow(vote);
    const turnoutPersons = async (): Promise<number> => {
      const turnout = await as.owner!.get<{ conditions: { id: string; numerator: number }[] }>(`/api/votes/${vote.id}/turnout`);
      expect(turnout.status).toBe(200);
      return turnout.body.conditions.find((c) => c.id === 'turnout-persons')!.numerator;
    };
    await as.owner!.post(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    // The live turnout follows each cast (the electorate it measures against is read once).
    expect(await turnoutPersons()).toBe(1);
    await as.coOwner!.post(`/api/votes/${vote.id}/ballots`, { choice: 'oppose' });
    await as.coOwner!.post(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect(await turnoutPersons()).toBe(2);
    // Its closing time passes (the job is handed a clock after it).
    const sealing = t.app.get(SealingService);
    const after = new Date(new Date(vote.closesAt).getTime() + 1000);
    expect(await sealing.closeDue(after)).toBe(1);
    expect(await sealing.closeDue(after)).toBe(0);
    expect((await as.owner!.post<ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: 'oppose' })).body.details).toMatchObject({ reason: 'closed' });
    const result = await as.owner!.get<{ result: { tally: { passed: boolean; figures: { approve: { persons: number } } }; chains: { ballots: { head: string; lines: number } }; explanation: { 'zh-CN': string[] } } }>(
      `/api/votes/${vote.id}/result`,
    );
    expect(result.status).toBe(200);
    expect(result.body.result.tally.passed).toBe(false); // two owners of about 280 do not make turnout
    expect(result.body.result.tally.figures.approve.persons).toBe(2);
    expect(result.body.result.chains.ballots.lines).toBe(3);
    expect(result.body.result.explanation['zh-CN'].join('')).toContain('三分之二');
    const detail = await as.owner!.get<VoteDetailDto>(`/api/votes/${vote.id}`);
    expect(detail.body).toMatchObject({ status: 'closed', passed: false, closingHash: result.body.result.chains.ballots.head });

    const kit = await download(as.owner!, `/api/votes/${vote.id}/recount-kit`);
    expect(kit.status).toBe(200);
    const files = kitFiles(kit.bytes);
    expect(Object.keys(files).sort()).toEqual(['ballots.jsonl', 'electorate.json', 'result.json', 'vote.json']);
    const report = recount(files);
    expect(report.discrepancy).toBeNull();
    expect(report.ok).toBe(true);
    // Tampering with one ballot is caught, naming the line.
    const lines = files['ballots.jsonl']!.split('\n');
    expect(lines[0]).toContain('"choice":"approve"');
    lines[0] = lines[0]!.replace('"choice":"approve"', '"choice":"oppose"');
    const tampered = recount({ ...files, 'ballots.jsonl': lines.join('\n') });
    expect(tampered.ok).toBe(false);
    expect(tampered.discrepancy).toMatchObject({ file: 'ballots.jsonl', line: 2 });

    const board = await as.owner!.get<{ entries: { receipt: string; superseded: boolean }[] }>(`/api/votes/${vote.id}/board`);
    expect(board.body.entries).toHaveLength(3);
    expect(board.body.entries.filter((e) => e.superseded)).toHaveLength(1);
    const n = (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM vote_cast WHERE vote_id = $1 AND seq IS NULL`, [vote.id]))[0]!.n;
    expect(n).toBe(0);
    // The database keeps the result as published.
    await expect(t.dataSource.query(`UPDATE vote SET result_json = '{}' WHERE id = $1`, [vote.id])).rejects.toThrow(/never changes/);
    await expect(t.dataSource.query(`DELETE FROM vote_cast WHERE vote_id = $1`, [vote.id])).rejects.toThrow(/append-only/);
  });

  it('keeps a secret ballot final and unlinkable: marks say who, the box what, in shuffled batches', async () => {
    const now = Date.now();
    const res = await as.convenor!.post<VoteDetailDto>(`/api/units/${yushuian}/votes`, {
      title: '选择议事会日期',
      question: '议事会定在哪天？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      secrecy: 'secret',
      options: [{ id: 'sat', label: '周六' }, { id: 'sun', label: '周日' }],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 2500).toISOString(),
    });
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect((await as.convenor!.post(`/api/votes/${id}/open`, {})).status).toBe(204);
    const cast = await as.owner!.post<CastReceiptDto>(`/api/votes/${id}/ballots`, { choice: 'sun' });
    expect(cast.status).toBe(200);
    expect((await as.owner!.post<ErrorBody>(`/api/votes/${id}/ballots`, { choice: 'sat' })).body.details).toMatchObject({ reason: 'already_voted' });
    // Below a batch, the ballot waits outside the box.
    expect(await t.app.get(SealingService).mixAll()).toBe(0);
    const columns = await t.dataSource.query<{ column_name: string }[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'vote_box'`);
    expect(columns.map((c) => c.column_name).sort()).toEqual(['ballot_id', 'choice', 'vote_id']);
    await sleep(2600);
    await t.app.get(SealingService).closeDue();
    const result = await as.owner!.get<{ result: { tally: { winningOption: string | null } } }>(`/api/votes/${id}/result`);
    expect(result.status).toBe(200);
    const kit = await download(as.owner!, `/api/votes/${id}/recount-kit`);
    const files = kitFiles(kit.bytes);
    expect(recount(files).ok).toBe(true);
    expect(files['box.jsonl']).toContain(cast.body.receipt);
    expect(files['roll.jsonl']).not.toContain(cast.body.receipt);
    expect(nancun).toBeTruthy();
  });
});
