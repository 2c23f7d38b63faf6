import type { ErrorBody } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { AuditPageDto } from '../audit/audit.controller';
import type { InboxPageDto } from '../notifications/notifications.controller';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import { publishSimpleVersion } from '../../test/consultations';
import { ConsultationsService } from './consultations.service';
import type { ConsultationDetailDto, ConsultationSummaryDto } from './dto/consultation.dto';

describe('consultations: opening, phases, visibility', () => {
  let t: TestApp;
  let node: Record<string, string>;
  let convenor: HttpSession;
  let resident: HttpSession;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const rows = await t.dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM org_node`);
    node = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    convenor = await HttpSession.signedIn(t.baseUrl, '13800000006', DEMO_PASSWORD);
    resident = await HttpSession.signedIn(t.baseUrl, '13800000012', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const open = async (title: string): Promise<ConsultationDetailDto> => {
    const res = await convenor.post<ConsultationDetailDto>(`/api/nodes/${node['yushuian']}/consultations`, {
      title,
      summary: '小区人居环境整治',
      ruleSet: 'cc278-ordinary',
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('opens a consultation in its draft phase, seen only by those who run it', async () => {
    const c = await open('人居环境整治长效管理机制自治公约');
    expect(c).toMatchObject({ phase: 'draft', ruleSet: 'cc278-ordinary', units: [{ name: '御水岸', kind: 'compound' }], bodyZh: '业主大会（一般事项）', me: { canManage: true } });
    expect((await resident.get<ErrorBody>(`/api/consultations/${c.id}`)).status).toBe(404);
    expect((await resident.get<ConsultationSummaryDto[]>(`/api/units/${node['yushuian']}/consultations`)).body.map((x) => x.id)).not.toContain(c.id);
    expect((await convenor.get<ConsultationSummaryDto[]>(`/api/units/${node['yushuian']}/consultations`)).body.map((x) => x.id)).toContain(c.id);
  });

  it('will not open to residents before a draft is published; then tells every resident it opened', async () => {
    const c = await open('加装电梯方案');
    const early = await convenor.post<ErrorBody>(`/api/consultations/${c.id}/phase`, { to: 'comment' });
    expect(early.status).toBe(409);
    await publishSimpleVersion(t, c.id);
    const moved = await convenor.post<ConsultationDetailDto>(`/api/consultations/${c.id}/phase`, { to: 'comment' });
    expect(moved.body).toMatchObject({ phase: 'comment', currentVersion: 1 });
    const seen = await resident.get<ConsultationDetailDto>(`/api/consultations/${c.id}`);
    expect(seen.body.me).toEqual({ canManage: false, canParticipate: true, canRecordOffline: false, canModerate: false });
    const inbox = await resident.get<InboxPageDto>('/api/me/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'consultation_opened', params: { title: '加装电梯方案', to: 'comment' }, link: `/consultations/${c.id}` });
    expect(inbox.body.unread).toBeGreaterThan(0);
    // A tenant is told too (they comment, though they will not vote).
    const tenant = await HttpSession.signedIn(t.baseUrl, '13800000014', DEMO_PASSWORD);
    expect((await tenant.get<InboxPageDto>('/api/me/notifications')).body.items.map((n) => n.params['title'])).toContain('加装电梯方案');
    // Nobody of 南村经济社 is.
    const member = await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    expect((await member.get<InboxPageDto>('/api/me/notifications')).body.items).toEqual([]);
    expect((await member.get<ErrorBody>(`/api/consultations/${c.id}`)).status).toBe(404);
    expect((await resident.post('/api/me/notifications/read', {})).status).toBe(200);
    expect((await resident.get<InboxPageDto>('/api/me/notifications')).body.unread).toBe(0);
  });

  it('shapes what a reader may do by their roles as they stand at each request: a convenor made and unmade in between', async () => {
    const c = await open('楼道杂物清理约定');
    await publishSimpleVersion(t, c.id);
    expect((await convenor.post(`/api/consultations/${c.id}/phase`, { to: 'comment' })).status).toBe(200);
    const me = async (): Promise<ConsultationDetailDto['me']> => {
      const res = await resident.get<ConsultationDetailDto>(`/api/consultations/${c.id}`);
      expect(res.status).toBe(200);
      return res.body.me;
    };
    expect(await me()).toMatchObject({ canManage: false, canModerate: false });
    const staff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD); // 大圩社区 staff, above 御水岸
    const granted = await staff.post<{ id: string }>(`/api/nodes/${node['yushuian']}/roles`, { phone: '13800000012', role: 'convenor' });
    expect(granted.status).toBe(201);
    expect(await me()).toMatchObject({ canManage: true, canModerate: true });
    expect((await staff.request('DELETE', `/api/roles/${granted.body.id}`)).status).toBe(204);
    expect(await me()).toMatchObject({ canManage: false, canModerate: false });
  });

  it('goes back a phase only with a reason, recorded in the audit trail', async () => {
    const c = await open('停车位管理办法');
    await publishSimpleVersion(t, c.id);
    await convenor.post(`/api/consultations/${c.id}/phase`, { to: 'revision' });
    const noReason = await convenor.post<ErrorBody>(`/api/consultations/${c.id}/phase`, { to: 'comment' });
    expect(noReason.status).toBe(400);
    expect((await convenor.post<ConsultationDetailDto>(`/api/consultations/${c.id}/phase`, { to: 'comment', reason: '宣讲后居民要求延长征求意见' })).body.phase).toBe('comment');
    const staff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
    const audit = await staff.get<AuditPageDto>(`/api/nodes/${node['yushuian']}/audit?action=consultation.phase_back`);
    expect(audit.body.entries[0]).toMatchObject({ before: { phase: 'revision' }, after: { phase: 'comment', reason: '宣讲后居民要求延长征求意见' } });
    // Residents cannot move phases.
    expect((await resident.post<ErrorBody>(`/api/consultations/${c.id}/phase`, { to: 'voting' })).status).toBe(403);
  });

  it('moves on by its planned dates, and reminds residents once a day before comments close', async () => {
    const now = Date.now();
    const iso = (ms: number): string => new Date(now + ms).toISOString();
    const res = await convenor.post<ConsultationDetailDto>(`/api/nodes/${node['yushuian']}/consultations`, {
      title: '垃圾分类投放点调整',
      ruleSet: 'cc278-ordinary',
      phases: [
        { phase: 'comment', startsAt: iso(-3600_000), endsAt: iso(12 * 3600_000) },
        { phase: 'revision', startsAt: iso(12 * 3600_000) },
      ],
    });
    const id = res.body.id;
    const service = t.app.get(ConsultationsService);
    expect(await service.advanceByDate()).toBe(0); // no published draft yet: it waits
    await publishSimpleVersion(t, id);
    expect(await service.advanceByDate()).toBeGreaterThanOrEqual(1);
    expect((await convenor.get<ConsultationDetailDto>(`/api/consultations/${id}`)).body.phase).toBe('comment');
    expect(await service.remindCommentPeriodEnding()).toBe(1);
    expect(await service.remindCommentPeriodEnding()).toBe(0);
    const inbox = await resident.get<InboxPageDto>('/api/me/notifications');
    expect(inbox.body.items.filter((n) => n.kind === 'comment_period_ending' && n.params['consultationId'] === id)).toHaveLength(1);
    expect(await service.advanceByDate(new Date(now + 13 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect((await convenor.get<ConsultationDetailDto>(`/api/consultations/${id}`)).body.phase).toBe('revision');
  });

  it('checks the rule set against the units, and a community can run one across several units', async () => {
    const wrongRule = await convenor.post<ErrorBody>(`/api/nodes/${node['yushuian']}/consultations`, { title: '错的规则', ruleSet: 'rceo-27' });
    expect(wrongRule.status).toBe(400);
    const streetStaff = await HttpSession.signedIn(t.baseUrl, '13800000002', DEMO_PASSWORD);
    const joint = await streetStaff.post<ConsultationDetailDto>(`/api/nodes/${node['guicheng']}/consultations`, {
      title: '千灯湖片区公共空间使用意见征集',
      ruleSet: 'simple-majority',
      unitIds: [node['yushuian'], node['nancun']],
    });
    expect(joint.status).toBe(201);
    expect(joint.body.units.map((u) => u.name).sort()).toEqual(['南村经济社', '御水岸'].sort());
    // The compound's convenor does not run the street's consultation, nor sees it while it is a draft.
    expect((await convenor.post<ErrorBody>(`/api/consultations/${joint.body.id}/phase`, { to: 'comment' })).status).toBe(404);
    // Open for comment: the people of both units read it and take part; running it stays with the street.
    await publishSimpleVersion(t, joint.body.id, '13800000002');
    expect((await streetStaff.post(`/api/consultations/${joint.body.id}/phase`, { to: 'comment' })).status).toBe(200);
    const nancunMember = await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    expect((await nancunMember.get(`/api/consultations/${joint.body.id}`)).status).toBe(200);
    expect((await resident.post(`/api/consultations/${joint.body.id}/comments`, { body: '湖边步道请多设座椅。' })).status).toBe(201);
    expect((await convenor.get(`/api/consultations/${joint.body.id}`)).status).toBe(200);
    const notHis = await convenor.post<ErrorBody>(`/api/consultations/${joint.body.id}/phase`, { to: 'revision' });
    expect(notHis.status).toBe(403);
    expect(notHis.body.details).toMatchObject({ action: 'consultation.manage' });
    // 中区社区's staff run 南村's own consultations, not this one the street runs across it.
    const zhongquStaff = await HttpSession.signedIn(t.baseUrl, '13800000003', DEMO_PASSWORD);
    expect((await zhongquStaff.get(`/api/consultations/${joint.body.id}`)).status).toBe(200);
    expect((await zhongquStaff.request<ErrorBody>('PATCH', `/api/consultations/${joint.body.id}`, { summary: '改动' })).status).toBe(403);
    const notUnder = await convenor.post<ErrorBody>(`/api/nodes/${node['yushuian']}/consultations`, { title: 'x', ruleSet: 'simple-majority', unitIds: [node['nancun']] });
    expect(notUnder.status).toBe(400);
  });
});
