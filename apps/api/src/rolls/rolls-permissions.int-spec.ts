import 'reflect-metadata';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { HttpSession } from '../../test/http-session';
import { download, unitId, upload } from '../../test/rolls';
import type { AccessRule } from '../auth/access.decorators';
import { ACCESS_RULE } from '../auth/access.decorators';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { RollImportPreviewDto } from './dto/rolls.dto';
import { RollsController } from './rolls.controller';

type Need = 'roll.read' | 'roll.write';

/**
 * Every roll route, for every demo role, on both demo units: allowed → 2xx (409 for a commit
 * already made); a role on the unit without the permission → 403; no role reaching the unit
 * → 404; nobody signed in → 401. Never a 200 where it should not, never a 500.
 */
describe('roll permissions', () => {
  let t: TestApp;
  const units: Record<'cooperative' | 'compound', string> = { cooperative: '', compound: '' };
  const imports: Record<'cooperative' | 'compound', string> = { cooperative: '', compound: '' };
  const exports: Record<'cooperative' | 'compound', Buffer> = { cooperative: Buffer.alloc(0), compound: Buffer.alloc(0) };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    units.cooperative = await unitId(t.dataSource, 'nancun');
    units.compound = await unitId(t.dataSource, 'yushuian');
    const admin = await HttpSession.signedIn(t.baseUrl, '13800000001', DEMO_PASSWORD);
    for (const kind of ['cooperative', 'compound'] as const) {
      exports[kind] = (await download(admin, `/api/units/${units[kind]}/roll/export?format=csv`)).bytes;
      const res = await upload<RollImportPreviewDto>(admin, `/api/units/${units[kind]}/roll/imports`, { name: 'roll.csv', bytes: exports[kind] });
      imports[kind] = res.body.importId!;
    }
  });
  afterAll(() => t.close());

  const routes = (kind: 'cooperative' | 'compound'): { name: string; need: Need; call: (s: HttpSession) => Promise<number> }[] => {
    const base = `/api/units/${units[kind]}/roll`;
    return [
      { name: 'list', need: 'roll.read', call: async (s) => (await s.get(`${base}/${kind === 'cooperative' ? 'households' : 'exclusive-units'}?q=1`)).status },
      { name: 'revisions', need: 'roll.read', call: async (s) => (await s.get(`${base}/revisions`)).status },
      { name: 'template', need: 'roll.read', call: async (s) => (await download(s, `${base}/template?format=csv`)).status },
      { name: 'export', need: 'roll.write', call: async (s) => (await download(s, `${base}/export?format=xlsx`)).status },
      { name: 'preview', need: 'roll.write', call: async (s) => (await upload(s, `${base}/imports`, { name: 'roll.csv', bytes: exports[kind] })).status },
      { name: 'get import', need: 'roll.write', call: async (s) => (await s.get(`${base}/imports/${imports[kind]}`)).status },
      { name: 'commit', need: 'roll.write', call: async (s) => (await s.post(`${base}/imports/${imports[kind]}/commit`)).status },
    ];
  };

  // Who may do what, by phone: the demo accounts of demo-data.ts.
  const ACTORS: { phone: string; who: string; cooperative: Need[] | null; compound: Need[] | null }[] = [
    { phone: '13800000001', who: 'admin of the street', cooperative: ['roll.read', 'roll.write'], compound: ['roll.read', 'roll.write'] },
    { phone: '13800000002', who: 'street staff', cooperative: ['roll.read', 'roll.write'], compound: ['roll.read', 'roll.write'] },
    { phone: '13800000003', who: 'staff of 中区 (the cooperative’s community)', cooperative: ['roll.read', 'roll.write'], compound: null },
    { phone: '13800000004', who: 'staff of 大圩 (the compound’s community)', cooperative: null, compound: ['roll.read', 'roll.write'] },
    { phone: '13800000005', who: 'convenor of 南村', cooperative: ['roll.read'], compound: null },
    { phone: '13800000006', who: 'convenor of 御水岸', cooperative: null, compound: ['roll.read'] },
    { phone: '13800000007', who: 'building head of 御水岸', cooperative: null, compound: [] },
    { phone: '13800000008', who: 'observer of 南村', cooperative: ['roll.read'], compound: null },
    { phone: '13800000011', who: 'resident of 南村', cooperative: [], compound: null },
    { phone: '13800000012', who: 'resident owner of 御水岸', cooperative: null, compound: [] },
    { phone: '13800000014', who: 'resident tenant of 御水岸', cooperative: null, compound: [] },
  ];

  it.each(ACTORS)('$who ($phone) gets exactly what the role allows, on both units', async (actor) => {
    const session = await HttpSession.signedIn(t.baseUrl, actor.phone, DEMO_PASSWORD);
    const wrong: string[] = [];
    for (const kind of ['cooperative', 'compound'] as const) {
      const allowed = actor[kind];
      for (const route of routes(kind)) {
        const status = await route.call(session);
        const ok =
          allowed === null ? status === 404 : !allowed.includes(route.need) ? status === 403 : status < 300 || (route.name === 'commit' && status === 409);
        if (!ok) wrong.push(`${kind} ${route.name}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to anyone not signed in, on every route', async () => {
    const anonymous = new HttpSession(t.baseUrl);
    for (const kind of ['cooperative', 'compound'] as const) {
      for (const route of routes(kind)) expect([kind, route.name, await route.call(anonymous)]).toEqual([kind, route.name, 401]);
    }
  });

  it('does not reach one unit’s import through another unit, even for staff of both', async () => {
    const admin = await HttpSession.signedIn(t.baseUrl, '13800000001', DEMO_PASSWORD);
    const res = await admin.post<{ code: string }>(`/api/units/${units.compound}/roll/imports/${imports.cooperative}/commit`);
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    const read = await admin.get<{ code: string }>(`/api/units/${units.compound}/roll/households`);
    expect([read.status, read.body.code]).toEqual([404, 'NOT_FOUND']);
    const community = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = 'daxu'`);
    expect((await admin.get(`/api/units/${community[0]!.id}/roll/revisions`)).status).toBe(404);
    expect((await admin.get(`/api/units/not-a-uuid/roll/revisions`)).status).toBe(400);
  });

  it('declares roll.read or roll.write on every route of the controller', () => {
    const methods = Object.getOwnPropertyNames(RollsController.prototype).filter((m) => m !== 'constructor');
    expect(methods.length).toBe(8);
    for (const method of methods) {
      const rule = Reflect.getMetadata(ACCESS_RULE, (RollsController.prototype as unknown as Record<string, object>)[method]!) as AccessRule | undefined;
      expect([method, rule?.kind === 'permission' && ['roll.read', 'roll.write'].includes(rule.action)]).toEqual([method, true]);
    }
  });
});
