/**
 * The row a read's target hangs from, as the access guard's statement reads it (TARGET_RECORD) and
 * hands it to the service's first read of it (takeTargetRecord): it must be the entity a
 * repository read returns, column for column, and it must never stand in for a read that would
 * see something newer (a second read, a read inside or after a transaction, another row).
 */
import type { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { openWithApproval, SHORTENING_REASON, signIn } from '../../test/vote-fixtures';
import { requestContext } from '../common/request-context';
import { consultationWithUnits } from '../consultations/consultation-store';
import { Consultation } from '../consultations/entities/consultation.entity';
import { entityFromRecord } from '../database/target-records';
import { seedDemoData } from '../seed/seed-demo';
import { Vote } from '../votes/entities/vote.entity';
import type { CastReceiptDto, VoteDetailDto } from '../votes/lifecycle/dto/vote.dto';
import { findVote, getVote } from '../votes/lifecycle/vote-store';
import { SealingService } from '../votes/sealing/sealing.service';
import { TARGET_RECORD } from './targets';

describe("the guard's read of a target's consultation or vote", () => {
  let t: TestApp;
  let closedVoteId: string;
  const as: Record<string, HttpSession> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app);
    const [unit] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`);
    for (const [who, phone] of Object.entries({ convenor: '13800000006', owner: '13800000012', staff: '13800000004' })) as[who] = await signIn(t.dataSource, t.baseUrl, phone);
    // A vote with every column it can have filled: opened early with approval, cast in, counted, its key and board published.
    const now = Date.now();
    const created = await as.convenor!.post<VoteDetailDto>(`/api/units/${unit!.id}/votes`, {
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
    closedVoteId = created.body.id;
    await openWithApproval(as.convenor!, as.staff!, closedVoteId);
    expect((await as.owner!.post<CastReceiptDto>(`/api/votes/${closedVoteId}/ballots`, { choice: 'approve' })).status).toBe(200);
    expect(await t.app.get(SealingService).closeDue(new Date(now + 3600_000 + 1000))).toBe(1);
    expect((await as.owner!.get(`/api/votes/${closedVoteId}/public-link`)).status).toBe(200);
    expect((await as.convenor!.post(`/api/votes/${closedVoteId}/board/publish`)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('is the entity a repository read returns, for every vote and every consultation', async () => {
    const m = t.dataSource.manager;
    const votes = await m.query<{ id: string; record: Record<string, unknown> }[]>(`SELECT v.id, ${TARGET_RECORD.vote!.sql} AS record FROM vote v`);
    expect(votes.length).toBeGreaterThanOrEqual(3);
    for (const { id, record } of votes) {
      expect(entityFromRecord(m, Vote, record)).toStrictEqual(await m.getRepository(Vote).findOneByOrFail({ id }));
    }
    // The counted vote leaves no column of the row unread: dates, jsonb, arrays, text and the sealed result.
    const closed = entityFromRecord(m, Vote, votes.find((v) => v.id === closedVoteId)!.record);
    expect(closed).toMatchObject({ status: 'closed', matterKinds: ['owners-other'], titleEn: 'Replacing the access control system' });
    for (const key of ['closedAt', 'openedAt', 'noticeEndsAt', 'boardPublishedAt'] as const) expect(closed[key]).toBeInstanceOf(Date);
    for (const key of ['resultJson', 'voteJson', 'chainHead', 'publicToken', 'shorteningId', 'earlyReason'] as const) expect(typeof closed[key]).toBe('string');
    // What the entity does not select is not there either: the record holds exactly the entity's columns.
    expect(closed.electorateJson).toBeUndefined();
    expect(closed.boxJsonl).toBeUndefined();
    const selected = m.connection.getMetadata(Vote).columns.filter((c) => c.isSelect !== false).map((c) => c.databaseName);
    for (const { record } of votes) expect(Object.keys(record).sort()).toEqual([...selected].sort());

    const consultations = await m.query<{ id: string; record: Record<string, unknown> }[]>(`SELECT c.id, ${TARGET_RECORD.consultation!.sql} AS record FROM consultation c`);
    expect(consultations.length).toBeGreaterThanOrEqual(1);
    for (const { id, record } of consultations) {
      expect(entityFromRecord(m, Consultation, record)).toStrictEqual(await m.getRepository(Consultation).findOneByOrFail({ id }));
    }
  });

  it('answers only the first read outside a transaction of the same row, in the request that read it', async () => {
    const ds = t.dataSource;
    const m = ds.manager;
    const [row] = await m.query<{ record: Record<string, unknown> }[]>(`SELECT ${TARGET_RECORD.vote!.sql} AS record FROM vote v WHERE v.id = $1`, [closedVoteId]);
    // The guard's copy is marked so that where an answer came from shows.
    const guards = (): Record<string, unknown> => ({ ...row!.record, title: '守卫读到的' });
    const inRequest = <T>(fn: () => Promise<T>): Promise<T> =>
      requestContext.run({ requestId: null, ip: null, userAgent: null, record: { table: 'vote', row: guards(), nodes: [] } }, fn);

    // The first read takes it; the next asks the database.
    expect(await inRequest(async () => [(await findVote(m, closedVoteId))!.title, (await getVote(m, closedVoteId)).title])).toEqual(['守卫读到的', '更换小区门禁系统']);
    // Not inside a transaction, nor once the request has begun one.
    expect(await inRequest(() => ds.transaction(async (tx) => (await findVote(tx, closedVoteId))!.title))).toBe('更换小区门禁系统');
    expect(
      await inRequest(async () => {
        await ds.transaction((tx) => tx.query('SELECT 1'));
        return (await findVote(m, closedVoteId))!.title;
      }),
    ).toBe('更换小区门禁系统');
    // Not for another vote, nor for a consultation, nor outside a request.
    const [other] = await m.query<{ id: string }[]>(`SELECT id FROM vote WHERE id <> $1 LIMIT 1`, [closedVoteId]);
    expect(await inRequest(async () => (await findVote(m, other!.id))!.id)).toBe(other!.id);
    const [consultation] = await m.query<{ id: string; title: string }[]>(`SELECT id, title FROM consultation LIMIT 1`);
    expect(await inRequest(async () => (await consultationWithUnits(m, consultation!.id, false))!.consultation.title)).toBe(consultation!.title);
    expect((await findVote(m, closedVoteId))!.title).toBe('更换小区门禁系统');
  });

  it("serves the pages from the guard's read with what a read of the database shows", async () => {
    const vote = await as.owner!.get<VoteDetailDto>(`/api/votes/${closedVoteId}`);
    expect(vote.status).toBe(200);
    expect(vote.body).toMatchObject({ id: closedVoteId, title: '更换小区门禁系统', status: 'closed' });
    // A change made meanwhile shows in the next request's page.
    const [consultation] = await t.dataSource.query<{ id: string; title: string }[]>(`SELECT id, title FROM consultation LIMIT 1`);
    const path = `/api/consultations/${consultation!.id}`;
    expect((await as.staff!.get<{ title: string }>(path)).body.title).toBe(consultation!.title);
    await t.dataSource.query(`UPDATE consultation SET title = $2 WHERE id = $1`, [consultation!.id, `${consultation!.title}（修订）`]);
    expect((await as.staff!.get<{ title: string }>(path)).body.title).toBe(`${consultation!.title}（修订）`);
  });
});
