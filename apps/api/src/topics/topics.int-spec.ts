import type { ErrorBody } from '@yishi/contracts';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import { HttpSession } from '../../test/http-session';
import { publishSimpleVersion } from '../../test/consultations';
import { download, upload } from '../../test/rolls';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { AuditPageDto } from '../audit/audit.controller';
import { hashPassword } from '../auth/password-hash';
import type { ConsultationDetailDto } from '../consultations/dto/consultation.dto';
import type { InboxPageDto } from '../notifications/notifications.controller';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { TopicDto, TopicPageDto, TopicSecondStateDto } from './dto/topic.dto';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-test-photo-of-a-paper-note')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png-body')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 data')]);
const PDF = Buffer.from('%PDF-1.7 not a photo');

describe('topics: intake online and offline, photos, seconding, screening', () => {
  let t: TestApp;
  let node: Record<string, string>;
  /** 御水岸: convenor, community staff, building head (also a resident), residents. */
  let convenor: HttpSession;
  let staff: HttpSession;
  let buildingHead: HttpSession;
  let r12: HttpSession;
  let r13: HttpSession;
  let r14: HttpSession;
  let observer: HttpSession;
  /** 南村经济社: a member and the convenor; the street's staff runs both. */
  let nancunMember: HttpSession;
  let nancunConvenor: HttpSession;
  let streetStaff: HttpSession;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const rows = await t.dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM org_node`);
    node = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    // A supervisory committee member of 御水岸: reads everything, takes part in nothing.
    const [o] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO app_user (phone, display_name, password_hash) VALUES ('13900000099', '监委 何', $1) RETURNING id`, [
      await hashPassword(DEMO_PASSWORD),
    ]);
    await t.dataSource.query(`INSERT INTO role_grant (user_id, node_id, role) VALUES ($1, $2, 'observer')`, [o!.id, node['yushuian']]);
    const sign = (phone: string): Promise<HttpSession> => HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);
    convenor = await sign('13800000006');
    staff = await sign('13800000004');
    buildingHead = await sign('13800000007');
    r12 = await sign('13800000012');
    r13 = await sign('13800000013');
    r14 = await sign('13800000014');
    observer = await sign('13900000099');
    nancunMember = await sign('13800000011');
    nancunConvenor = await sign('13800000005');
    streetStaff = await sign('13800000002');
    for (const u of await t.dataSource.query<{ phone: string; display_name: string }[]>(`SELECT phone, display_name FROM app_user`)) names[u.phone] = u.display_name;
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'topic:%'`));

  const submit = async (who: HttpSession, title: string, extra: Record<string, unknown> = {}, unit = node['yushuian']!): Promise<TopicDto> => {
    const res = await who.post<TopicDto>(`/api/units/${unit}/topics`, { title, body: `${title}，请大家议一议。`, ...extra });
    expect(res.status).toBe(201);
    return res.body;
  };
  const today = (): string => calendarDateIn(LEGAL_TIME_ZONE);
  const inboxOf = async (who: HttpSession): Promise<InboxPageDto['items']> => (await who.get<InboxPageDto>('/api/me/notifications')).body.items;
  const auditOf = async (action: string, unit = node['yushuian']!): Promise<AuditPageDto['entries']> =>
    (await streetStaff.get<AuditPageDto>(`/api/nodes/${unit}/audit?action=${action}`)).body.entries;

  describe('intake', () => {
    it('takes a resident’s topic online as plain text, trimmed, in their unit only', async () => {
      const res = await r12.post<TopicDto>(`/api/units/${node['yushuian']}/topics`, { title: '  东门晚上太暗  ', body: '  路灯坏了两盏，\r\n老人晚上看不清台阶。 <script>alert(1)</script> ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: '东门晚上太暗',
        body: '路灯坏了两盏，\n老人晚上看不清台阶。 <script>alert(1)</script>',
        channel: 'online',
        status: 'open',
        anonymous: false,
        submitterName: names['13800000012'],
        mine: true,
        offline: null,
        secondCount: 0,
        secondedByMe: false,
        photos: [],
        decision: null,
        unitName: '御水岸',
        me: { canSecond: false, canAddPhotos: true, canScreen: false },
      });
      // Others read it with the author's name, and may second it.
      const seen = await r13.get<TopicDto>(`/api/topics/${res.body.id}`);
      expect(seen.body).toMatchObject({ mine: false, submitterName: names['13800000012'], me: { canSecond: true, canAddPhotos: false } });
      expect((await convenor.get<TopicDto>(`/api/topics/${res.body.id}`)).body.me.canScreen).toBe(true);
      // Nobody outside the unit learns it exists.
      expect((await nancunMember.get<ErrorBody>(`/api/topics/${res.body.id}`)).status).toBe(404);
    });

    it('refuses bad text, wrong places and people who cannot take part', async () => {
      const unit = node['yushuian'];
      const bad = async (body: unknown): Promise<ErrorBody> => {
        const res = await r12.post<ErrorBody>(`/api/units/${unit}/topics`, body);
        expect(res.status).toBe(400);
        return res.body;
      };
      expect((await bad({ title: '   ' })).code).toBe('VALIDATION_FAILED');
      expect(await bad({ title: '标'.repeat(101) })).toMatchObject({ details: { fields: [{ field: 'title' }] } });
      expect(await bad({ title: '好', body: '字'.repeat(2001) })).toMatchObject({ details: { fields: [{ field: 'body' }] } });
      expect(await bad({ title: '换行\n标题' })).toMatchObject({ details: { fields: [{ field: 'title' }] } });
      expect(await bad({ title: '控制\u0007字符' })).toMatchObject({ details: { fields: [{ field: 'title' }] } });
      expect(await bad({ title: '方向\u202e覆盖' })).toMatchObject({ details: { fields: [{ field: 'title' }] } });
      expect(await bad({ title: '好', body: '正文\u0000' })).toMatchObject({ details: { fields: [{ field: 'body' }] } });
      expect((await bad({ title: '好', authorId: 'x' })).code).toBe('VALIDATION_FAILED');
      // Exactly the limits are fine.
      expect((await r12.post(`/api/units/${unit}/topics`, { title: '标'.repeat(100), body: '字'.repeat(2000) })).status).toBe(201);
      // Another unit's member: 404; a read-only observer: 403; a community is not a unit: 400.
      expect((await nancunMember.post<ErrorBody>(`/api/units/${unit}/topics`, { title: '外人' })).status).toBe(404);
      expect((await observer.post<ErrorBody>(`/api/units/${unit}/topics`, { title: '监委' })).status).toBe(403);
      expect((await staff.post<ErrorBody>(`/api/units/${node['daxu']}/topics`, { title: '社区' })).status).toBe(400);
    });

    it('limits how many topics one person raises in an hour', async () => {
      for (let i = 1; i <= 5; i += 1) await submit(r14, `租户的议题 ${i}`);
      const sixth = await r14.post<ErrorBody>(`/api/units/${node['yushuian']}/topics`, { title: '第六个' });
      expect(sixth.status).toBe(429);
      expect(sixth.body.code).toBe('TOO_MANY_REQUESTS');
      expect(sixth.headers.get('retry-after')).toBeTruthy();
      // Others are not held back by it.
      await submit(r13, '别人的议题');
    });

    it('hides the name of a resident who asks for it from everyone', async () => {
      const topic = await submit(r13, '物业费收支不透明', { anonymous: true });
      expect(topic).toMatchObject({ anonymous: true, submitterName: null, mine: true });
      const name = names['13800000013']!;
      for (const who of [r12, convenor, staff]) {
        const seen = await who.get<TopicDto>(`/api/topics/${topic.id}`);
        expect(seen.body).toMatchObject({ anonymous: true, submitterName: null, mine: false });
        const list = await who.get<TopicPageDto>(`/api/units/${node['yushuian']}/topics?pageSize=100`);
        expect(JSON.stringify(list.body.items.find((x) => x.id === topic.id))).not.toContain(name);
      }
    });

    it('records offline topics with channel, collector, date and the resident’s name or anonymous', async () => {
      const unit = node['yushuian'];
      const res = await buildingHead.post<TopicDto>(`/api/units/${unit}/topics/offline`, {
        channel: 'suggestion_box',
        title: '垃圾房太靠近1栋',
        body: '意见箱纸条：垃圾房气味大。',
        collectorName: '1栋楼长',
        collectedOn: today(),
        residentName: '王阿姨',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        channel: 'suggestion_box',
        submitterName: '王阿姨',
        anonymous: false,
        mine: false,
        offline: { collectorName: '1栋楼长', collectedOn: today(), recordedByName: names['13800000007'] },
        me: { canAddPhotos: true },
      });
      const anonymous = await staff.post<TopicDto>(`/api/units/${unit}/topics/offline`, {
        channel: 'hotline',
        title: '电梯经常困人',
        collectorName: '社区热线 叶',
        collectedOn: '2026-01-05',
        anonymous: true,
      });
      expect(anonymous.status).toBe(201);
      expect(anonymous.body).toMatchObject({ anonymous: true, submitterName: null, offline: { collectedOn: '2026-01-05' } });
      // Recorded offline input is in the audit trail.
      expect((await auditOf('topic.record_offline')).map((e) => e.entityId)).toEqual(expect.arrayContaining([res.body.id, anonymous.body.id]));

      const base = { channel: 'field_visit', title: '走访', collectorName: '走访小组', collectedOn: today(), residentName: '李伯' };
      const refused = async (who: HttpSession, body: Record<string, unknown>, status: number): Promise<void> => {
        const r = await who.post<ErrorBody>(`/api/units/${unit}/topics/offline`, body);
        expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), status]);
      };
      await refused(buildingHead, { ...base, anonymous: true }, 400); // anonymous with a name
      await refused(buildingHead, { ...base, residentName: undefined }, 400); // neither
      await refused(buildingHead, { ...base, collectedOn: '2999-01-01' }, 400); // the future
      await refused(buildingHead, { ...base, collectedOn: '2026-02-30' }, 400); // no such day
      await refused(buildingHead, { ...base, collectedOn: '20260101' }, 400);
      await refused(buildingHead, { ...base, channel: 'online' }, 400);
      await refused(buildingHead, { ...base, collectorName: '' }, 400);
      await refused(r12, base, 403); // residents do not record offline input
      await refused(observer, base, 403);
      await refused(nancunConvenor, base, 404);
      await refused(buildingHead, { ...base, channel: 'meeting' }, 201);
    });

    it('lists a unit’s topics by status and channel, a page at a time', async () => {
      const unit = node['yushuian'];
      const all = await r12.get<TopicPageDto>(`/api/units/${unit}/topics?pageSize=100`);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(all.body.items.length);
      const times = all.body.items.map((x) => x.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const boxes = await r12.get<TopicPageDto>(`/api/units/${unit}/topics?channel=suggestion_box`);
      expect(boxes.body.items.length).toBeGreaterThan(0);
      expect(boxes.body.items.every((x) => x.channel === 'suggestion_box' && x.offline !== null)).toBe(true);
      const page2 = await r12.get<TopicPageDto>(`/api/units/${unit}/topics?page=2&pageSize=3`);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: all.body.total });
      expect(page2.body.items.map((x) => x.id)).toEqual(all.body.items.slice(3, 6).map((x) => x.id));
      const mine = await r14.get<TopicPageDto>(`/api/units/${unit}/topics?mine=true&pageSize=100`);
      expect(mine.body.items.length).toBeGreaterThanOrEqual(5);
      expect(mine.body.items.every((x) => x.mine)).toBe(true);
      expect((await r12.get<TopicPageDto>(`/api/units/${unit}/topics?status=declined`)).body.items.every((x) => x.status === 'declined')).toBe(true);
      expect((await r12.get<ErrorBody>(`/api/units/${unit}/topics?status=closed`)).status).toBe(400);
      expect((await r12.get<ErrorBody>(`/api/units/${unit}/topics?pageSize=1000`)).status).toBe(400);
      // Observers read; other units do not.
      expect((await observer.get(`/api/units/${unit}/topics`)).status).toBe(200);
      expect((await nancunMember.get<ErrorBody>(`/api/units/${unit}/topics`)).status).toBe(404);
    });
  });

  describe('photos', () => {
    it('takes up to three images from the author while the topic is open, and serves them to readers of the unit', async () => {
      const topic = await submit(r12, '儿童游乐设施生锈');
      const path = `/api/topics/${topic.id}/photos`;
      const first = await upload<TopicDto>(r12, path, { name: '滑梯.jpg', bytes: JPEG, type: 'image/jpeg' });
      expect(first.status).toBe(201);
      expect(first.body.photos).toHaveLength(1);
      const [photo] = first.body.photos;
      expect(photo).toEqual({ fileId: photo!.fileId, position: 1, mime: 'image/jpeg', url: `/api/topics/${topic.id}/photos/${photo!.fileId}` });
      // The type comes from the bytes, not from the name or the browser's claim.
      expect((await upload<ErrorBody>(r12, path, { name: 'note.jpg', bytes: PDF, type: 'image/jpeg' })).status).toBe(415);
      expect((await upload<ErrorBody>(r12, path, { name: 'x.jpg', bytes: Buffer.from('<html><script>alert(1)</script>'), type: 'image/jpeg' })).status).toBe(415);
      // Too large: refused before it is stored.
      const huge = Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]);
      expect((await upload<ErrorBody>(r12, path, { name: 'big.jpg', bytes: huge, type: 'image/jpeg' })).status).toBe(413);
      // Only the author adds photos to an online topic.
      expect((await upload<ErrorBody>(r13, path, { name: 'a.png', bytes: PNG })).status).toBe(403);
      expect((await upload<ErrorBody>(convenor, path, { name: 'a.png', bytes: PNG })).status).toBe(403);
      expect((await upload<ErrorBody>(nancunMember, path, { name: 'a.png', bytes: PNG })).status).toBe(404);
      expect((await upload<TopicDto>(r12, path, { name: 'b.png', bytes: PNG })).status).toBe(201);
      const third = await upload<TopicDto>(r12, path, { name: 'c.webp', bytes: WEBP });
      expect(third.body.photos.map((p) => [p.position, p.mime])).toEqual([
        [1, 'image/jpeg'],
        [2, 'image/png'],
        [3, 'image/webp'],
      ]);
      expect(third.body.me.canAddPhotos).toBe(false);
      const fourth = await upload<ErrorBody>(r12, path, { name: 'd.jpg', bytes: JPEG });
      expect(fourth.status).toBe(409);
      expect(fourth.body.details).toMatchObject({ reason: 'too_many_photos' });
      const stored = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM topic_photo WHERE topic_id = $1`, [topic.id]);
      expect(stored[0]!.n).toBe(3);

      // Readers of the unit download it; nobody else does.
      const url = third.body.photos[0]!.url;
      const got = await download(observer, url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/jpeg');
      expect(got.bytes.equals(JPEG)).toBe(true);
      expect((await download(nancunMember, url)).status).toBe(404);
      expect((await download(r13, `/api/topics/${topic.id}/photos/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
      // A photo of another topic is not reachable through this one.
      const other = await submit(r13, '另一件事');
      expect((await download(r13, `/api/topics/${other.id}/photos/${third.body.photos[0]!.fileId}`)).status).toBe(404);
    });

    it('takes the photo of the paper for an offline topic from those who record offline input, not once it is screened', async () => {
      const res = await buildingHead.post<TopicDto>(`/api/units/${node['yushuian']}/topics/offline`, {
        channel: 'building_head',
        title: '楼道堆放杂物',
        collectorName: '潘楼长',
        collectedOn: today(),
        anonymous: true,
      });
      const path = `/api/topics/${res.body.id}/photos`;
      expect((await upload<ErrorBody>(r12, path, { name: 'p.jpg', bytes: JPEG })).status).toBe(403);
      expect((await upload<TopicDto>(staff, path, { name: '纸条.jpg', bytes: JPEG })).status).toBe(201);
      expect((await auditOf('topic.photo_add')).map((e) => e.entityId)).toContain(res.body.id);
      await convenor.post(`/api/topics/${res.body.id}/decline`, { reason: '属于物业日常管理，已转物业处理' });
      const late = await upload<ErrorBody>(buildingHead, path, { name: 'p.jpg', bytes: JPEG });
      expect(late.status).toBe(409);
      expect(late.body.details).toMatchObject({ reason: 'not_open' });
    });
  });

  describe('seconding', () => {
    it('lets residents second once, withdraw, never their own, and only while the topic is open', async () => {
      const topic = await submit(r12, '增设电动车充电桩');
      const path = `/api/topics/${topic.id}/second`;
      const once = await r13.request<TopicSecondStateDto>('PUT', path);
      expect(once.body).toEqual({ topicId: topic.id, secondCount: 1, secondedByMe: true });
      expect((await r13.request<TopicSecondStateDto>('PUT', path)).body.secondCount).toBe(1);
      expect((await r14.request<TopicSecondStateDto>('PUT', path)).body.secondCount).toBe(2);
      expect((await buildingHead.request<TopicSecondStateDto>('PUT', path)).body.secondCount).toBe(3);
      const own = await r12.request<ErrorBody>('PUT', path);
      expect(own.status).toBe(403);
      expect(own.body.details).toMatchObject({ reason: 'own_topic' });
      expect((await observer.request<ErrorBody>('PUT', path)).status).toBe(403);
      expect((await nancunMember.request<ErrorBody>('PUT', path)).status).toBe(404);
      expect((await r13.request<TopicSecondStateDto>('DELETE', path)).body).toEqual({ topicId: topic.id, secondCount: 2, secondedByMe: false });
      expect((await r13.request<TopicSecondStateDto>('DELETE', path)).body.secondCount).toBe(2);

      // Counts and "I seconded" show in the list, per reader.
      const list = async (who: HttpSession): Promise<TopicDto> =>
        (await who.get<TopicPageDto>(`/api/units/${node['yushuian']}/topics?pageSize=100`)).body.items.find((x) => x.id === topic.id)!;
      expect(await list(r14)).toMatchObject({ secondCount: 2, secondedByMe: true, me: { canSecond: true } });
      expect(await list(r13)).toMatchObject({ secondCount: 2, secondedByMe: false });
      expect(await list(r12)).toMatchObject({ secondCount: 2, secondedByMe: false, me: { canSecond: false } });

      await convenor.post(`/api/topics/${topic.id}/decline`, { reason: '小区电容量不足，供电局暂不批复' });
      const closed = await r13.request<ErrorBody>('PUT', path);
      expect(closed.status).toBe(409);
      expect(closed.body.details).toMatchObject({ reason: 'not_open', status: 'declined' });
      expect((await r14.request<ErrorBody>('DELETE', path)).status).toBe(409);
      expect((await r13.get<TopicDto>(`/api/topics/${topic.id}`)).body).toMatchObject({ secondCount: 2, me: { canSecond: false } });
    });
  });

  describe('screening', () => {
    const openConsultation = async (title: string, who = convenor, unit = node['yushuian']!, ruleSet = 'cc278-ordinary'): Promise<string> => {
      const res = await who.post<ConsultationDetailDto>(`/api/nodes/${unit}/consultations`, { title, ruleSet });
      expect(res.status).toBe(201);
      return res.body.id;
    };

    it('declines with a public reason, audited, and tells the author; the decision stands', async () => {
      const topic = await submit(r12, '把绿地改成停车位');
      expect((await r13.post<ErrorBody>(`/api/topics/${topic.id}/decline`, { reason: '不行' })).status).toBe(403);
      expect((await nancunConvenor.post<ErrorBody>(`/api/topics/${topic.id}/decline`, { reason: '不行' })).status).toBe(404);
      expect((await convenor.post<ErrorBody>(`/api/topics/${topic.id}/decline`, { reason: ' ' })).status).toBe(400);
      expect((await convenor.post<ErrorBody>(`/api/topics/${topic.id}/decline`, {})).status).toBe(400);
      const reason = '绿地属于规划绿化用地，依法不得改作停车位。';
      const res = await convenor.post<TopicDto>(`/api/topics/${topic.id}/decline`, { reason });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'declined',
        decision: { outcome: 'declined', reason, consultationId: null, mergedIntoId: null, screenedByName: names['13800000006'] },
        me: { canScreen: false, canSecond: false },
      });
      // The reason is public: every resident reads it.
      expect((await r14.get<TopicDto>(`/api/topics/${topic.id}`)).body.decision?.reason).toBe(reason);
      const [entry] = await auditOf('topic.decline');
      expect(entry).toMatchObject({ entityId: topic.id, before: { status: 'open', title: '把绿地改成停车位' }, after: { status: 'declined', reason } });
      expect((await inboxOf(r12)).find((n) => n.params['topicId'] === topic.id)).toMatchObject({
        kind: 'topic_screened',
        params: { outcome: 'declined', title: '把绿地改成停车位', reason, consultationId: null },
        link: `/topics/${topic.id}`,
      });
      // Final: no second decision.
      const again = await convenor.post<ErrorBody>(`/api/topics/${topic.id}/merge`, { intoTopicId: (await submit(r13, '停车难')).id });
      expect(again.status).toBe(409);
      expect(again.body.details).toMatchObject({ reason: 'already_screened', status: 'declined' });
    });

    it('accepts into an existing consultation of the unit that is not past its comment period', async () => {
      const topic = await submit(r12, '外墙脱落');
      const consultationId = await openConsultation('外墙维修方案');
      // Residents cannot accept.
      expect((await r13.post<ErrorBody>(`/api/topics/${topic.id}/accept`, { consultationId })).status).toBe(403);
      expect((await convenor.post<ErrorBody>(`/api/topics/${topic.id}/accept`, {})).status).toBe(400);
      expect((await convenor.post<ErrorBody>(`/api/topics/${topic.id}/accept`, { consultationId, newConsultation: { title: 'x', ruleSet: 'cc278-ordinary' } })).status).toBe(400);
      expect((await convenor.post<ErrorBody>(`/api/topics/${topic.id}/accept`, { consultationId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      const res = await convenor.post<TopicDto>(`/api/topics/${topic.id}/accept`, { consultationId, note: '纳入外墙维修方案一并议' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'accepted', decision: { outcome: 'accepted', consultationId, consultationTitle: '外墙维修方案', reason: '纳入外墙维修方案一并议' } });
      // While the consultation is a draft, residents see that it was accepted, not the draft's title.
      expect((await r12.get<TopicDto>(`/api/topics/${topic.id}`)).body.decision).toMatchObject({ consultationId, consultationTitle: null });
      expect((await inboxOf(r12)).find((n) => n.params['topicId'] === topic.id)).toMatchObject({
        kind: 'topic_screened',
        params: { outcome: 'accepted', consultationId, title: '外墙脱落' },
      });
      const [entry] = await auditOf('topic.accept');
      expect(entry).toMatchObject({ entityId: topic.id, before: { status: 'open' }, after: { status: 'accepted', consultationId, consultationTitle: '外墙维修方案' } });
      await publishSimpleVersion(t, consultationId);
      await convenor.post(`/api/consultations/${consultationId}/phase`, { to: 'comment' });
      expect((await r12.get<TopicDto>(`/api/topics/${topic.id}`)).body.decision?.consultationTitle).toBe('外墙维修方案');

      // Past the comment period it takes no new topics.
      await convenor.post(`/api/consultations/${consultationId}/phase`, { to: 'voting' });
      const late = await submit(r13, '外墙颜色');
      const refused = await convenor.post<ErrorBody>(`/api/topics/${late.id}/accept`, { consultationId });
      expect(refused.status).toBe(409);
      expect(refused.body.details).toMatchObject({ reason: 'consultation_closed', phase: 'voting' });
      expect((await r13.get<TopicDto>(`/api/topics/${late.id}`)).body.status).toBe('open');
    });

    it('accepts into a new consultation opened in the same step, or changes nothing', async () => {
      const topic = await submit(r13, '小区增设快递柜');
      const wrongRule = await convenor.post<ErrorBody>(`/api/topics/${topic.id}/accept`, { newConsultation: { title: '快递柜设置', ruleSet: 'rceo-27' } });
      expect(wrongRule.status).toBe(400);
      expect((await t.dataSource.query<unknown[]>(`SELECT 1 FROM consultation WHERE title = '快递柜设置'`)).length).toBe(0);
      expect((await r13.get<TopicDto>(`/api/topics/${topic.id}`)).body.status).toBe('open');
      const bad = await convenor.post<ErrorBody>(`/api/topics/${topic.id}/accept`, { newConsultation: { title: '', ruleSet: 'cc278-ordinary' } });
      expect(bad.status).toBe(400);

      const res = await convenor.post<TopicDto>(`/api/topics/${topic.id}/accept`, { newConsultation: { title: '快递柜设置', summary: '由居民议题转入', ruleSet: 'simple-majority' } });
      expect(res.status).toBe(200);
      const consultationId = res.body.decision!.consultationId!;
      const consultation = await convenor.get<ConsultationDetailDto>(`/api/consultations/${consultationId}`);
      expect(consultation.body).toMatchObject({ title: '快递柜设置', phase: 'draft', units: [{ id: node['yushuian'] }] });
      const audit = await auditOf('consultation.create');
      expect(audit.map((e) => e.entityId)).toContain(consultationId);
      expect((await inboxOf(r13)).find((n) => n.params['topicId'] === topic.id)?.params).toMatchObject({ outcome: 'accepted', consultationId });
    });

    it('never puts a topic of one unit into a consultation of another', async () => {
      const nancunTopic = await submit(nancunMember, '南村祠堂前空地使用', {}, node['nancun']);
      const yushuianConsultation = await openConsultation('御水岸公共收益分配');
      // Street staff run both: the scope check refuses.
      const res = await streetStaff.post<ErrorBody>(`/api/topics/${nancunTopic.id}/accept`, { consultationId: yushuianConsultation });
      expect(res.status).toBe(400);
      expect(res.body.details).toMatchObject({ fields: [{ field: 'consultationId' }] });
      // The compound's convenor does not even see 南村's topic; 南村's convenor does not see the compound's consultation.
      expect((await convenor.post<ErrorBody>(`/api/topics/${nancunTopic.id}/accept`, { consultationId: yushuianConsultation })).status).toBe(404);
      expect((await nancunConvenor.post<ErrorBody>(`/api/topics/${nancunTopic.id}/accept`, { consultationId: yushuianConsultation })).status).toBe(404);
      expect((await nancunMember.get<TopicDto>(`/api/topics/${nancunTopic.id}`)).body.status).toBe('open');
      // And the database refuses it too, whatever the code does.
      await expect(
        t.dataSource.query(`UPDATE topic SET status = 'accepted', consultation_id = $2, screened_at = now() WHERE id = $1`, [nancunTopic.id, yushuianConsultation]),
      ).rejects.toThrow(/concerns its unit/);
      // A joint consultation of the street concerning 南村 takes it.
      const joint = await streetStaff.post<ConsultationDetailDto>(`/api/nodes/${node['guicheng']}/consultations`, {
        title: '片区公共空间',
        ruleSet: 'simple-majority',
        unitIds: [node['nancun'], node['yushuian']],
      });
      const ok = await streetStaff.post<TopicDto>(`/api/topics/${nancunTopic.id}/accept`, { consultationId: joint.body.id });
      expect(ok.status).toBe(200);
      expect(ok.body.decision?.consultationId).toBe(joint.body.id);
    });

    it('merges into another open or accepted topic of the unit, carrying the seconds over', async () => {
      const target = await submit(r12, '小区停车难');
      const source = await submit(r13, '访客车位不够');
      await r14.request('PUT', `/api/topics/${target.id}/second`);
      for (const who of [r12, r14, buildingHead]) await who.request('PUT', `/api/topics/${source.id}/second`);

      expect((await convenor.post<ErrorBody>(`/api/topics/${source.id}/merge`, { intoTopicId: source.id })).status).toBe(400);
      expect((await r12.post<ErrorBody>(`/api/topics/${source.id}/merge`, { intoTopicId: target.id })).status).toBe(403);
      const declined = await submit(r14, '取消地面停车');
      await convenor.post(`/api/topics/${declined.id}/decline`, { reason: '与消防通道规定冲突' });
      const intoDeclined = await convenor.post<ErrorBody>(`/api/topics/${source.id}/merge`, { intoTopicId: declined.id });
      expect(intoDeclined.status).toBe(409);
      expect(intoDeclined.body.details).toMatchObject({ reason: 'target_closed' });
      const elsewhere = await submit(nancunMember, '南村停车', {}, node['nancun']);
      expect((await streetStaff.post<ErrorBody>(`/api/topics/${source.id}/merge`, { intoTopicId: elsewhere.id })).status).toBe(400);

      const res = await convenor.post<TopicDto>(`/api/topics/${source.id}/merge`, { intoTopicId: target.id, note: '同一件事，合并讨论' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'merged', decision: { outcome: 'merged', mergedIntoId: target.id, mergedIntoTitle: '小区停车难', reason: '同一件事，合并讨论' } });
      // r14 counted once; r12 wrote the target, so is not its seconder; the building head carries over.
      const merged = await r14.get<TopicDto>(`/api/topics/${target.id}`);
      expect(merged.body).toMatchObject({ secondCount: 2, secondedByMe: true, mergedTopicCount: 1, status: 'open' });
      expect((await buildingHead.get<TopicDto>(`/api/topics/${target.id}`)).body.secondedByMe).toBe(true);
      expect((await r12.get<TopicDto>(`/api/topics/${target.id}`)).body.secondedByMe).toBe(false);
      // The merged topic keeps its own record.
      expect((await r13.get<TopicDto>(`/api/topics/${source.id}`)).body.secondCount).toBe(3);
      const [entry] = await auditOf('topic.merge');
      expect(entry).toMatchObject({ entityId: source.id, before: { status: 'open' }, after: { status: 'merged', mergedIntoId: target.id, carriedSeconds: 1 } });
      expect((await inboxOf(r13)).find((n) => n.params['topicId'] === source.id)?.params).toMatchObject({ outcome: 'merged', mergedIntoId: target.id, mergedIntoTitle: '小区停车难' });
      // A merged topic takes no seconds and is never a target: merges cannot loop.
      expect((await r14.request<ErrorBody>('DELETE', `/api/topics/${source.id}/second`)).status).toBe(409);
      expect((await convenor.post<ErrorBody>(`/api/topics/${target.id}/merge`, { intoTopicId: source.id })).status).toBe(409);

      // An accepted topic can take merges; the target's author is never told about someone else's topic.
      const consultationId = await openConsultation('停车管理办法');
      await convenor.post(`/api/topics/${target.id}/accept`, { consultationId });
      const late = await submit(r14, '夜间临时停车');
      expect((await convenor.post<TopicDto>(`/api/topics/${late.id}/merge`, { intoTopicId: target.id })).body.status).toBe('merged');
      expect((await r12.get<TopicDto>(`/api/topics/${target.id}`)).body).toMatchObject({ status: 'accepted', mergedTopicCount: 2 });
    });

    it('screens offline topics too: audited, nobody to notify', async () => {
      const res = await staff.post<TopicDto>(`/api/units/${node['yushuian']}/topics/offline`, {
        channel: 'meeting',
        title: '议事会上提出：加装门禁',
        collectorName: '议事会记录员',
        collectedOn: today(),
        residentName: '赵先生',
      });
      const before = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM notification WHERE kind = 'topic_screened'`);
      const declined = await staff.post<TopicDto>(`/api/topics/${res.body.id}/decline`, { reason: '已列入明年物业改造计划' });
      expect(declined.body).toMatchObject({ status: 'declined', submitterName: '赵先生', offline: { collectorName: '议事会记录员' } });
      const after = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM notification WHERE kind = 'topic_screened'`);
      expect(after[0]!.n).toBe(before[0]!.n);
      expect((await auditOf('topic.decline')).map((e) => e.entityId)).toContain(res.body.id);
    });

    it('lets only one of two simultaneous decisions stand', async () => {
      const topic = await submit(r12, '同时筛选');
      const results = await Promise.all([
        convenor.post<ErrorBody>(`/api/topics/${topic.id}/decline`, { reason: '理由一' }),
        staff.post<ErrorBody>(`/api/topics/${topic.id}/decline`, { reason: '理由二' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const notified = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM notification WHERE params->>'topicId' = $1`, [topic.id]);
      expect(notified[0]!.n).toBe(1);
    });
  });
});
