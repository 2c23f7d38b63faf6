/**
 * Who is still missing in a vote: a building head sees their own building only — who has not taken
 * part, with the phone the roll holds, and the visits recorded — the convenor every building with
 * the turnout each adds; nobody sees how anyone voted, a secret vote's list is its marked roll, and
 * each view of a list of people is in the audit trail.
 */
import type { ErrorBody } from '@yishi/contracts';
import type { HttpSession } from '../../../test/http-session';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { createAccount, createCompound, grant, openWithApproval, SHORTENING_REASON, signIn } from '../../../test/vote-fixtures';
import type { MissingListDto } from './dto/missing.dto';

const HOUR = 3600_000;

describe('who is still missing: per building, for its building head only, never how anyone voted', () => {
  let t: TestApp;
  let unitId: string;
  let staff: HttpSession;
  let street: HttpSession;
  let head1: HttpSession;
  let outsider: HttpSession;
  const voters: Record<string, HttpSession> = {};
  const buildings: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const [streetNode] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('x-street', 'street', '桂城街道', NULL) RETURNING id`);
    const [community] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO org_node (code, kind, name, parent_id) VALUES ('x-daxu', 'community', '大圩社区', $1) RETURNING id`, [streetNode!.id]);
    const compound = await createCompound(t.dataSource, {
      code: 'x-yushuian',
      name: '御水岸',
      parent: 'x-daxu',
      units: [
        { number: '1-101', building: '1栋', area: 10000 },
        { number: '1-102', building: '1栋', area: 10000 },
        { number: '1-103', building: '1栋', area: 10000 },
        { number: '2-101', building: '2栋', area: 10000 },
        { number: '2-102', building: '2栋', area: 10000 },
      ],
      owners: [
        { key: 'a', name: '1栋 甲', phone: '13400000001', units: [{ number: '1-101' }] },
        { key: 'b', name: '1栋 乙', phone: '13400000002', units: [{ number: '1-102' }] },
        { key: 'c', name: '1栋 丙', units: [{ number: '1-103' }] },
        { key: 'd', name: '2栋 丁', phone: '13400000004', units: [{ number: '2-101' }] },
        { key: 'e', name: '2栋 戊', units: [{ number: '2-102' }] },
      ],
    });
    unitId = compound.unitId;
    await createCompound(t.dataSource, { code: 'x-other', name: '碧水湾', parent: 'x-daxu', units: [{ number: 'A-1', building: 'A栋', area: 10000 }], owners: [{ key: 'x', name: '碧水湾 业主', phone: '13400000009', units: [{ number: 'A-1' }] }] });
    // 1栋 丙 has a phone on the roll but no account.
    await t.dataSource.query(`UPDATE owner SET phone = '13400000003' WHERE unit_id = $1 AND name = '1栋 丙'`, [unitId]);
    for (const r of await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM building WHERE unit_id = $1`, [unitId])) buildings[r.name] = r.id;
    await grant(t.dataSource, await createAccount(t.dataSource, '13400000100', '大圩社区 工作人员'), community!.id, 'staff');
    await grant(t.dataSource, await createAccount(t.dataSource, '13400000101', '桂城街道 工作人员'), streetNode!.id, 'staff');
    const headId = await createAccount(t.dataSource, '13400000102', '1栋 楼长');
    await t.dataSource.query(`INSERT INTO role_grant (user_id, node_id, role, building_id) VALUES ($1, $2, 'building_head', $3)`, [headId, unitId, buildings['1栋']]);
    staff = await signIn(t.dataSource, t.baseUrl, '13400000100');
    street = await signIn(t.dataSource, t.baseUrl, '13400000101');
    head1 = await signIn(t.dataSource, t.baseUrl, '13400000102');
    outsider = await signIn(t.dataSource, t.baseUrl, '13400000009');
    for (const phone of ['13400000001', '13400000002', '13400000004']) voters[phone] = await signIn(t.dataSource, t.baseUrl, phone);
  });
  afterAll(() => t.close());

  const openVote = async (secrecy: 'named' | 'secret'): Promise<string> => {
    const vote = await staff.post<{ id: string }>(`/api/units/${unitId}/votes`, {
      title: secrecy === 'named' ? '更换电梯' : '选举业委会（测试无记名）',
      question: '是否同意？',
      ruleSet: secrecy === 'named' ? 'cc278-ordinary' : 'simple-majority',
      matterKinds: secrecy === 'named' ? ['owners-other'] : ['other'],
      secrecy,
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      shorteningReason: SHORTENING_REASON,
    });
    if (vote.status !== 201) throw new Error(JSON.stringify(vote.body));
    await openWithApproval(staff, street, vote.body.id);
    return vote.body.id;
  };

  it('gives the building head his building’s missing owners with their phones, the convenor every building’s turnout; visits are recorded; each view is audited', async () => {
    const voteId = await openVote('named');
    // 1栋 甲 and 2栋 丁 vote.
    expect((await voters['13400000001']!.post(`/api/votes/${voteId}/ballots`, { choice: 'approve' })).status).toBe(200);
    expect((await voters['13400000004']!.post(`/api/votes/${voteId}/ballots`, { choice: 'oppose' })).status).toBe(200);

    const mine = await head1.get<MissingListDto>(`/api/votes/${voteId}/missing?buildingId=${buildings['1栋']}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ group: '1栋', groups: [{ group: '1栋', voters: 3, voted: 1 }] });
    expect(mine.body.missing.map((p) => [p.name, p.unitLabels, p.phone])).toEqual([
      ['1栋 乙', ['1-102'], '13400000002'],
      ['1栋 丙', ['1-103'], '13400000003'],
    ]);
    // Nothing of a choice anywhere in the answer.
    expect(JSON.stringify(mine.body)).not.toMatch(/approve|oppose|choice/);
    // Another building, or every building: not his.
    expect((await head1.get<ErrorBody>(`/api/votes/${voteId}/missing?buildingId=${buildings['2栋']}`)).status).toBe(403);
    expect((await head1.get<ErrorBody>(`/api/votes/${voteId}/missing`)).status).toBe(403);
    // Another compound's people do not even see the vote.
    expect((await outsider.get(`/api/votes/${voteId}/missing?buildingId=${buildings['1栋']}`)).status).toBe(404);
    // An owner of the compound without a role sees no list.
    expect((await voters['13400000002']!.get(`/api/votes/${voteId}/missing?buildingId=${buildings['1栋']}`)).status).toBe(403);

    // The convenor sees the turnout each building adds, then one building's list.
    const summary = await staff.get<MissingListDto>(`/api/votes/${voteId}/missing`);
    expect(summary.body).toMatchObject({ group: null, missing: [], groups: [{ group: '1栋', voters: 3, voted: 1 }, { group: '2栋', voters: 2, voted: 1 }] });
    const two = await staff.get<MissingListDto>(`/api/votes/${voteId}/missing?buildingId=${buildings['2栋']}`);
    expect(two.body.missing.map((p) => p.name)).toEqual(['2栋 戊']);

    // A visit: 乙 will come to the desk; the head cannot record one in 2栋.
    const [yi] = mine.body.missing;
    const visit = await head1.post<MissingListDto>(`/api/votes/${voteId}/missing/contacts`, { voterId: yi!.voterId, outcome: 'will_come', note: '周六上午来', buildingId: buildings['1栋'] });
    expect(visit.status).toBe(201);
    expect(visit.body.missing[0]!.lastContact).toMatchObject({ outcome: 'will_come', note: '周六上午来', by: '1栋 楼长' });
    const wu = two.body.missing[0]!;
    expect((await head1.post<ErrorBody>(`/api/votes/${voteId}/missing/contacts`, { voterId: wu.voterId, outcome: 'refused', buildingId: buildings['1栋'] })).body.details).toMatchObject({ reason: 'not_your_building' });

    // Each list of people seen is in the audit trail (the summary has no one in it).
    const audited = await t.dataSource.query<{ after: { group: string } }[]>(`SELECT after FROM audit_entry WHERE action = 'vote.missing_view' AND entity_id = $1 ORDER BY occurred_at`, [voteId]);
    expect(audited.map((a) => a.after.group)).toEqual(['1栋', '2栋', '1栋']);
  });

  it('lists a secret vote from its marked roll only', async () => {
    const voteId = await openVote('secret');
    expect((await voters['13400000002']!.post(`/api/votes/${voteId}/ballots`, { choice: 'approve' })).status).toBe(200);
    const mine = await head1.get<MissingListDto>(`/api/votes/${voteId}/missing?buildingId=${buildings['1栋']}`);
    expect(mine.body).toMatchObject({ secrecy: 'secret', groups: [{ voters: 3, voted: 1 }] });
    expect(mine.body.missing.map((p) => p.name)).toEqual(['1栋 甲', '1栋 丙']);
    expect(JSON.stringify(mine.body)).not.toMatch(/approve|receipt|choice/);
  });
});
