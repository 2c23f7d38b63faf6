import { Client } from 'pg';
import { beforeMigration, createEmptyDatabase, dropDatabase } from '../../test/postgres';
import { createTestDatabase } from '../../test/test-app';
import { createDataSource } from './data-source';
import { runMigrations } from './migrate';

/** The rules PostgreSQL itself enforces, whoever writes to it. */
describe('schema rules enforced by PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> };
  let pg: Client;
  const ids: Record<string, string> = {};

  const insert = async (sql: string, params: unknown[] = []): Promise<string> => {
    const res = await pg.query<{ id: string }>(`${sql} RETURNING id`, params);
    return res.rows[0]!.id;
  };
  const violation = async (sql: string, params: unknown[] = []): Promise<{ code?: string; constraint?: string }> => {
    try {
      await pg.query(sql, params);
    } catch (error) {
      return error as { code?: string; constraint?: string };
    }
    throw new Error(`expected PostgreSQL to refuse: ${sql}`);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    ids['street'] = await insert(`INSERT INTO org_node (kind, code, name) VALUES ('street', 's', '街道')`);
    ids['community'] = await insert(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'c', '社区', $1)`, [ids['street']]);
    ids['coopA'] = await insert(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'coop-a', '甲社', $1)`, [ids['community']]);
    ids['coopB'] = await insert(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'coop-b', '乙社', $1)`, [ids['community']]);
    ids['compound'] = await insert(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'cmp', '小区', $1)`, [ids['community']]);
    for (const unit of ['coopA', 'coopB', 'compound']) {
      ids[`rev:${unit}`] = await insert(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', '{}')`, [ids[unit]]);
    }
    ids['householdB'] = await insert(`INSERT INTO household (unit_id, number, added_revision_id) VALUES ($1, 'B-1', $2)`, [ids['coopB'], ids['rev:coopB']]);
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  it('keeps the tree the right way up', async () => {
    expect(await violation(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'x1', '错', $1)`, [ids['street']])).toMatchObject({
      code: '23514',
      constraint: 'org_node_parent_kind',
    });
    expect(await violation(`INSERT INTO org_node (kind, code, name) VALUES ('community', 'x2', '无上级')`)).toMatchObject({ code: '23514' });
    expect(await violation(`UPDATE org_node SET kind = 'compound' WHERE id = $1`, [ids['coopA']])).toMatchObject({
      constraint: 'org_node_kind_immutable',
    });
    expect(await violation(`INSERT INTO org_node (kind, code, name) VALUES ('street', 'S P A C E', '街道')`)).toMatchObject({
      constraint: 'org_node_code_format',
    });
  });

  it('keeps each node’s ancestry from its parent, whatever is written to it, and the ancestries under a node that moves', async () => {
    const ancestry = async (id: string): Promise<string[]> => (await pg.query<{ ancestry: string[] }>(`SELECT ancestry FROM org_node WHERE id = $1`, [id])).rows[0]!.ancestry;
    expect(await ancestry(ids['street']!)).toEqual([ids['street']]);
    expect(await ancestry(ids['coopA']!)).toEqual([ids['coopA'], ids['community'], ids['street']]);
    await pg.query(`UPDATE org_node SET ancestry = ARRAY[id] WHERE id = $1`, [ids['coopA']]);
    await pg.query(`UPDATE org_node SET ancestry = ARRAY[$2::uuid, id] WHERE id = $1`, [ids['compound'], ids['street']]);
    expect(await ancestry(ids['coopA']!)).toEqual([ids['coopA'], ids['community'], ids['street']]);
    expect(await ancestry(ids['compound']!)).toEqual([ids['compound'], ids['community'], ids['street']]);
    // A community moved to another street takes its units along.
    const street2 = await insert(`INSERT INTO org_node (kind, code, name) VALUES ('street', 's2', '另一街道')`);
    const community2 = await insert(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'c2', '另一社区', $1)`, [street2]);
    await pg.query(`UPDATE org_node SET parent_id = $1 WHERE id = $2`, [street2, ids['community']]);
    for (const unit of ['coopA', 'coopB', 'compound']) expect(await ancestry(ids[unit]!)).toEqual([ids[unit], ids['community'], street2]);
    await pg.query(`UPDATE org_node SET parent_id = $1 WHERE id = $2`, [community2, ids['coopB']]);
    expect(await ancestry(ids['coopB']!)).toEqual([ids['coopB'], community2, street2]);
    await pg.query(`UPDATE org_node SET parent_id = $1 WHERE id = $2`, [ids['community'], ids['coopB']]);
    await pg.query(`UPDATE org_node SET parent_id = $1 WHERE id = $2`, [ids['street'], ids['community']]);
    for (const unit of ['coopA', 'coopB', 'compound']) expect(await ancestry(ids[unit]!)).toEqual([ids[unit], ids['community'], ids['street']]);
    expect(await ancestry(community2)).toEqual([community2, street2]);
  });

  it('keeps roll rows in a unit of the right kind and in the same unit as what they point at', async () => {
    expect(await violation(`INSERT INTO household (unit_id, number) VALUES ($1, 'H-1')`, [ids['compound']])).toMatchObject({
      constraint: 'household_unit_kind',
    });
    expect(await violation(`INSERT INTO building (unit_id, name) VALUES ($1, '1栋')`, [ids['coopA']])).toMatchObject({
      constraint: 'building_unit_kind',
    });
    expect(
      await violation(`INSERT INTO member (unit_id, household_id, name, birth_date) VALUES ($1, $2, '张三', '1960-01-01')`, [ids['coopA'], ids['householdB']]),
    ).toMatchObject({ constraint: 'member_household_id_same_unit' });
  });

  it('allows one household head and one designated voter per unit', async () => {
    await pg.query(`INSERT INTO member (unit_id, household_id, name, birth_date, is_household_head, added_revision_id) VALUES ($1, $2, '李一', '1960-01-01', true, $3)`, [
      ids['coopB'],
      ids['householdB'],
      ids['rev:coopB'],
    ]);
    expect(
      await violation(`INSERT INTO member (unit_id, household_id, name, birth_date, is_household_head, added_revision_id) VALUES ($1, $2, '李二', '1962-01-01', true, $3)`, [
        ids['coopB'],
        ids['householdB'],
        ids['rev:coopB'],
      ]),
    ).toMatchObject({ code: '23505', constraint: 'member_one_head_per_household' });

    const rev = ids['rev:compound'];
    const flat = await insert(`INSERT INTO exclusive_unit (unit_id, number, kind, area_centi_m2, area_source, added_revision_id) VALUES ($1, '1-101', 'dwelling', 8956, 'register', $2)`, [
      ids['compound'],
      rev,
    ]);
    const [wife, husband] = [
      await insert(`INSERT INTO owner (unit_id, name, added_revision_id) VALUES ($1, '苏女士', $2)`, [ids['compound'], rev]),
      await insert(`INSERT INTO owner (unit_id, name, added_revision_id) VALUES ($1, '林先生', $2)`, [ids['compound'], rev]),
    ];
    await pg.query(`INSERT INTO ownership (unit_id, exclusive_unit_id, owner_id, is_designated_voter, added_revision_id) VALUES ($1, $2, $3, true, $4)`, [ids['compound'], flat, wife, rev]);
    expect(
      await violation(`INSERT INTO ownership (unit_id, exclusive_unit_id, owner_id, is_designated_voter, added_revision_id) VALUES ($1, $2, $3, true, $4)`, [ids['compound'], flat, husband, rev]),
    ).toMatchObject({ constraint: 'ownership_one_designated_voter' });
    expect(
      await violation(`INSERT INTO exclusive_unit (unit_id, number, kind, area_centi_m2, area_source, added_revision_id) VALUES ($1, '1-102', 'dwelling', 0, 'register', $2)`, [ids['compound'], rev]),
    ).toMatchObject({ constraint: 'exclusive_unit_area_positive' });
  });

  it('never lets anyone change or remove the audit trail', async () => {
    const id = await insert(`INSERT INTO audit_entry (action, entity_type, node_id) VALUES ('roll.import', 'household', $1)`, [ids['coopA']]);
    expect(await violation(`UPDATE audit_entry SET action = 'roll.nothing' WHERE id = $1`, [id])).toMatchObject({ code: '42501' });
    expect(await violation(`DELETE FROM audit_entry WHERE id = $1`, [id])).toMatchObject({ code: '42501' });
    expect(await violation(`TRUNCATE audit_entry`)).toMatchObject({ code: '42501' });
    const rows = await pg.query(`SELECT action FROM audit_entry WHERE id = $1`, [id]);
    expect(rows.rows).toEqual([{ action: 'roll.import' }]);
  });
});

describe('migrations', () => {
  it('apply to an empty database, revert completely and apply again', async () => {
    const adminUrl = process.env['YISHI_TEST_ADMIN_URL']!;
    const database = await createEmptyDatabase(adminUrl, 'yishi_mig');
    try {
      expect((await runMigrations(database.url)).length).toBeGreaterThan(0);
      expect(await runMigrations(database.url)).toEqual([]);
      const ds = await createDataSource(database.url).initialize();
      try {
        while ((await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM schema_migration`))[0]!.n > 0) {
          await ds.undoLastMigration({ transaction: 'each' });
        }
        const tables = await ds.query<unknown[]>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`);
        expect(tables).toEqual([]);
      } finally {
        await ds.destroy();
      }
      expect((await runMigrations(database.url)).length).toBeGreaterThan(0);
    } finally {
      await dropDatabase(adminUrl, database.name);
    }
  });

  it('give the nodes already there their ancestries when the stored ancestry arrives', async () => {
    await beforeMigration('StoredAncestry1796520000000', 'yishi_ancestry', async ({ pg, insert: q, migrateRest }) => {
      const street = await q(`INSERT INTO org_node (kind, code, name) VALUES ('street', 's', '街道')`);
      const community = await q(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'c', '社区', $1)`, [street]);
      const compound = await q(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'cmp', '小区', $1)`, [community]);
      await migrateRest();
      const rows = await pg.query<{ id: string; ancestry: string[] }>(`SELECT id, ancestry FROM org_node`);
      expect(new Map(rows.rows.map((r) => [r.id, r.ancestry]))).toEqual(
        new Map([
          [street, [street]],
          [community, [community, street]],
          [compound, [compound, community, street]],
        ]),
      );
    });
  });

  it('match the entities: generating a migration now would find nothing to change', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
