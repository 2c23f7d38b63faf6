import { Client } from 'pg';
import { beforeMigration } from '../../test/postgres';
import { createTestDatabase } from '../../test/test-app';
import { createDataSource } from '../database/data-source';

/** What PostgreSQL itself enforces about versioned rolls, whoever writes to it. */
describe('versioned rolls in PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> };
  let pg: Client;
  const ids: Record<string, string> = {};

  const one = async (sql: string, params: unknown[] = []): Promise<string> => (await pg.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]!.id;
  const refused = async (sql: string | (() => Promise<unknown>), params: unknown[] = []): Promise<{ code?: string; constraint?: string }> => {
    try {
      await (typeof sql === 'string' ? pg.query(sql, params) : sql());
    } catch (error) {
      await pg.query('ROLLBACK').catch(() => undefined);
      return error as { code?: string; constraint?: string };
    }
    throw new Error(`expected PostgreSQL to refuse: ${String(sql)}`);
  };
  /** Runs statements in one transaction (deferred checks fire at COMMIT). */
  const transaction = (statements: [string, unknown[]?][]) => async (): Promise<void> => {
    await pg.query('BEGIN');
    for (const [sql, params] of statements) await pg.query(sql, params ?? []);
    await pg.query('COMMIT');
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    ids['street'] = await one(`INSERT INTO org_node (kind, code, name) VALUES ('street', 's', '街道')`);
    ids['community'] = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'c', '社区', $1)`, [ids['street']]);
    ids['coop'] = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'coop', '甲社', $1)`, [ids['community']]);
    ids['coop2'] = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'coop2', '乙社', $1)`, [ids['community']]);
    ids['compound'] = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'cmp', '小区', $1)`, [ids['community']]);
    for (const [key, unit, number] of [
      ['r1', 'coop', 1],
      ['r2', 'coop', 2],
      ['r3', 'coop', 3],
      ['other', 'coop2', 1],
      ['c1', 'compound', 1],
      ['c2', 'compound', 2],
    ] as const) {
      ids[key] = await one(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, $2, 'seed', '{}')`, [ids[unit], number]);
    }
    ids['h1'] = await one(`INSERT INTO household (unit_id, number, added_revision_id) VALUES ($1, 'H-1', $2)`, [ids['coop'], ids['r1']]);
    ids['m1'] = await one(`INSERT INTO member (unit_id, household_id, name, birth_date, is_household_head, added_revision_id) VALUES ($1, $2, '张三', '1960-01-01', true, $3)`, [
      ids['coop'],
      ids['h1'],
      ids['r1'],
    ]);
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  it('applies uniqueness to current rows only: a number or a role is free again once its row is removed', async () => {
    expect(await refused(`INSERT INTO household (unit_id, number, added_revision_id) VALUES ($1, 'H-1', $2)`, [ids['coop'], ids['r2']])).toMatchObject({
      code: '23505',
      constraint: 'household_number_unique',
    });
    expect(
      await refused(`INSERT INTO member (unit_id, household_id, name, birth_date, added_revision_id) VALUES ($1, $2, '张三', '1960-01-01', $3)`, [ids['coop'], ids['h1'], ids['r2']]),
    ).toMatchObject({ constraint: 'member_natural_key_unique' });
    expect(
      await refused(`INSERT INTO member (unit_id, household_id, name, birth_date, is_household_head, added_revision_id) VALUES ($1, $2, '李四', '1962-01-01', true, $3)`, [
        ids['coop'],
        ids['h1'],
        ids['r2'],
      ]),
    ).toMatchObject({ constraint: 'member_one_head_per_household' });
    // Remove the head in revision 2: a new head, even one with the same name and birth date, may take over.
    await pg.query(`UPDATE member SET removed_revision_id = $1 WHERE id = $2`, [ids['r2'], ids['m1']]);
    await pg.query(`INSERT INTO member (unit_id, household_id, name, birth_date, is_household_head, added_revision_id) VALUES ($1, $2, '张三', '1960-01-01', true, $3)`, [
      ids['coop'],
      ids['h1'],
      ids['r2'],
    ]);
    expect((await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM member WHERE household_id = $1`, [ids['h1']])).rows[0]!.n).toBe(2);
  });

  it('keeps history: rows are never deleted, removal is final and comes from a later revision', async () => {
    expect(await refused(`DELETE FROM member WHERE id = $1`, [ids['m1']])).toMatchObject({ code: '23514', constraint: 'member_never_deleted' });
    expect(await refused(`UPDATE member SET removed_revision_id = NULL WHERE id = $1`, [ids['m1']])).toMatchObject({ constraint: 'member_removed_is_final' });
    expect(await refused(`UPDATE member SET phone = '13900000000' WHERE id = $1`, [ids['m1']])).toMatchObject({ constraint: 'member_removed_is_final' });
    expect(await refused(`UPDATE household SET added_revision_id = $1 WHERE id = $2`, [ids['r2'], ids['h1']])).toMatchObject({ constraint: 'household_added_revision_fixed' });
    expect(await refused(`UPDATE household SET removed_revision_id = $1 WHERE id = $2`, [ids['r1'], ids['h1']])).toMatchObject({ constraint: 'household_removed_after_added' });
    expect(
      await refused(`INSERT INTO household (unit_id, number, added_revision_id, removed_revision_id) VALUES ($1, 'H-9', $2, $3)`, [ids['coop'], ids['r1'], ids['r2']]),
    ).toMatchObject({ constraint: 'household_enters_current' });
    // Deleting an account still unlinks a removed row (ON DELETE SET NULL).
    const user = await one(`INSERT INTO app_user (phone, display_name) VALUES ('13900000999', '测试')`);
    await pg.query(`UPDATE member SET user_id = $1 WHERE id = $2`, [user, ids['m1']]);
    await pg.query(`DELETE FROM app_user WHERE id = $1`, [user]);
    expect((await pg.query<{ user_id: string | null }>(`SELECT user_id FROM member WHERE id = $1`, [ids['m1']])).rows[0]!.user_id).toBeNull();
  });

  it('never lets a current row point at a removed one (checked at commit)', async () => {
    const h2 = await one(`INSERT INTO household (unit_id, number, added_revision_id) VALUES ($1, 'H-2', $2)`, [ids['coop'], ids['r1']]);
    const m2 = await one(`INSERT INTO member (unit_id, household_id, name, birth_date, added_revision_id) VALUES ($1, $2, '王五', '1970-01-01', $3)`, [
      ids['coop'],
      h2,
      ids['r1'],
    ]);
    expect(await refused(transaction([[`UPDATE household SET removed_revision_id = $1 WHERE id = $2`, [ids['r3'], h2]]]))).toMatchObject({
      code: '23514',
      constraint: 'member_household_id_current',
    });
    // Removing the member with the household, in either order, is fine.
    await transaction([
      [`UPDATE household SET removed_revision_id = $1 WHERE id = $2`, [ids['r3'], h2]],
      [`UPDATE member SET removed_revision_id = $1 WHERE id = $2`, [ids['r3'], m2]],
    ])();
    expect(
      await refused(
        transaction([[`INSERT INTO member (unit_id, household_id, name, birth_date, added_revision_id) VALUES ($1, $2, '赵六', '1971-01-01', $3)`, [ids['coop'], h2, ids['r3']]]]),
      ),
    ).toMatchObject({ constraint: 'member_household_id_current' });

    const flat = await one(`INSERT INTO exclusive_unit (unit_id, number, kind, area_centi_m2, area_source, added_revision_id) VALUES ($1, '1-101', 'dwelling', 8956, 'register', $2)`, [
      ids['compound'],
      ids['c1'],
    ]);
    const owner = await one(`INSERT INTO owner (unit_id, name, added_revision_id) VALUES ($1, '业主甲', $2)`, [ids['compound'], ids['c1']]);
    await pg.query(`INSERT INTO ownership (unit_id, exclusive_unit_id, owner_id, added_revision_id) VALUES ($1, $2, $3, $4)`, [ids['compound'], flat, owner, ids['c1']]);
    expect(await refused(transaction([[`UPDATE owner SET removed_revision_id = $1 WHERE id = $2`, [ids['c2'], owner]]]))).toMatchObject({
      constraint: 'ownership_owner_id_current',
    });
    expect(await refused(transaction([[`UPDATE exclusive_unit SET removed_revision_id = $1 WHERE id = $2`, [ids['c2'], flat]]]))).toMatchObject({
      constraint: 'ownership_exclusive_unit_id_current',
    });
  });

  it('keeps revisions append-only, numbered per unit, on a cooperative or compound, and rows on their own unit’s revisions', async () => {
    expect(await refused(`UPDATE roll_revision SET summary = '{"x":1}' WHERE id = $1`, [ids['r1']])).toMatchObject({ code: '42501', constraint: 'roll_revision_append_only' });
    expect(await refused(`DELETE FROM roll_revision WHERE id = $1`, [ids['r1']])).toMatchObject({ code: '42501' });
    expect(await refused(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', '{}')`, [ids['coop']])).toMatchObject({
      constraint: 'roll_revision_number_unique',
    });
    expect(await refused(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', '{}')`, [ids['community']])).toMatchObject({
      constraint: 'roll_revision_unit_kind',
    });
    expect(await refused(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 9, 'import', '{}')`, [ids['coop']])).toMatchObject({
      constraint: 'roll_revision_import_has_file',
    });
    expect(await refused(`INSERT INTO household (unit_id, number, added_revision_id) VALUES ($1, 'H-3', $2)`, [ids['coop'], ids['other']])).toMatchObject({
      constraint: 'household_added_revision_id_same_unit',
    });
  });
});

describe('natural sort keys in PostgreSQL', () => {
  /** The order a person expects of room numbers and building names: each run of digits by its value. */
  const natural = (a: string, b: string): number => {
    const key = (text: string): string => text.replace(/\d+/g, (digits) => digits.padStart(12, '0'));
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  };

  it('keeps every building’s and unit’s key from its text, on insert and on every update, whatever is written to it', async () => {
    const db = await createTestDatabase();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const one = async (sql: string, params: unknown[] = []): Promise<string> => (await pg.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]!.id;
      const street = await one(`INSERT INTO org_node (kind, code, name) VALUES ('street', 's', '街道')`);
      const community = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'c', '社区', $1)`, [street]);
      const compound = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'cmp', '小区', $1)`, [community]);
      const coop = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'coop', '甲社', $1)`, [community]);
      const rev = await one(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', '{}')`, [compound]);
      const coopRev = await one(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', '{}')`, [coop]);
      const names = ['10栋', '2栋', '1栋', 'B座', 'A座'];
      for (const name of names) await one(`INSERT INTO building (unit_id, name, added_revision_id) VALUES ($1, $2, $3)`, [compound, name, rev]);
      const numbers = ['2-1001', '2-201', '2-99', 'P-002', 'P-010', 'S-1', '10-101', '1-1201'];
      for (const number of numbers) {
        await one(`INSERT INTO exclusive_unit (unit_id, number, kind, area_centi_m2, area_source, added_revision_id) VALUES ($1, $2, 'dwelling', 8956, 'register', $3)`, [compound, number, rev]);
      }
      const households = ['NC-10', 'NC-9', 'NC-100'];
      for (const number of households) await one(`INSERT INTO household (unit_id, number, added_revision_id) VALUES ($1, $2, $3)`, [coop, number, coopRev]);
      const sorted = async (sql: string): Promise<string[]> => (await pg.query<{ text: string }>(sql)).rows.map((r) => r.text);
      expect(await sorted(`SELECT name AS text FROM building ORDER BY name_sort`)).toEqual([...names].sort(natural));
      expect(await sorted(`SELECT number AS text FROM exclusive_unit ORDER BY number_sort`)).toEqual([...numbers].sort(natural));
      expect(await sorted(`SELECT number AS text FROM household ORDER BY number_sort`)).toEqual(['NC-9', 'NC-10', 'NC-100']);
      // A new number brings its key along; a key written by hand does not stick.
      await pg.query(`UPDATE exclusive_unit SET number = '2-1' WHERE number = '2-1001'`);
      await pg.query(`UPDATE exclusive_unit SET number_sort = 'zzz' WHERE number = 'P-002'`);
      await pg.query(`UPDATE building SET name_sort = '' WHERE name = '10栋'`);
      await pg.query(`UPDATE household SET number_sort = 'A' WHERE number = 'NC-100'`);
      expect(await sorted(`SELECT number AS text FROM exclusive_unit ORDER BY number_sort`)).toEqual(['2-1', ...numbers.filter((n) => n !== '2-1001')].sort(natural));
      expect(await sorted(`SELECT name AS text FROM building ORDER BY name_sort`)).toEqual([...names].sort(natural));
      expect(await sorted(`SELECT number AS text FROM household ORDER BY number_sort`)).toEqual(['NC-9', 'NC-10', 'NC-100']);
    } finally {
      await pg.end();
      await db.drop();
    }
  });

  it('gives the rows already on a roll, current and removed, their keys when it arrives, leaving them as they were', async () => {
    await beforeMigration('NaturalSortKeys1796510000000', 'yishi_sortkeys', async ({ pg, insert: q, migrateRest }) => {
      const street = await q(`INSERT INTO org_node (kind, code, name) VALUES ('street', 's', '街道')`);
      const community = await q(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'c', '社区', $1)`, [street]);
      const compound = await q(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'cmp', '小区', $1)`, [community]);
      const r1 = await q(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', '{}')`, [compound]);
      const r2 = await q(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 2, 'seed', '{}')`, [compound]);
      const tall = await q(`INSERT INTO building (unit_id, name, added_revision_id) VALUES ($1, '10栋', $2)`, [compound, r1]);
      await q(`INSERT INTO building (unit_id, name, added_revision_id) VALUES ($1, '9栋', $2)`, [compound, r1]);
      const gone = await q(`INSERT INTO exclusive_unit (unit_id, building_id, number, kind, area_centi_m2, area_source, added_revision_id) VALUES ($1, $2, '10-1001', 'dwelling', 8956, 'register', $3)`, [compound, tall, r1]);
      await q(`INSERT INTO exclusive_unit (unit_id, building_id, number, kind, area_centi_m2, area_source, added_revision_id) VALUES ($1, $2, '10-201', 'dwelling', 8956, 'register', $3)`, [compound, tall, r1]);
      await pg.query(`UPDATE exclusive_unit SET removed_revision_id = $1 WHERE id = $2`, [r2, gone]);
      const before = await pg.query(`SELECT * FROM exclusive_unit ORDER BY id`);
      const figures = await pg.query(`SELECT * FROM unit_roll_figures ORDER BY unit_id`);
      await migrateRest();
      const keys = await pg.query<{ number: string; number_sort: string; removed: boolean }>(`SELECT number, number_sort, removed_revision_id IS NOT NULL AS removed FROM exclusive_unit ORDER BY number_sort`);
      expect(keys.rows).toEqual([
        { number: '10-201', number_sort: '000000000010-000000000201', removed: false },
        { number: '10-1001', number_sort: '000000000010-000000001001', removed: true },
      ]);
      expect((await pg.query<{ name: string }>(`SELECT name FROM building ORDER BY name_sort`)).rows.map((r) => r.name)).toEqual(['9栋', '10栋']);
      const after = await pg.query(`SELECT * FROM exclusive_unit ORDER BY id`);
      expect(after.rows.map(({ number_sort: _key, ...row }: Record<string, unknown>) => row)).toEqual(before.rows);
      expect((await pg.query(`SELECT * FROM unit_roll_figures ORDER BY unit_id`)).rows).toEqual(figures.rows);
      // The roll's own triggers are on again: a removed row stays as it was.
      expect(await pg.query(`UPDATE exclusive_unit SET number = '10-1002' WHERE id = $1`, [gone]).catch((error: { constraint?: string }) => error.constraint)).toBe('exclusive_unit_removed_is_final');
    });
  });
});

describe('the roll revisions migration', () => {
  it('puts the rows already on a roll into a revision 1 of their unit', async () => {
    await beforeMigration('RollRevisions1795672541935', 'yishi_rollmig', async ({ pg, insert: q, migrateRest }) => {
      const street = await q(`INSERT INTO org_node (kind, code, name) VALUES ('street', 's', '街道')`);
      const community = await q(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'c', '社区', $1)`, [street]);
      const coop = await q(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'coop', '甲社', $1)`, [community]);
      await q(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'empty', '空小区', $1)`, [community]);
      const household = await q(`INSERT INTO household (unit_id, number) VALUES ($1, 'H-1')`, [coop]);
      await q(`INSERT INTO member (unit_id, household_id, name, birth_date) VALUES ($1, $2, '张三', '1960-01-01')`, [coop, household]);
      await q(`INSERT INTO member (unit_id, household_id, name, birth_date) VALUES ($1, $2, '李四', '1962-01-01')`, [coop, household]);
      await migrateRest();
      const revisions = await pg.query(`SELECT n.code, r.number, r.source, r.summary->'counts' AS counts FROM roll_revision r JOIN org_node n ON n.id = r.unit_id`);
      expect(revisions.rows).toEqual([{ code: 'coop', number: 1, source: 'seed', counts: { households: 1, members: 2 } }]);
      const orphans = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM member m JOIN roll_revision r ON r.id = m.added_revision_id WHERE r.unit_id <> m.unit_id`);
      expect(orphans.rows[0]!.n).toBe(0);
    });
  });

  it('declares every partial index exactly as the database holds it (TypeORM does not compare index predicates)', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      const squash = (sql: string): string => sql.toLowerCase().replace(/::text/g, '').replace(/["()\s]/g, '');
      const defs = new Map(
        (await ds.query<{ indexname: string; indexdef: string }[]>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`)).map((r) => [r.indexname, r.indexdef]),
      );
      const partial = ds.entityMetadatas.flatMap((e) => e.indices).filter((i) => i.where);
      expect(partial.length).toBeGreaterThan(10);
      for (const index of partial) {
        const def = defs.get(index.name);
        expect([index.name, def && squash(def.slice(def.indexOf(' WHERE ') + 7))]).toEqual([index.name, squash(index.where!)]);
      }
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
