/**
 * The area seeder behind `npm run seed:area` and `npm run bench:pages`, on a small area (three
 * compounds in proportion to the 40), so it cannot rot: its counts add up, every vote's electorate
 * is frozen, and the benchmark's pages answer the people they are for and no one else. Timing is
 * the benchmark's business, not this test's.
 */
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { HttpSession } from '../../test/http-session';
import { onClient, pooledConnection } from '../database/pooled';
import type { TxQuery } from '../database/pooled';
import type { Area, AreaActivity } from './area';
import { areaExists, openSessions, scaledArea, seedArea, seedAreaRolls } from './area';

describe('the 千灯湖 area seeder (small)', () => {
  let t: TestApp;
  let area: Area;
  let activity: AreaActivity;
  const options = scaledArea(3);
  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.dataSource.query<T[]>(sql, params);
  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await query<{ n: number }>(sql, params))[0]!.n;

  /** A signed-in session of this user, as the benchmark opens them. */
  const as = async (userId: string): Promise<HttpSession> => {
    const [client, release] = await pooledConnection(t.dataSource);
    try {
      const [account] = await openSessions(onClient(client), [userId]);
      const session = new HttpSession(t.baseUrl);
      (session as unknown as { cookie: string }).cookie = account!.token;
      session.csrfToken = account!.csrfToken;
      return session;
    } finally {
      release();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ area, activity } = await seedArea(t.app, options));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes the rolls it says, in proportion, with co-owners, developer units, owners of a home and a shop, and tenants', async () => {
    expect(area.compounds).toHaveLength(3);
    expect(area.counts).toMatchObject({ compounds: 3, buildings: options.buildings, homes: options.homes, shops: options.shops, buildingHeads: options.buildings });
    expect(await count(`SELECT count(*)::int AS n FROM org_node WHERE kind = 'compound'`)).toBe(3);
    expect(await count(`SELECT count(*)::int AS n FROM building`)).toBe(options.buildings);
    expect(await count(`SELECT count(*)::int AS n FROM exclusive_unit WHERE kind = 'dwelling'`)).toBe(options.homes);
    expect(await count(`SELECT count(*)::int AS n FROM exclusive_unit WHERE kind = 'shop'`)).toBe(options.shops);
    expect(await count(`SELECT count(*)::int AS n FROM owner`)).toBe(area.counts['owners']);
    expect(await count(`SELECT count(*)::int AS n FROM tenant`)).toBe(area.counts['tenants']);
    // Every unit has exactly one designated voter; a co-owned one another owner besides.
    expect(await count(`SELECT count(*)::int AS n FROM exclusive_unit e WHERE (SELECT count(*) FROM ownership s WHERE s.exclusive_unit_id = e.id AND s.is_designated_voter) <> 1`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM ownership WHERE NOT is_designated_voter`)).toBe(area.counts['coOwnedUnits']);
    expect(await count(`SELECT count(*)::int AS n FROM owner WHERE kind = 'developer'`)).toBe(3);
    expect(area.counts['developerUnits']).toBeGreaterThan(0);
    expect(area.counts['ownersOfHomeAndShop']).toBeGreaterThan(0);
    expect(area.counts['tenants']).toBeGreaterThan(0);
    // One building head per building, granted on that building of its compound.
    expect(await count(`SELECT count(DISTINCT building_id)::int AS n FROM role_grant WHERE role = 'building_head'`)).toBe(options.buildings);
  });

  it('refuses to write the area twice', async () => {
    const [client, release] = await pooledConnection(t.dataSource);
    try {
      const run: TxQuery = onClient(client);
      expect(await areaExists(run)).toBe(true);
      await expect(seedAreaRolls(run, options)).rejects.toThrow(/already holds the area/);
    } finally {
      release();
    }
    expect(await count(`SELECT count(*)::int AS n FROM org_node WHERE kind = 'compound'`)).toBe(3);
  });

  it('opens consultations with opinions and answers, and votes with their electorate frozen, one counted', async () => {
    expect(activity.counts['opinions']).toBe(options.jointOpinions + options.compoundConsultations * options.compoundOpinions);
    expect(await count(`SELECT count(*)::int AS n FROM comment WHERE consultation_id = $1`, [activity.jointConsultationId])).toBeGreaterThanOrEqual(options.jointOpinions);
    expect(await count(`SELECT count(*)::int AS n FROM official_reply`)).toBe(activity.counts['officialReplies']);
    expect(await count(`SELECT count(DISTINCT unit_id)::int AS n FROM consultation_unit WHERE consultation_id = $1`, [activity.jointConsultationId])).toBe(3);
    const votes = await query<{ id: string; status: string; frozen: boolean; voters: number; electorate: number; units: number }>(
      `SELECT v.id, v.status, v.electorate_json IS NOT NULL AND v.vote_json IS NOT NULL AND v.opened_at IS NOT NULL AS frozen,
              (SELECT count(*)::int FROM vote_voter x WHERE x.vote_id = v.id) AS voters,
              json_array_length((v.electorate_json::json) -> 'electorate' -> 'units') AS electorate,
              (SELECT count(*)::int FROM exclusive_unit e WHERE e.unit_id = v.unit_id) AS units
         FROM vote v`,
    );
    expect(votes).toHaveLength(options.openVotes + 1);
    for (const v of votes) {
      expect(v.frozen).toBe(true);
      expect(v.voters).toBeGreaterThan(0);
      // The frozen file holds every exclusive unit of the compound (the roll when voting opened).
      expect(v.electorate).toBe(v.units);
    }
    expect(votes.find((v) => v.id === activity.closedVote.id)!.status).toBe('closed');
    expect(votes.filter((v) => v.status === 'open').map((v) => v.id).sort()).toEqual(activity.openVotes.map((v) => v.id).sort());
    expect(await count(`SELECT count(*)::int AS n FROM ballot`)).toBe(activity.counts['ballots']);
    expect(await count(`SELECT count(*)::int AS n FROM vote_cast WHERE seq IS NULL`)).toBe(0);
  });

  it('answers the benchmark’s pages for the people they are for, and not for another compound’s resident', async () => {
    const open = activity.openVotes[0]!;
    const home = area.compounds.find((c) => c.id === open.unitId)!;
    const other = area.compounds.find((c) => c.id !== open.unitId && c.id !== activity.closedVote.unitId)!;
    const voterOf = async (voteId: string): Promise<string> =>
      (await query<{ user_id: string }>(`SELECT o.user_id FROM vote_voter v JOIN owner o ON o.id = v.person_id WHERE v.vote_id = $1 AND o.user_id IS NOT NULL ORDER BY o.user_id LIMIT 1`, [voteId]))[0]!
        .user_id;
    const voter = await as(await voterOf(open.id));
    const closedVoter = await as(await voterOf(activity.closedVote.id));
    const outsider = await as(other.residentUserIds[0]!);
    const head = home.buildingHeads[0]!;
    const headSession = await as(head.userId);
    const otherHead = await as(home.buildingHeads[1]?.userId ?? other.buildingHeads[0]!.userId);
    const convenor = await as(home.convenorUserId);
    const jointConvenor = await as(area.jointConvenorUserId);
    const joint = activity.jointConsultationId;

    for (const path of ['/api/organizations/tree', '/api/me/open-matters', '/api/me/roll', `/api/votes/${open.id}`, `/api/votes/${open.id}/turnout`, `/api/consultations/${joint}/versions/1`, `/api/consultations/${joint}/comments`]) {
      expect([path, (await voter.get(path)).status]).toEqual([path, 200]);
    }
    expect((await closedVoter.get(`/api/votes/${activity.closedVote.id}/result`)).status).toBe(200);
    expect((await jointConvenor.get(`/api/consultations/${joint}/adoption-report`)).status).toBe(200);
    expect((await headSession.get(`/api/votes/${open.id}/missing?buildingId=${head.buildingId}`)).status).toBe(200);
    expect((await convenor.get(`/api/units/${home.id}/roll/exclusive-units?q=${encodeURIComponent('陈')}`)).status).toBe(200);

    // Another compound's resident: the vote and its figures are none of their business; the roll is not theirs to read.
    expect((await outsider.get(`/api/votes/${open.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/votes/${open.id}/turnout`)).status).toBe(404);
    expect((await outsider.get(`/api/votes/${activity.closedVote.id}/result`)).status).toBe(404);
    expect([403, 404]).toContain((await outsider.get(`/api/units/${home.id}/roll/exclusive-units`)).status);
    expect([403, 404]).toContain((await outsider.get(`/api/votes/${open.id}/missing?buildingId=${head.buildingId}`)).status);
    // A building head lists their own building only; a resident may not read the roll.
    if (home.buildingHeads[1]) expect((await otherHead.get(`/api/votes/${open.id}/missing?buildingId=${head.buildingId}`)).status).toBe(403);
    expect((await voter.get(`/api/units/${home.id}/roll/exclusive-units`)).status).toBe(403);
  });
});
