import { hasFullCivilCapacityByAge } from '@yishi/domain';
import { verify } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { createTestDatabase, startTestApp } from '../../test/test-app';
import { createDataSource } from '../database/data-source';
import { buildDemoData, DEMO_ACTIVITY, DEMO_PASSWORD } from './demo-data';
import { seedDemoData } from './seed-demo';
import type { SessionDto } from '../sessions/dto/session.dto';

describe('demo data', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const count = async (table: string): Promise<number> =>
    Number((await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('is written once: a second run changes nothing', async () => {
    const first = await seedDemoData(ds);
    expect(first.seeded).toBe(true);
    const tables = ['org_node', 'app_user', 'role_grant', 'household', 'member', 'building', 'exclusive_unit', 'owner', 'ownership', 'tenant', 'audit_entry'];
    const before = await Promise.all(tables.map(count));
    const second = await seedDemoData(ds);
    expect(second.seeded).toBe(false);
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(await count('audit_entry')).toBe(1);
  });

  it('two instances seeding at once still write it once', async () => {
    const other = await createTestDatabase();
    const a = await createDataSource(other.url).initialize();
    const b = await createDataSource(other.url).initialize();
    try {
      const results = await Promise.all([seedDemoData(a), seedDemoData(b)]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      expect(Number((await a.query<{ n: string }[]>('SELECT count(*) AS n FROM org_node'))[0]!.n)).toBe(5);
    } finally {
      await a.destroy();
      await b.destroy();
      await other.drop();
    }
  });

  it('has a cooperative of about 120 members in about 40 households, with minors and one delegated household representative', async () => {
    const demo = buildDemoData();
    const members = demo.cooperative.households.flatMap((h) => h.members);
    expect(demo.cooperative.households).toHaveLength(40);
    expect(members.length).toBeGreaterThanOrEqual(100);
    expect(members.length).toBeLessThanOrEqual(140);
    expect(members.filter((m) => !hasFullCivilCapacityByAge(m.birthDate, '2026-11-26')).length).toBeGreaterThan(0);
    const delegated = await ds.query<{ number: string }[]>(
      `SELECT h.number FROM household h
         JOIN member rep ON rep.household_id = h.id AND rep.is_household_representative
         JOIN member head ON head.household_id = h.id AND head.is_household_head
        WHERE rep.id <> head.id`,
    );
    expect(delegated).toEqual([{ number: 'NC-007' }]);
  });

  it('has a compound with a developer, a multi-unit owner, a co-owned flat, parking spaces and tenants', async () => {
    const developer = await ds.query<{ units: number }[]>(
      `SELECT o.name, count(*)::int AS units FROM owner o JOIN ownership s ON s.owner_id = o.id WHERE o.kind = 'developer' GROUP BY o.name`,
    );
    expect(developer).toHaveLength(1);
    expect(developer[0]!.units).toBeGreaterThan(5);

    const multi = await ds.query<{ phone: string; units: number; kinds: string[] }[]>(
      `SELECT o.phone, count(*)::int AS units, array_agg(DISTINCT e.kind ORDER BY e.kind) AS kinds
         FROM owner o JOIN ownership s ON s.owner_id = o.id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
        WHERE o.kind = 'person' GROUP BY o.id HAVING count(*) > 1`,
    );
    expect(multi).toEqual([{ phone: '13800000012', units: 4, kinds: ['dwelling', 'parking', 'shop'] }]);

    const coOwned = await ds.query<unknown[]>(
      `SELECT e.number, count(*)::int AS owners, count(*) FILTER (WHERE s.is_designated_voter)::int AS voters
         FROM exclusive_unit e JOIN ownership s ON s.exclusive_unit_id = e.id GROUP BY e.number HAVING count(*) > 1`,
    );
    expect(coOwned).toEqual([{ number: '2-803', owners: 2, voters: 1 }]);

    expect(await count(`exclusive_unit WHERE kind = 'parking'`)).toBeGreaterThan(0);
    expect(await count('exclusive_unit')).toBeGreaterThanOrEqual(280);
    expect(await count('tenant')).toBeGreaterThan(0);
    // Every exclusive unit has an owner and exactly one designated voter.
    expect(await count(`exclusive_unit e WHERE NOT EXISTS (SELECT 1 FROM ownership s WHERE s.exclusive_unit_id = e.id AND s.is_designated_voter)`)).toBe(0);
  });

  it('gives every demo account its role and the documented password', async () => {
    const rows = await ds.query<{ phone: string; password_hash: string; roles: string[] }[]>(
      `SELECT u.phone, u.password_hash, array_agg(g.role ORDER BY g.role) AS roles
         FROM app_user u JOIN role_grant g ON g.user_id = u.id GROUP BY u.id ORDER BY u.phone`,
    );
    const roles = new Set(rows.flatMap((r) => r.roles));
    expect([...roles].sort()).toEqual(['admin', 'building_head', 'convenor', 'observer', 'resident', 'staff']);
    expect(rows.map((r) => r.phone)).toEqual(buildDemoData().accounts.map((a) => a.phone).sort());
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(rows[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  });
});

describe('demo activity, written at start-up through the API services', () => {
  let t: TestApp;
  let seededAt: number;
  let seconds: number;
  const DAY_MS = 24 * 3600 * 1000;
  const compoundId = async (): Promise<string> => (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`))[0]!.id;
  const cooperativeId = async (): Promise<string> => (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'nancun'`))[0]!.id;
  const signedIn = (phone: string): Promise<HttpSession> => HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);

  beforeAll(async () => {
    t = await startTestApp();
    seededAt = Date.now();
    const result = await seedDemoData(t.app);
    seconds = (Date.now() - seededAt) / 1000;
    expect(result.seeded).toBe(true);
    expect(result.counts).toMatchObject({ consultations: 1, votes: 2, comments: 4, officialReplies: 1, briefings: 1, topics: 2, sessions: 1 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is written once, and a second start adds nothing', async () => {
    const tables = ['consultation', 'draft_version', 'clause', 'comment', 'official_reply', 'briefing', 'vote', 'vote_voter', 'ballot', 'notification', 'audit_entry', 'topic', 'discussion_session', 'session_agenda_item'];
    const count = async (table: string): Promise<number> => Number((await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
    const before = await Promise.all(tables.map(count));
    expect((await seedDemoData(t.app)).seeded).toBe(false);
    expect(await Promise.all(tables.map(count))).toEqual(before);
    // Fast enough not to be noticed at start-up (the street itself takes most of it).
    expect(seconds).toBeLessThan(15);
  });

  it('announces a discussion session of 御水岸 in three days’ evening, with the convention’s draft and the two topics residents raised on its agenda', async () => {
    const resident = await signedIn('13800000012');
    const sessions = await resident.get<SessionDto[]>(`/api/nodes/${await compoundId()}/sessions`);
    expect(sessions.status).toBe(200);
    expect(sessions.body).toHaveLength(1);
    const [session] = sessions.body;
    expect(session).toMatchObject({ kind: 'consultative', status: 'announced', place: '御水岸党群服务站', quorum: { met: null, present: 0 } });
    const startsIn = new Date(session!.startsAt).getTime() - seededAt;
    expect(startsIn).toBeGreaterThan(2 * DAY_MS);
    expect(startsIn).toBeLessThan(4 * DAY_MS);
    expect(new Date(session!.startsAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })).toBe('19:00:00');
    expect(session!.agenda.map((a) => [a.kind, a.title])).toEqual([
      ['draft', '电动自行车停放与充电管理公约（第1稿）'],
      ['topic', '地下车库B区照明不足'],
      ['topic', '2栋南侧绿地改建儿童游乐区'],
    ]);
    // Its room is staffed: the committee chair presides, the building head records, two owners count and scrutinise; the property manager attends.
    expect(session!.officers.map((o) => o.role)).toEqual(['chair', 'recorder', 'teller', 'scrutineer']);
    expect(session!.officers[0]!.name).toBe('御水岸业委会 邓卓');
    expect(session!.guests).toMatchObject([{ name: '物业服务中心 王经理', affiliation: '御水岸物业服务中心', checkedInAt: null }]);
  });

  it('opens a consultation in 御水岸 for comment: a published draft, opinions online and offline, one answered, and a briefing to come', async () => {
    const chair = await signedIn('13800000006');
    const [listed] = (await chair.get<{ id: string; title: string; phase: string; currentVersion: number; commentCount: number }[]>(`/api/units/${await compoundId()}/consultations`)).body;
    expect(listed).toMatchObject({ title: DEMO_ACTIVITY.consultation.title, phase: 'comment', currentVersion: 1, commentCount: 4 });

    const version = (await chair.get<{ published: boolean; clauses: { number: number; heading: string }[] }>(`/api/consultations/${listed!.id}/versions/1`)).body;
    expect(version.published).toBe(true);
    expect(version.clauses.length).toBeGreaterThanOrEqual(4);
    expect(version.clauses.length).toBeLessThanOrEqual(6);

    const page = (
      await chair.get<{ items: { clauseNumber: number | null; channel: string; authorName: string | null; offline: { collectorName: string } | null; officialReply: { outcome: string; reason: string } | null }[] }>(
        `/api/consultations/${listed!.id}/comments`,
      )
    ).body;
    expect(page.items).toHaveLength(4);
    expect(page.items.every((c) => c.clauseNumber !== null)).toBe(true);
    const answered = page.items.filter((c) => c.officialReply);
    expect(answered).toHaveLength(1);
    expect(answered[0]!.officialReply).toMatchObject({ outcome: 'partly_adopted', reason: DEMO_ACTIVITY.consultation.comments[0]!.reply!.reason });
    const offline = page.items.filter((c) => c.channel !== 'online');
    expect(offline).toEqual([expect.objectContaining({ channel: 'building_head', authorName: DEMO_ACTIVITY.consultation.offline.residentName })]);
    expect(offline[0]!.offline!.collectorName).toBe(buildDemoData().accounts.find((a) => a.phone === '13800000007')!.displayName);

    // The owner who wrote the answered opinion is told so in the inbox, as after a real answer.
    const owner = await signedIn('13800000012');
    const inbox = (await owner.get<{ items: { kind: string; params: Record<string, unknown> }[] }>('/api/me/notifications')).body.items;
    expect(inbox.map((n) => n.kind)).toEqual(expect.arrayContaining(['consultation_opened', 'comment_replied', 'vote_opened']));

    const [briefing] = (await owner.get<{ place: string; capacity: number; startsAt: string; cancelledAt: string | null }[]>(`/api/consultations/${listed!.id}/briefings`)).body;
    expect(briefing).toMatchObject({ place: '大圩社区组织生活馆', capacity: DEMO_ACTIVITY.consultation.briefing.capacity, cancelledAt: null });
    expect(new Date(briefing!.startsAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('has an open named vote in 御水岸 the owner can cast in right after signing in, with nobody having voted for the demo accounts', async () => {
    const owner = await signedIn('13800000012');
    const votes = (await owner.get<{ id: string; title: string; status: string; ruleSet: string; secrecy: string; turnoutPublic: boolean; opensAt: string; closesAt: string }[]>(`/api/units/${await compoundId()}/votes`)).body;
    expect(votes).toHaveLength(1);
    const vote = votes[0]!;
    expect(vote).toMatchObject({ title: DEMO_ACTIVITY.compoundVote.title, status: 'open', ruleSet: 'cc278-ordinary', secrecy: 'named', turnoutPublic: true });
    expect(new Date(vote.opensAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(Math.abs(new Date(vote.closesAt).getTime() - (seededAt + 14 * DAY_MS))).toBeLessThan(60_000);

    const detail = (await owner.get<{ myVoters: { canCast: boolean; voted: boolean; unitLabels: string[] }[] }>(`/api/votes/${vote.id}`)).body;
    expect(detail.myVoters).toEqual([expect.objectContaining({ canCast: true, voted: false })]);
    expect(detail.myVoters[0]!.unitLabels).toHaveLength(4);

    // The demo does not contradict itself: announced with the owners' full 15-day notice, opened only
    // once it had run, with nothing shortened — and the vote page and the recount file say so.
    const shown = (await owner.get<{ announcedAt: string; noticeEndsAt: string; opensAt: string; closesAt: string; noticeDays: number; shortening: unknown; matterKinds: string[] }>(`/api/votes/${vote.id}`)).body;
    expect(shown.noticeDays).toBe(15);
    expect(new Date(shown.noticeEndsAt).getTime() - new Date(shown.announcedAt).getTime()).toBe(15 * DAY_MS);
    expect(new Date(shown.opensAt).getTime()).toBeGreaterThanOrEqual(new Date(shown.noticeEndsAt).getTime());
    expect(new Date(shown.noticeEndsAt).getTime()).toBeLessThan(new Date(shown.closesAt).getTime());
    expect(shown.shortening).toBeNull();
    expect(shown.matterKinds).toEqual(['owners-other']);
    // Those who have not voted are reminded three days and one day before closing; not yet.
    const reminders = await t.dataSource.query<{ hours_before: number; sent_at: Date | null }[]>(`SELECT hours_before, sent_at FROM vote_reminder WHERE vote_id = $1 ORDER BY hours_before DESC`, [vote.id]);
    expect(reminders).toEqual([
      { hours_before: 72, sent_at: null },
      { hours_before: 24, sent_at: null },
    ]);
    const [row] = await t.dataSource.query<{ early_reason: string | null; shortening_id: string | null; vote_json: string; voters: number; ballots: number }[]>(
      `SELECT v.early_reason, v.shortening_id, v.vote_json, (SELECT count(*)::int FROM vote_voter w WHERE w.vote_id = v.id) AS voters, (SELECT count(*)::int FROM ballot b WHERE b.vote_id = v.id) AS ballots FROM vote v WHERE v.id = $1`,
      [vote.id],
    );
    expect(row).toMatchObject({ early_reason: null, shortening_id: null, voters: Number((await t.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM owner'))[0]!.n), ballots: 0 });
    expect((JSON.parse(row!.vote_json) as { safeguards: unknown }).safeguards).toEqual({ announcedAt: shown.announcedAt, noticeEndsAt: shown.noticeEndsAt, minVotingHours: 168, shortening: null });

    // The owner really can vote: the ballot counts and the receipt comes back.
    const cast = await owner.post<{ receipt: string }>(`/api/votes/${vote.id}/ballots`, { choice: 'approve' });
    expect(cast.status).toBe(200);
    expect(cast.body.receipt).toBeTruthy();
  });

  it('announces a member-assembly vote in 南村经济社, scheduled after its 10-day notice, which the convenor sees', async () => {
    const convenor = await signedIn('13800000005');
    const votes = (await convenor.get<{ title: string; status: string; ruleSet: string; opensAt: string }[]>(`/api/units/${await cooperativeId()}/votes`)).body;
    expect(votes).toEqual([expect.objectContaining({ title: DEMO_ACTIVITY.cooperativeVote.title, status: 'scheduled', ruleSet: 'rceo-27' })]);
    expect(new Date(votes[0]!.opensAt).getTime()).toBeGreaterThan(seededAt + 10 * DAY_MS);
  });
});
