/**
 * The life of a matter, end to end over HTTP (DOMAIN.md): a resident raises a topic online and a
 * building head brings one in from a field visit → the convenor screens them into a new
 * consultation → drafts and publishes it → residents comment on clause 3 and on the whole draft,
 * an opinion from a briefing is entered → the convenor replies → the adoption report lists every
 * opinion by clause with its reply → a revised version goes out. A resident of another unit can
 * neither read the consultation nor comment, and nothing of theirs is stored.
 */
import type { ErrorBody } from '@yishi/contracts';
import { download } from '../test/rolls';
import { HttpSession } from '../test/http-session';
import type { TestApp } from '../test/test-app';
import { startTestApp } from '../test/test-app';
import type { AdoptionReportDto } from './comments/dto/adoption-report.dto';
import type { ConsultationDetailDto } from './consultations/dto/consultation.dto';
import type { VersionDto } from './consultations/dto/drafts.dto';
import type { InboxPageDto } from './notifications/notifications.controller';
import { DEMO_PASSWORD } from './seed/demo-data';
import { seedDemoData } from './seed/seed-demo';
import type { TopicDto } from './topics/dto/topic.dto';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';

interface Thread {
  id: string;
  body: string | null;
  clauseNumber: number | null;
  officialReply: { outcome: string; reason: string } | null;
}

describe('a matter from topic to adoption report', () => {
  let t: TestApp;
  let yushuian: string;
  const as: Record<string, HttpSession> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    [{ id: yushuian }] = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'yushuian'`)) as [{ id: string }];
    const people = { owner: '13800000012', coOwner: '13800000013', tenant: '13800000014', head: '13800000007', convenor: '13800000006', member: '13800000011' };
    for (const [who, phone] of Object.entries(people)) as[who] = await HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('carries a topic through screening, drafting, comments and replies into the adoption report', async () => {
    // 1. Topics: one online, seconded by a neighbour; one from a field visit, anonymous.
    const online = await as.owner!.post<TopicDto>(`/api/units/${yushuian}/topics`, {
      title: '地下车库电动车充电桩不足',
      body: '晚上充电要排队，希望增加充电桩并规范收费。',
    });
    expect(online.status).toBe(201);
    expect((await as.coOwner!.request('PUT', `/api/topics/${online.body.id}/second`)).status).toBe(200);
    const visit = await as.head!.post<TopicDto>(`/api/units/${yushuian}/topics/offline`, {
      channel: 'field_visit',
      title: '充电桩附近消防通道被占',
      collectorName: '1栋楼长',
      collectedOn: '2026-11-20',
      anonymous: true,
    });
    expect(visit.status).toBe(201);
    expect(visit.body.submitterName).toBeNull();

    // 2. Screening: accept the online topic into a new consultation; merge the visit into it.
    const accepted = await as.convenor!.post<TopicDto>(`/api/topics/${online.body.id}/accept`, {
      newConsultation: { title: '地下车库充电设施管理办法', summary: '回应居民议题', ruleSet: 'cc278-ordinary' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const consultationId = accepted.body.decision!.consultationId!;
    const merged = await as.convenor!.post<TopicDto>(`/api/topics/${visit.body.id}/merge`, { intoTopicId: online.body.id });
    expect(merged.body.status).toBe('merged');
    const ownerInbox = await as.owner!.get<InboxPageDto>('/api/me/notifications');
    expect(ownerInbox.body.items[0]).toMatchObject({ kind: 'topic_screened', params: { outcome: 'accepted' } });

    // 3. The draft: four articles, published; the consultation opens for comments.
    const v1 = await as.convenor!.post<VersionDto>(`/api/consultations/${consultationId}/versions`);
    expect(v1.status).toBe(201);
    const clauses = ['充电桩由业委会统一规划。', '收费标准按物价部门规定执行。', '每个车位最多安装一个充电桩。', '违规充电的，物业应当劝阻。'];
    const saved = await as.convenor!.request<VersionDto>('PUT', `/api/consultations/${consultationId}/versions/1`, {
      title: '地下车库充电设施管理办法（草案）',
      clauses: clauses.map((body) => ({ body })),
    });
    expect(saved.status).toBe(200);
    expect((await as.convenor!.post(`/api/consultations/${consultationId}/versions/1/publish`)).status).toBe(200);
    const opened = await as.convenor!.post<ConsultationDetailDto>(`/api/consultations/${consultationId}/phase`, { to: 'comment' });
    expect(opened.body.phase).toBe('comment');
    const clause3 = saved.body.clauses.find((c) => c.number === 3)!;
    expect(clause3.body).toBe(clauses[2]);

    // 4. Opinions: on clause 3, on the whole draft (a tenant may comment), and one from a briefing.
    const onClause = await as.coOwner!.post<Thread>(`/api/consultations/${consultationId}/comments`, {
      clauseId: clause3.id,
      body: '一个车位一个充电桩太少，双车家庭怎么办？',
    });
    expect(onClause.status).toBe(201);
    expect(onClause.body.clauseNumber).toBe(3);
    expect((await as.tenant!.post(`/api/consultations/${consultationId}/comments`, { body: '租户也需要充电，请一并考虑。' })).status).toBe(201);
    const fromBriefing = await as.convenor!.post<Thread>(`/api/consultations/${consultationId}/offline-comments`, {
      channel: 'briefing',
      body: '建议充电区加装监控。',
      collectorName: '宣讲会记录员',
      // The day as it is in China: after 16:00 UTC the UTC date is still yesterday there.
      collectedOn: calendarDateIn(LEGAL_TIME_ZONE),
      residentName: '陈伯',
      clauseId: saved.body.clauses[0]!.id,
    });
    expect(fromBriefing.status).toBe(201);

    // 5. The official reply, and the author hears of it.
    const reply = await as.convenor!.request<Thread>('PUT', `/api/comments/${onClause.body.id}/official-reply`, {
      outcome: 'partly_adopted',
      reason: '改为每户最多两个充电桩，需经物业安全评估。',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.officialReply).toMatchObject({ outcome: 'partly_adopted' });
    const coOwnerInbox = await as.coOwner!.get<InboxPageDto>('/api/me/notifications');
    expect(coOwnerInbox.body.items.map((n) => n.kind)).toContain('comment_replied');

    // 6. The adoption report: every opinion by clause, whole draft first, with replies and provenance.
    const report = await as.owner!.get<AdoptionReportDto>(`/api/consultations/${consultationId}/adoption-report`);
    expect(report.status).toBe(200);
    expect(report.body.totals).toMatchObject({ total: 3, partly_adopted: 1, pending: 2, offline: 1 });
    expect(report.body.sections.map((s) => s.clauseNumber)).toEqual([null, 1, 3]);
    const onThree = report.body.sections.find((s) => s.clauseNumber === 3)!.items[0]!;
    expect(onThree).toMatchObject({ body: '一个车位一个充电桩太少，双车家庭怎么办？', reply: { outcome: 'partly_adopted', reason: '改为每户最多两个充电桩，需经物业安全评估。' } });
    const briefingItem = report.body.sections.find((s) => s.clauseNumber === 1)!.items[0]!;
    expect(briefingItem).toMatchObject({ channel: 'briefing', collectorName: '宣讲会记录员', authorName: '陈伯' });
    const xlsx = await download(as.owner!, `/api/consultations/${consultationId}/adoption-report/xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

    // 7. A revised version answers the opinion; residents are told; version 1 stays as it was.
    await as.convenor!.post(`/api/consultations/${consultationId}/phase`, { to: 'revision' });
    const v2 = await as.convenor!.post<VersionDto>(`/api/consultations/${consultationId}/versions`);
    const revised = v2.body.clauses.map((c) =>
      c.number === 3 ? { id: c.id, body: '每户最多安装两个充电桩，须经物业安全评估。', previousClauseId: c.previousClauseId, changeReason: '采纳居民意见' } : { id: c.id, body: c.body, previousClauseId: c.previousClauseId },
    );
    expect((await as.convenor!.request('PUT', `/api/consultations/${consultationId}/versions/2`, { title: v2.body.title, changeNote: '根据征求意见修改第三条', clauses: revised })).status).toBe(200);
    expect((await as.convenor!.post(`/api/consultations/${consultationId}/versions/2/publish`)).status).toBe(200);
    const tenantInbox = await as.tenant!.get<InboxPageDto>('/api/me/notifications');
    expect(tenantInbox.body.items[0]).toMatchObject({ kind: 'draft_published', params: { number: 2 } });
    const diff = await as.owner!.get<{ counts: { changed: number; unchanged: number } }>(`/api/consultations/${consultationId}/versions/2/diff`);
    expect(diff.body.counts).toMatchObject({ changed: 1, unchanged: 3 });
    expect((await as.owner!.get<VersionDto>(`/api/consultations/${consultationId}/versions/1`)).body.clauses[2]!.body).toBe(clauses[2]);

    // 8. Another unit's resident can neither read nor comment, and nothing of theirs is stored.
    const before = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM comment`);
    expect((await as.member!.get<ErrorBody>(`/api/consultations/${consultationId}`)).status).toBe(404);
    expect((await as.member!.get<ErrorBody>(`/api/consultations/${consultationId}/versions/1`)).status).toBe(404);
    expect((await as.member!.get<ErrorBody>(`/api/consultations/${consultationId}/adoption-report`)).status).toBe(404);
    expect((await as.member!.get<ErrorBody>(`/api/units/${yushuian}/topics`)).status).toBe(404);
    const intrusion = await as.member!.post<ErrorBody>(`/api/consultations/${consultationId}/comments`, { clauseId: clause3.id, body: '我不是这个小区的' });
    expect(intrusion.status).toBe(404);
    expect(await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM comment`)).toEqual(before);
    expect((await as.member!.get<InboxPageDto>('/api/me/notifications')).body.items).toEqual([]);
  });

  it('tells the people signed up for a briefing when it is cancelled', async () => {
    const created = await as.convenor!.post<ConsultationDetailDto>(`/api/nodes/${yushuian}/consultations`, { title: '宣讲测试', ruleSet: 'cc278-ordinary' });
    const id = created.body.id;
    await as.convenor!.post(`/api/consultations/${id}/versions`);
    await as.convenor!.request('PUT', `/api/consultations/${id}/versions/1`, { title: '草案', clauses: [{ body: '第一条。' }] });
    await as.convenor!.post(`/api/consultations/${id}/versions/1/publish`);
    await as.convenor!.post(`/api/consultations/${id}/phase`, { to: 'briefing' });
    const start = Date.now() + 3 * 24 * 3600_000;
    const briefing = await as.convenor!.post<{ id: string }>(`/api/consultations/${id}/briefings`, {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * 3600_000).toISOString(),
      place: '御水岸党群服务站',
      capacity: 30,
    });
    expect(briefing.status).toBe(201);
    expect((await as.owner!.request('PUT', `/api/briefings/${briefing.body.id}/signup`)).status).toBe(200);
    expect((await as.convenor!.post(`/api/briefings/${briefing.body.id}/cancel`, { reason: '台风预警' })).status).toBe(200);
    const inbox = await as.owner!.get<InboxPageDto>('/api/me/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'briefing_cancelled', params: { place: '御水岸党群服务站', reason: '台风预警' } });
    expect((await as.tenant!.get<InboxPageDto>('/api/me/notifications')).body.items.map((n) => n.kind)).not.toContain('briefing_cancelled');
  });
});
