import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createEmptyDatabase, dropDatabase } from '../../test/postgres';
import { dataSourceOptions } from './data-source';
import { PREPARED_READS_PER_CONNECTION, PreparingClient } from './preparing-client';

const adminUrl = (): string => process.env['YISHI_TEST_ADMIN_URL']!;

/** What this connection holds prepared, as PostgreSQL tells it. */
async function preparedOn(client: Client): Promise<{ statement: string; runs: number }[]> {
  const { rows } = await client.query<{ statement: string; runs: number }>(
    `SELECT statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements ORDER BY statement`,
  );
  return rows;
}

describe('PreparingClient: the API pool sends its reads as prepared statements', () => {
  let db: { name: string; url: string };
  let client: PreparingClient;

  beforeAll(async () => {
    db = await createEmptyDatabase(adminUrl(), 'yishi_prep');
    const setup = new Client({ connectionString: db.url });
    await setup.connect();
    await setup.query(`CREATE TABLE place (id int PRIMARY KEY, name text NOT NULL)`);
    await setup.query(`INSERT INTO place VALUES (1, '桂城'), (2, '千灯湖')`);
    await setup.end();
  });
  beforeEach(async () => {
    client = new PreparingClient({ connectionString: db.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
  });
  afterAll(async () => {
    await dropDatabase(adminUrl(), db.name);
  });

  it('prepares a read with parameters once on its connection and runs it from there, with the same answers', async () => {
    const read = 'SELECT name FROM place WHERE id = $1';
    expect((await client.query<{ name: string }>(read, [1])).rows).toEqual([{ name: '桂城' }]);
    expect((await client.query<{ name: string }>({ text: read, values: [2] })).rows).toEqual([{ name: '千灯湖' }]);
    expect((await client.query<{ name: string }>(read, [3])).rows).toEqual([]);
    expect(await preparedOn(client)).toEqual([{ statement: read, runs: 3 }]);
  });

  it('leaves alone statements without parameters, writes, several statements in one text and a caller’s own name', async () => {
    await client.query('SELECT count(*) FROM place');
    await client.query('BEGIN; SELECT 1; COMMIT');
    await client.query('UPDATE place SET name = name WHERE id = $1', [1]);
    await client.query({ name: 'mine', text: 'SELECT id FROM place WHERE name = $1', values: ['桂城'] });
    expect((await preparedOn(client)).map((p) => p.statement)).toEqual(['SELECT id FROM place WHERE name = $1']);
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM pg_prepared_statements`);
    expect(rows).toEqual([{ name: 'mine' }]);
  });

  it('keeps at most its bound of reads prepared on a connection and answers the ones beyond it all the same', async () => {
    for (let i = 0; i <= PREPARED_READS_PER_CONNECTION; i += 1) {
      const { rows } = await client.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [1]);
      expect(rows[0]!.n).toBe(1 + i);
    }
    expect(await preparedOn(client)).toHaveLength(PREPARED_READS_PER_CONNECTION);
  });

  it('after another server changed a read’s columns, fails that read once and then prepares it afresh', async () => {
    await client.query(`CREATE TABLE building (id int PRIMARY KEY, name text NOT NULL)`);
    await client.query(`INSERT INTO building VALUES (1, '一座')`);
    const read = 'SELECT * FROM building WHERE id = $1';
    expect((await client.query(read, [1])).rows).toEqual([{ id: 1, name: '一座' }]);
    const other = new Client({ connectionString: db.url });
    await other.connect();
    await other.query(`ALTER TABLE building ADD COLUMN floors int NOT NULL DEFAULT 18`);
    await other.end();
    await expect(client.query(read, [1])).rejects.toMatchObject({ code: '0A000' });
    expect((await client.query(read, [1])).rows).toEqual([{ id: 1, name: '一座', floors: 18 }]);
    expect((await client.query(read, [1])).rows).toEqual([{ id: 1, name: '一座', floors: 18 }]);
  });

  it('is what the serving API’s pool connects with, TypeORM’s queries included; a tool’s pool prepares nothing', async () => {
    const dataSource = await new DataSource({ ...dataSourceOptions(db.url, 2, { preparedReads: true }), entities: [], migrations: [] }).initialize();
    const runner = dataSource.createQueryRunner();
    try {
      expect(await runner.query('SELECT name FROM place WHERE id = $1', [2])).toEqual([{ name: '千灯湖' }]);
      expect(await runner.query('SELECT statement FROM pg_prepared_statements')).toEqual([{ statement: 'SELECT name FROM place WHERE id = $1' }]);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
    const tool = await new DataSource({ ...dataSourceOptions(db.url, 2), entities: [], migrations: [] }).initialize();
    try {
      const [prepared] = await tool.transaction(async (m) => {
        await m.query('SELECT name FROM place WHERE id = $1', [2]);
        return m.query<{ n: number }[]>('SELECT count(*)::int AS n FROM pg_prepared_statements');
      });
      expect(prepared).toEqual({ n: 0 });
    } finally {
      await tool.destroy();
    }
  });
});
