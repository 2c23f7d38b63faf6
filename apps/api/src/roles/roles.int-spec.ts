import type { ErrorBody } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import type { AuditPageDto } from '../audit/audit.controller';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { NodeRoleDto } from './roles.dto';

describe('role grants and the audit trail', () => {
  let t: TestApp;
  let node: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const rows = await t.dataSource.query<{ code: string; id: string }[]>(`SELECT code, id FROM org_node`);
    node = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => t.close());

  it('lets community staff make a resident the convenor’s observer, audited with who and what', async () => {
    const staff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD); // 大圩社区 staff
    const res = await staff.post<NodeRoleDto>(`/api/nodes/${node['yushuian']}/roles`, { phone: '13800000013', role: 'observer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'observer', phone: '13800000013', grantedByName: '大圩社区 叶嘉欣' });

    const list = await staff.get<NodeRoleDto[]>(`/api/nodes/${node['yushuian']}/roles`);
    expect(list.body.filter((g) => g.phone === '13800000013').map((g) => g.role).sort()).toEqual(['observer', 'resident']);

    const audit = await staff.get<AuditPageDto>(`/api/nodes/${node['yushuian']}/audit?action=role`);
    expect(audit.body.entries[0]).toMatchObject({ action: 'role.grant', actorName: '大圩社区 叶嘉欣', after: { phone: '13800000013', role: 'observer' } });
    expect(audit.body.entries[0]!.requestId).toEqual(expect.any(String));

    const duplicate = await staff.post<ErrorBody>(`/api/nodes/${node['yushuian']}/roles`, { phone: '13800000013', role: 'observer' });
    expect(duplicate.status).toBe(409);
  });

  it('keeps staff from granting staff, and observers and residents from granting anything', async () => {
    const staff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
    expect((await staff.post<ErrorBody>(`/api/nodes/${node['yushuian']}/roles`, { phone: '13800000013', role: 'staff' })).status).toBe(403);
    const observer = await HttpSession.signedIn(t.baseUrl, '13800000008', DEMO_PASSWORD);
    expect((await observer.post<ErrorBody>(`/api/nodes/${node['nancun']}/roles`, { phone: '13800000011', role: 'observer' })).status).toBe(403);
    const resident = await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    expect((await resident.get<ErrorBody>(`/api/nodes/${node['nancun']}/roles`)).status).toBe(403);
    // Another community's unit is simply not there for 大圩社区's staff.
    expect((await staff.get<ErrorBody>(`/api/nodes/${node['nancun']}/roles`)).status).toBe(404);
  });

  it('lets the admin grant staff on a community, and a building head only with a building of that compound', async () => {
    const admin = await HttpSession.signedIn(t.baseUrl, '13800000001', DEMO_PASSWORD);
    expect((await admin.post(`/api/nodes/${node['zhongqu']}/roles`, { phone: '13800000012', role: 'staff' })).status).toBe(201);
    const headWithoutBuilding = await admin.post<ErrorBody>(`/api/nodes/${node['yushuian']}/roles`, { phone: '13800000012', role: 'building_head' });
    expect(headWithoutBuilding.body.code).toBe('VALIDATION_FAILED');
    const [building] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM building WHERE name = '2栋'`);
    expect((await admin.post(`/api/nodes/${node['yushuian']}/roles`, { phone: '13800000012', role: 'building_head', buildingId: building!.id })).status).toBe(201);
    // A building of another unit is refused by the database itself, as a conflict, not a 500.
    const wrongUnit = await admin.post<ErrorBody>(`/api/nodes/${node['nancun']}/roles`, { phone: '13800000011', role: 'building_head', buildingId: building!.id });
    expect(wrongUnit.status).toBe(409);
    const unknown = await admin.post<ErrorBody>(`/api/nodes/${node['nancun']}/roles`, { phone: '13999990000', role: 'observer' });
    expect(unknown.status).toBe(404);
  });

  it('revokes a grant, audited with the state before, and refuses to let staff remove their own role', async () => {
    const staff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
    const list = await staff.get<NodeRoleDto[]>(`/api/nodes/${node['yushuian']}/roles`);
    const observerGrant = list.body.find((g) => g.role === 'observer' && g.phone === '13800000013')!;
    expect((await staff.request('DELETE', `/api/roles/${observerGrant.id}`)).status).toBe(204);
    const audit = await staff.get<AuditPageDto>(`/api/nodes/${node['yushuian']}/audit?action=role.revoke`);
    expect(audit.body.entries[0]).toMatchObject({ action: 'role.revoke', before: { role: 'observer' } });

    const own = (await staff.get<NodeRoleDto[]>(`/api/nodes/${node['daxu']}/roles`)).body.find((g) => g.phone === '13800000004')!;
    expect((await staff.request<ErrorBody>('DELETE', `/api/roles/${own.id}`)).status).toBe(403);
  });

  it('shows observers the audit trail of their unit, pages it, and keeps it away from residents and other units', async () => {
    const zhongquStaff = await HttpSession.signedIn(t.baseUrl, '13800000003', DEMO_PASSWORD);
    const [household] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM household WHERE number = 'NC-010'`);
    for (const reissue of [false, true]) {
      expect((await zhongquStaff.post(`/api/units/${node['nancun']}/invitations`, { householdId: household!.id, reissue })).status).toBe(200);
    }
    const observer = await HttpSession.signedIn(t.baseUrl, '13800000008', DEMO_PASSWORD);
    const page1 = await observer.get<AuditPageDto>(`/api/nodes/${node['nancun']}/audit?limit=1`);
    expect(page1.status).toBe(200);
    expect(page1.body.entries).toHaveLength(1);
    expect(page1.body.entries[0]).toMatchObject({ action: 'invitation.issue', actorName: '中区社区 黄敏', after: { reissue: true } });
    const page2 = await observer.get<AuditPageDto>(`/api/nodes/${node['nancun']}/audit?limit=1&before=${page1.body.next}`);
    expect(page2.body.entries[0]).toMatchObject({ action: 'invitation.issue', after: { reissue: false } });
    // Nothing in the API changes the trail: there is no route for it.
    expect((await observer.request('DELETE', `/api/nodes/${node['nancun']}/audit`)).status).toBe(404);
    expect((await observer.get<AuditPageDto>(`/api/nodes/${node['yushuian']}/audit`)).status).toBe(404);
    const resident = await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    expect((await resident.get(`/api/nodes/${node['nancun']}/audit`)).status).toBe(403);
    // The street's staff see every unit's trail, the seed entry included.
    const streetStaff = await HttpSession.signedIn(t.baseUrl, '13800000002', DEMO_PASSWORD);
    const all = await streetStaff.get<AuditPageDto>(`/api/nodes/${node['guicheng']}/audit?action=seed`);
    expect(all.body.entries.map((e) => e.action)).toEqual(['seed.demo_data']);
    const bad = await streetStaff.get<ErrorBody>(`/api/nodes/${node['guicheng']}/audit?limit=5000`);
    expect(bad.status).toBe(400);
  });
});
