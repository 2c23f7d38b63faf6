import type { OrgTreeNode } from '@yishi/contracts';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn, hasFullCivilCapacityByAge } from '@yishi/domain';
import request from 'supertest';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { Household } from '../rolls/entities/household.entity';
import { Member } from '../rolls/entities/member.entity';
import { buildDemoData } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';

function find(nodes: OrgTreeNode[], name: string): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.name === name) return node;
    const below = find(node.children, name);
    if (below) return below;
  }
  return undefined;
}

describe('GET /api/organizations/tree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is an empty list before anything is created', async () => {
    const res = await request(t.baseUrl).get('/api/organizations/tree').expect(200);
    expect(res.body).toEqual([]);
  });

  it('shows the street, its communities and units with the roll figures', async () => {
    await seedDemoData(t.dataSource);
    const demo = buildDemoData();
    const res = await request(t.baseUrl).get('/api/organizations/tree').expect(200);
    const tree = res.body as OrgTreeNode[];

    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ kind: 'street', name: '桂城街道' });
    // Sorted as a Chinese reader expects: by pinyin (Dàwéi before Zhōngqū).
    expect(tree[0]!.children.map((c) => [c.kind, c.name])).toEqual([
      ['community', '大圩社区'],
      ['community', '中区社区'],
    ]);

    const today = calendarDateIn(LEGAL_TIME_ZONE);
    const members = demo.cooperative.households.flatMap((h) => h.members);
    expect(find(tree, '南村经济社')).toMatchObject({
      kind: 'cooperative',
      stats: {
        households: 40,
        members: members.length,
        fullCapacityMembers: members.filter((m) => hasFullCivilCapacityByAge(m.birthDate, today)).length,
      },
    });
    expect(find(tree, '御水岸')).toMatchObject({
      kind: 'compound',
      stats: {
        buildings: 3,
        exclusiveUnits: demo.compound.units.length,
        totalAreaCentiM2: demo.compound.units.reduce((sum, u) => sum + u.areaCentiM2, 0),
      },
    });
  });

  it('counts full civil capacity exactly as libs/domain does, on the boundary days', async () => {
    const cooperative = find((await request(t.baseUrl).get('/api/organizations/tree')).body as OrgTreeNode[], '南村经济社')!;
    const before = cooperative.stats!.fullCapacityMembers!;
    const today = calendarDateIn(LEGAL_TIME_ZONE);
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const iso = (year: number, month: number, day: number): string =>
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const shift = (days: number): string => {
      const date = new Date(Date.UTC(y - 18, m - 1, d + days));
      return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    };
    // Born exactly 18 years ago today (not yet of age), the day before (of age), and 29 February.
    const births = [shift(0), shift(-1), shift(1), '2008-02-29', '2004-02-29'];
    const household = await t.dataSource.getRepository(Household).findOneByOrFail({ number: 'NC-001' });
    await t.dataSource.getRepository(Member).insert(
      births.map((birthDate, i) => ({ unitId: household.unitId, householdId: household.id, name: `边界测试${i}`, birthDate, addedRevisionId: household.addedRevisionId })),
    );
    const after = find((await request(t.baseUrl).get('/api/organizations/tree')).body as OrgTreeNode[], '南村经济社')!;
    expect(after.stats!.fullCapacityMembers! - before).toBe(births.filter((b) => hasFullCivilCapacityByAge(b, today)).length);
    expect(after.stats!.members).toBe(cooperative.stats!.members! + births.length);
  });
});
