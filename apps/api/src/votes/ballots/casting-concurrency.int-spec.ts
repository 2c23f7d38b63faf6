/**
 * Casting under load: 500 owners of a synthetic compound casting at once, and casts racing the
 * closing time. Whatever the timing, every ballot that got a 2xx is in the count exactly once, no
 * cast is left outside the sealed chain, and the recount kit verifies.
 */
import type { ErrorBody } from '@yishi/contracts';
import { recount } from '@yishi/domain';
import { Client } from 'pg';
import type { ApiResponse } from '../../../test/http-session';
import { HttpSession } from '../../../test/http-session';
import { download } from '../../../test/rolls';
import { kitFiles } from '../../../test/vote-fixtures';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import type { SyntheticCompound, SyntheticVoter } from '../../bench/synthetic-compound';
import { seedSyntheticCompound } from '../../bench/synthetic-compound';
import { onClient } from '../../database/pooled';
import type { CastReceiptDto, VoteDetailDto } from '../lifecycle/dto/vote.dto';
import { SealingService } from '../sealing/sealing.service';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const CHOICES = ['approve', 'oppose', 'abstain'] as const;

interface PublishedResult {
  result: {
    tally: { figures: { participating: { persons: number }; approve: { persons: number }; ballots: { received: number; counted: number } } };
    chains: { ballots: { head: string; lines: number } };
  };
}

describe('casting under load', () => {
  let t: TestApp;
  let pg: Client;
  let compound: SyntheticCompound;
  let convenor: HttpSession;
  const as = (voter: SyntheticVoter): HttpSession => HttpSession.withToken(t.baseUrl, voter.token, voter.csrfToken);

  beforeAll(async () => {
    t = await startTestApp();
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    compound = await seedSyntheticCompound(onClient(pg), { units: 900, code: 'load-900', perBuilding: 100 });
    convenor = HttpSession.withToken(t.baseUrl, compound.convenor.token, compound.convenor.csrfToken);
  });
  afterAll(async () => {
    await pg.end();
    await t.close();
  });

  /**
   * A named poll of the owners, open at once for a few seconds: the cast transaction is the same
   * under every rule set, and only an informal poll may open at once and close seconds later
   * without a supervisor's approval (a statutory vote keeps its notice and its shortest period).
   */
  const openVote = async (closesInMs: number): Promise<VoteDetailDto> => {
    const now = Date.now();
    const created = await convenor.post<VoteDetailDto>(`/api/units/${compound.unitId}/votes`, {
      title: '门禁系统选型意向',
      question: '是否倾向更换为刷卡加人脸识别的门禁？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + closesInMs).toISOString(),
    });
    expect(created.status).toBe(201);
    expect((await convenor.post(`/api/votes/${created.body.id}/open`)).status).toBe(204);
    return created.body;
  };

  /** Runs `work` every `everyMs` until `stop()` is called; resolves when the last run ended. */
  const repeat = (work: () => Promise<unknown>, everyMs: number): { stop: () => Promise<void> } => {
    let running = true;
    const loop = (async () => {
      while (running) {
        await work();
        await sleep(everyMs);
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
      },
    };
  };

  const closeAndCount = async (voteId: string, closesAt: string): Promise<void> => {
    await sleep(Math.max(0, new Date(closesAt).getTime() - Date.now() + 50));
    const sealing = t.app.get(SealingService);
    for (let i = 0; i < 20 && (await sealing.closeDue()) === 0; i += 1) await sleep(100);
    const [vote] = await t.dataSource.query<{ status: string }[]>(`SELECT status FROM vote WHERE id = $1`, [voteId]);
    expect(vote!.status).toBe('closed');
  };

  /** What the database and the published result say, checked against the 2xx answers. */
  const expectCountedExactlyOnce = async (voteId: string, accepted: { voter: SyntheticVoter; choice: string; receipt: string }[]): Promise<void> => {
    const [rows] = await t.dataSource.query<{ ballots: number; casts: number; unsealed: number; late: number }[]>(
      `SELECT (SELECT count(*)::int FROM ballot WHERE vote_id = $1) AS ballots,
              (SELECT count(*)::int FROM vote_cast WHERE vote_id = $1) AS casts,
              (SELECT count(*)::int FROM vote_cast WHERE vote_id = $1 AND seq IS NULL) AS unsealed,
              (SELECT count(*)::int FROM ballot b JOIN vote v ON v.id = b.vote_id WHERE b.vote_id = $1 AND b.cast_at >= v.closes_at) AS late`,
      [voteId],
    );
    expect(rows).toEqual({ ballots: accepted.length, casts: accepted.length, unsealed: 0, late: 0 });
    const receipts = await t.dataSource.query<{ receipt: string }[]>(`SELECT receipt FROM ballot WHERE vote_id = $1`, [voteId]);
    expect(new Set(receipts.map((r) => r.receipt))).toEqual(new Set(accepted.map((a) => a.receipt)));

    const published = await convenor.get<PublishedResult>(`/api/votes/${voteId}/result`);
    expect(published.status).toBe(200);
    const { figures } = published.body.result.tally;
    expect(figures.participating.persons).toBe(accepted.length);
    expect(figures.ballots).toMatchObject({ received: accepted.length, counted: accepted.length });
    expect(figures.approve.persons).toBe(accepted.filter((a) => a.choice === 'approve').length);
    expect(published.body.result.chains.ballots.lines).toBe(accepted.length);

    const kit = await download(convenor, `/api/votes/${voteId}/recount-kit`);
    expect(kit.status).toBe(200);
    const files = kitFiles(kit.bytes);
    const report = recount(files);
    expect(report.discrepancy).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.chains.ballots).toEqual(published.body.result.chains.ballots);
  };

  it('500 voters casting at once: every 2xx is counted exactly once and the chain verifies', async () => {
    // Long enough for 500 casts on a loaded two-core machine (they take about 8 s on a quiet one).
    const vote = await openVote(40_000);
    const voters = compound.voters.slice(0, 500);
    const sealing = t.app.get(SealingService);
    // The sealer runs alongside, as it does every second in production.
    const sealer = repeat(() => sealing.sealAll(), 20);
    const answers = await Promise.all(
      voters.map(async (voter, i) => {
        const choice = CHOICES[i % 3]!;
        const res = await as(voter).post<CastReceiptDto & ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice });
        return { voter, choice, res };
      }),
    );
    await sealer.stop();
    const statuses = answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.res.status]: (n[a.res.status] ?? 0) + 1 }), {});
    expect(statuses).toEqual({ 200: 500 });
    const accepted = answers.map((a) => ({ voter: a.voter, choice: a.choice, receipt: a.res.body.receipt }));
    expect(new Set(accepted.map((a) => a.receipt)).size).toBe(500);
    // Sealed while casting: the chain has no fork (one line per seq, seqs 1..n).
    const [chain] = await t.dataSource.query<{ n: number; max: number; distinct: number }[]>(
      `SELECT count(seq)::int AS n, max(seq) AS max, count(DISTINCT seq)::int AS distinct FROM vote_cast WHERE vote_id = $1`,
      [vote.id],
    );
    expect(chain!.n).toBe(chain!.distinct);
    expect(chain!.max ?? 0).toBe(chain!.n);

    await closeAndCount(vote.id, vote.closesAt);
    await expectCountedExactlyOnce(vote.id, accepted);
  }, 120_000);

  it('casts racing the closing time are either refused or counted, never left outside the count', async () => {
    const vote = await openVote(6000);
    const closesAt = new Date(vote.closesAt).getTime();
    const early = compound.voters.slice(500, 550);
    const voters = compound.voters.slice(550, 900);
    const sealing = t.app.get(SealingService);
    const sealer = repeat(() => sealing.sealAll(), 20);
    // Fifty cast well before the close: whatever the machine's load, these are in.
    const before = await Promise.all(early.map(async (voter, i) => ({ voter, choice: CHOICES[i % 3]!, res: await as(voter).post<CastReceiptDto & ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: CHOICES[i % 3]! }) })));
    expect(before.map((a) => a.res.status)).toEqual(early.map(() => 200));
    // The closing job polls hard around the closing time, as several instances together might.
    await sleep(Math.max(0, closesAt - Date.now() - 150));
    const closer = repeat(() => sealing.closeDue(), 5);
    const raced = await Promise.all(
      voters.map(async (voter, i) => {
        // A quarter exactly at closes_at, the rest spread over 300 ms on either side.
        const at = i % 4 === 0 ? closesAt : closesAt - 300 + ((i * 37) % 600);
        await sleep(Math.max(0, at - Date.now()));
        const choice = CHOICES[i % 3]!;
        const res: ApiResponse<CastReceiptDto & ErrorBody> = await as(voter).post<CastReceiptDto & ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice });
        return { voter, choice, res };
      }),
    );
    await closer.stop();
    await sealer.stop();

    const answers = [...before, ...raced];
    const unexpected = answers.filter((a) => a.res.status !== 200 && !(a.res.status === 409 && a.res.body.details?.['reason'] === 'closed'));
    expect(unexpected.map((a) => `${a.res.status} ${JSON.stringify(a.res.body)}`)).toEqual([]);
    const accepted = answers.filter((a) => a.res.status === 200).map((a) => ({ voter: a.voter, choice: a.choice, receipt: a.res.body.receipt }));
    // Those sent after the closing time (about half of the race) were refused.
    expect(accepted.length).toBeLessThan(answers.length);
    for (const a of answers.filter((x) => x.res.status === 200)) expect(new Date(a.res.body.castAt).getTime()).toBeLessThan(closesAt);

    await closeAndCount(vote.id, vote.closesAt);
    await expectCountedExactlyOnce(vote.id, accepted);
    // And nothing more can arrive: a cast after the count is refused, the count unchanged.
    const late = await as(voters[0]!).post<ErrorBody>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: 'closed' });
    const [after] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM vote_cast WHERE vote_id = $1`, [vote.id]);
    expect(after!.n).toBe(accepted.length);
  }, 120_000);
});
