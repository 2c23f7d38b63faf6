import { hasFullCivilCapacityByAge } from '@yishi/domain';
import { verify } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/test-app';
import { createDataSource } from '../database/data-source';
import { buildDemoData, DEMO_PASSWORD } from './demo-data';
import { seedDemoData } from './seed-demo';

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
