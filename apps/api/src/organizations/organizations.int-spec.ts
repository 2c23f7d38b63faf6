import type { OrgTreeNode } from '@yishi/contracts';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn, hasFullCivilCapacityByAge } from '@yishi/domain';
import { Client } from 'pg';
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

  it('keeps each unit\'s figures with every roll statement, two transactions at once included', async () => {
    const figures = async (): Promise<Record<string, unknown>> =>
      find((await request(t.baseUrl).get('/api/organizations/tree').expect(200)).body as OrgTreeNode[], '御水岸')!.stats as Record<string, unknown>;
    const before = await figures();
    const [unit] = await t.dataSource.query<{ id: string; rev: number }[]>(
      `SELECT n.id, (SELECT max(number) FROM roll_revision r WHERE r.unit_id = n.id) AS rev FROM org_node n WHERE n.name = '御水岸'`,
    );
    const a = new Client({ connectionString: t.databaseUrl });
    const b = new Client({ connectionString: t.databaseUrl });
    await Promise.all([a.connect(), b.connect()]);
    try {
      // A: a new revision adds a building and two homes, and stays open …
      await a.query('BEGIN');
      const [{ id: added }] = (await a.query<{ id: string }>(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, $2, 'edit', '{}') RETURNING id`, [unit!.id, unit!.rev + 1])).rows as [{ id: string }];
      await a.query(`INSERT INTO building (unit_id, name, added_revision_id) VALUES ($1, '测试楼', $2)`, [unit!.id, added]);
      await a.query(
        `INSERT INTO exclusive_unit (unit_id, number, kind, area_centi_m2, area_source, added_revision_id)
         VALUES ($1, '测试-101', 'dwelling', 8000, 'register', $2), ($1, '测试-102', 'dwelling', 9050, 'register', $2)`,
        [unit!.id, added],
      );
      // … while B corrects a home's area in place: it waits for A's hold on the unit's figures, then adds its change.
      const corrected = b.query(
        `UPDATE exclusive_unit SET area_centi_m2 = area_centi_m2 + 125 WHERE id = (SELECT id FROM exclusive_unit WHERE unit_id = $1 AND removed_revision_id IS NULL AND number NOT LIKE '测试%' ORDER BY number LIMIT 1)`,
        [unit!.id],
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await a.query('COMMIT');
      await corrected;
      expect(await figures()).toMatchObject({
        buildings: (before['buildings'] as number) + 1,
        exclusiveUnits: (before['exclusiveUnits'] as number) + 2,
        totalAreaCentiM2: (before['totalAreaCentiM2'] as number) + 8000 + 9050 + 125,
      });
      // A later revision takes one of the new homes off the roll.
      await a.query('BEGIN');
      const [{ id: removing }] = (await a.query<{ id: string }>(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, $2, 'edit', '{}') RETURNING id`, [unit!.id, unit!.rev + 2])).rows as [{ id: string }];
      await a.query(`UPDATE exclusive_unit SET removed_revision_id = $2 WHERE unit_id = $1 AND number = '测试-102' AND removed_revision_id IS NULL`, [unit!.id, removing]);
      await a.query('COMMIT');
      expect(await figures()).toMatchObject({
        exclusiveUnits: (before['exclusiveUnits'] as number) + 1,
        totalAreaCentiM2: (before['totalAreaCentiM2'] as number) + 8000 + 125,
      });
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    // Every unit's kept figures are what counting the roll gives.
    const kept: unknown = await t.dataSource.query(`SELECT unit_id, buildings, exclusive_units, total_area_centi_m2, households, members FROM unit_roll_figures ORDER BY unit_id`);
    await t.dataSource.query(`SELECT yishi_roll_figures_recount_all()`);
    expect(await t.dataSource.query(`SELECT unit_id, buildings, exclusive_units, total_area_centi_m2, households, members FROM unit_roll_figures ORDER BY unit_id`)).toEqual(kept);
  });
});
