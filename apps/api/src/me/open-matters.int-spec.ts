/**
 * 「我的」 puts what waits for a person first: the open votes they may cast in (and whether they
 * have), the consultations open for comment and the sessions they are invited to, in each unit
 * they belong to; and an owner whose account is linked to the roll after a vote opened is told of
 * it in the inbox, as everyone was when voting opened.
 */
import type { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { createAccount, createCompound, grant, openWithApproval, SHORTENING_REASON, signIn } from '../../test/vote-fixtures';
import type { MyOpenMattersDto } from './me.dto';

const HOUR = 3600_000;

describe('what waits for me: open votes, consultations and sessions first, and a vote told to one who joins late', () => {
  let t: TestApp;
  let unitId: string;
  let staff: HttpSession;
  let street: HttpSession;
  let early: HttpSession;
  let outsider: HttpSession;
  const owners: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const [streetNode] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('m-street', 'street', '桂城街道', NULL) RETURNING id`);
    const [community] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('m-daxu', 'community', '大圩社区', $1) RETURNING id`, [streetNode!.id]);
    const compound = await createCompound(t.dataSource, {
      code: 'm-yushuian',
      name: '御水岸',
      parent: 'm-daxu',
      units: [
        { number: '1-101', building: '1栋', area: 10000 },
        { number: '1-102', building: '1栋', area: 10000 },
      ],
      owners: [
        { key: 'early', name: '业主 早', phone: '13500000001', units: [{ number: '1-101' }] },
        { key: 'late', name: '业主 迟', units: [{ number: '1-102' }] },
      ],
    });
    unitId = compound.unitId;
    await createCompound(t.dataSource, { code: 'm-other', name: '碧水湾', parent: 'm-daxu', units: [{ number: 'A-1', building: 'A栋', area: 10000 }], owners: [{ key: 'x', name: '碧水湾 业主', phone: '13500000009', units: [{ number: 'A-1' }] }] });
    for (const r of await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM owner WHERE unit_id = $1`, [unitId])) owners[r.name] = r.id;
    await grant(t.dataSource, await createAccount(t.dataSource, '13500000100', '大圩社区 工作人员'), community!.id, 'staff');
    await grant(t.dataSource, await createAccount(t.dataSource, '13500000101', '桂城街道 工作人员'), streetNode!.id, 'staff');
    staff = await signIn(t.dataSource, t.baseUrl, '13500000100');
    street = await signIn(t.dataSource, t.baseUrl, '13500000101');
    early = await signIn(t.dataSource, t.baseUrl, '13500000001');
    outsider = await signIn(t.dataSource, t.baseUrl, '13500000009');
  });
  afterAll(() => t.close());

  it('lists the open vote first with whether I have voted, the consultation open for comment and the session I am invited to; nothing of another compound', async () => {
    const vote = await staff.post<{ id: string }>(`/api/units/${unitId}/votes`, {
      title: '更换电梯',
      question: '是否同意更换1栋电梯？',
      ruleSet: 'cc278-ordinary',
      matterKinds: ['owners-other'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    expect(vote.status).toBe(201);
    await openWithApproval(staff, street, vote.body.id);
    const consultation = await staff.post<{ id: string }>(`/api/nodes/${unitId}/consultations`, { title: '文明养犬公约', ruleSet: 'cc278-ordinary' });
    await t.dataSource.query(`UPDATE consultation SET phase = 'comment' WHERE id = $1`, [consultation.body.id]);
    const session = await staff.post<{ id: string }>(`/api/nodes/${unitId}/sessions`, {
      kind: 'consultative',
      title: '御水岸议事会',
      place: '党群服务站',
      startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 26 * HOUR).toISOString(),
    });
    await staff.post(`/api/sessions/${session.body.id}/announce`);

    const before = (await early.get<MyOpenMattersDto>('/api/me/open-matters')).body;
    expect(before.votes).toEqual([expect.objectContaining({ id: vote.body.id, title: '更换电梯', unitName: '御水岸', voters: 1, voted: 0 })]);
    expect(before.consultations).toEqual([expect.objectContaining({ id: consultation.body.id, title: '文明养犬公约', unitName: '御水岸' })]);
    expect(before.sessions).toEqual([expect.objectContaining({ id: session.body.id, title: '御水岸议事会', place: '党群服务站' })]);
    expect((await early.post(`/api/votes/${vote.body.id}/ballots`, { choice: 'approve' })).status).toBe(200);
    expect((await early.get<MyOpenMattersDto>('/api/me/open-matters')).body.votes[0]).toMatchObject({ voters: 1, voted: 1 });
    // Another compound's owner sees none of it.
    expect(await outsider.get<MyOpenMattersDto>('/api/me/open-matters').then((r) => r.body)).toEqual({ votes: [], consultations: [], sessions: [] });

    // 业主 迟 joins after the vote opened: linked to his roll entry at the desk, he is told of it and finds it first.
    await createAccount(t.dataSource, '13500000002', '业主 迟');
    expect((await staff.post(`/api/units/${unitId}/links`, { personType: 'owner', personId: owners['业主 迟'], phone: '13500000002' })).status).toBeLessThan(300);
    const lateSession = await signIn(t.dataSource, t.baseUrl, '13500000002');
    const inbox = await lateSession.get<{ items: { kind: string; link: string; params: Record<string, unknown> }[] }>('/api/me/notifications');
    const told = inbox.body.items.filter((n) => n.kind === 'vote_opened');
    expect(told.map((n) => [n.link, n.params['title']])).toEqual([[`/votes/${vote.body.id}`, '更换电梯']]);
    expect((await lateSession.get<MyOpenMattersDto>('/api/me/open-matters')).body.votes).toEqual([expect.objectContaining({ id: vote.body.id, voters: 1, voted: 0 })]);
    expect((await lateSession.post(`/api/votes/${vote.body.id}/ballots`, { choice: 'oppose' })).status).toBe(200);
  });
});
