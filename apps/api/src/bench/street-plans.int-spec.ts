/**
 * Query plans at street scale: the statements behind the pages bench:pages found reading whole
 * tables (issue 16, "Street scale"), EXPLAINed on a street's worth of rows — 40 compounds of 500
 * homes and owners each, 20,000 accounts, a joint consultation with 3,000 opinions, half of them
 * answered, a vote in every compound — and refused if a plan scans a whole large table again. The rows are written straight
 * in SQL (seconds, not the minutes of the area seeder); the statements are the stores' own, caught
 * on their way out.
 */
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { createTestDatabase } from '../../test/test-app';
import type { TxQuery } from '../database/pooled';
import { selectComments } from '../comments/comment-store';
import { exclusiveUnitPage, textSearch, rollHeader, unitPeople } from '../rolls/roll-view-store';
import { missingOfGroup, turnoutByGroup } from '../votes/ballots/missing-store';

interface Statement {
  sql: string;
  params: unknown[];
}

/** The statements a store function sends, instead of sending them (each answers no rows). */
async function statementsOf(run: (m: EntityManager) => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  const m = { query: (sql: string, params: unknown[] = []) => (sent.push({ sql, params }), Promise.resolve([])) } as unknown as EntityManager;
  await run(m);
  return sent;
}

/** The statements a store function taking a TxQuery sends, instead of sending them. */
async function txStatementsOf(run: (q: TxQuery) => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  await run(<T>(sql: string, params: unknown[] = []) => (sent.push({ sql, params }), Promise.resolve([] as T[])));
  return sent;
}

/** The relations a plan reads with a Seq Scan. */
function seqScans(plan: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (node: Record<string, unknown>): void => {
    if (node['Node Type'] === 'Seq Scan') found.push(String(node['Relation Name']));
    for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan);
  return found;
}

describe('query plans at street scale', () => {
  let db: { url: string; drop(): Promise<void> };
  let pg: Client;
  const ids: Record<string, string> = {};

  const one = async (sql: string, params: unknown[] = []): Promise<string> => (await pg.query<{ id: string }>(sql, params)).rows[0]!.id;
  const planOf = async (statement: Statement): Promise<Record<string, unknown>> => {
    const { rows } = await pg.query<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }>(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params);
    return rows[0]!['QUERY PLAN'][0]!.Plan;
  };
  const scansOf = async (statement: Statement): Promise<string[]> => seqScans(await planOf(statement));

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query('BEGIN');
    const street = await one(`INSERT INTO org_node (kind, code, name) VALUES ('street', 'qdh', '千灯湖街道') RETURNING id`);
    const community = await one(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'qdh-c', '千灯湖社区', $1) RETURNING id`, [street]);
    await pg.query(
      `INSERT INTO org_node (kind, code, name, parent_id) SELECT 'compound', 'cmp-' || g, '小区' || g, $1 FROM generate_series(1, 40) g`,
      [community],
    );
    await pg.query(`INSERT INTO roll_revision (unit_id, number, source, summary) SELECT id, 1, 'seed', '{}' FROM org_node WHERE kind = 'compound'`);
    const homes = `FROM org_node n JOIN roll_revision r ON r.unit_id = n.id CROSS JOIN generate_series(1, 500) g WHERE n.kind = 'compound'`;
    await pg.query(`INSERT INTO exclusive_unit (unit_id, number, kind, area_centi_m2, area_source, added_revision_id) SELECT n.id, 'E-' || g, 'dwelling', 9000 + g, 'register', r.id ${homes}`);
    await pg.query(`INSERT INTO owner (unit_id, name, phone, added_revision_id) SELECT n.id, (ARRAY['陈','李','黄','张','王'])[1 + g % 5] || '业主' || g, '139' || lpad(g::text, 8, '0'), r.id ${homes}`);
    await pg.query(
      `INSERT INTO ownership (unit_id, exclusive_unit_id, owner_id, added_revision_id)
       SELECT e.unit_id, e.id, o.id, e.added_revision_id FROM exclusive_unit e JOIN owner o ON o.unit_id = e.unit_id AND o.name LIKE '%业主' || substr(e.number, 3)`,
    );
    ids['compound'] = await one(`SELECT id FROM org_node WHERE code = 'cmp-7'`);

    // 20,000 accounts, a joint consultation of the street, one version of 50 clauses, 3,000 opinions.
    await pg.query(`INSERT INTO app_user (phone, display_name, password_hash) SELECT '138' || lpad(g::text, 8, '0'), '居民' || g, '$argon2id$v=19$m=19456,t=2,p=1$' || md5(g::text) || md5('salt' || g) FROM generate_series(1, 20000) g`);
    const convenor = await one(`SELECT id FROM app_user WHERE phone = '13800000001'`);
    ids['reader'] = convenor;
    ids['consultation'] = await one(
      `INSERT INTO consultation (owner_node_id, title, summary, rule_set, phase, created_by) VALUES ($1, '千灯湖街道停车管理公约', '', 'cc278-ordinary', 'comment', $2) RETURNING id`,
      [street, convenor],
    );
    ids['version'] = await one(
      `INSERT INTO draft_version (consultation_id, number, title, preamble, created_by) VALUES ($1, 1, '公约草案', '', $2) RETURNING id`,
      [ids['consultation'], convenor],
    );
    await pg.query(`INSERT INTO clause (version_id, number, body) SELECT $1, g, '第' || g || '条的内容' FROM generate_series(1, 50) g`, [ids['version']]);
    await pg.query(`UPDATE draft_version SET published_at = now(), published_by = $2 WHERE id = $1`, [ids['version'], convenor]);
    ids['clause'] = await one(`SELECT id FROM clause WHERE version_id = $1 AND number = 7`, [ids['version']]);
    await pg.query(
      `INSERT INTO comment (consultation_id, version_id, clause_id, author_id, body, channel, is_anonymous, created_at)
       SELECT $1, $2, CASE WHEN g % 4 = 0 THEN NULL ELSE (SELECT id FROM clause WHERE version_id = $2 AND number = 1 + g % 50) END,
              (SELECT id FROM app_user WHERE phone = '138' || lpad((1 + g * 6 % 20000)::text, 8, '0')), '意见' || g, 'online', false, now() - g * interval '1 minute'
         FROM generate_series(1, 3000) g`,
      [ids['consultation'], ids['version']],
    );
    // Half of them answered.
    await pg.query(
      `INSERT INTO official_reply (comment_id, outcome, reason, replied_by)
       SELECT c.id, (ARRAY['adopted', 'partly_adopted', 'not_adopted', 'noted'])[1 + row_number() OVER (ORDER BY c.id) % 4], '答复', $2
         FROM comment c WHERE c.consultation_id = $1 AND c.body ~ '[02468]$'`,
      [ids['consultation'], convenor],
    );
    await pg.query('COMMIT');
    await pg.query('ANALYZE');
  }, 120_000);
  afterAll(async () => {
    await pg?.end();
    await db?.drop();
  });

  it('searches one compound’s roll, and reads the page’s header and people, without reading every unit, owner and ownership of the street', async () => {
    for (const q of ['陈', '139000', '3-12']) {
      const [statement] = await statementsOf((m) => exclusiveUnitPage(m, ids['compound']!, textSearch(q), q, 20, 0, null));
      const scans = await scansOf(statement!);
      expect({ q, scans: scans.filter((r) => ['owner', 'ownership', 'exclusive_unit'].includes(r)) }).toEqual({ q, scans: [] });
    }
    // The rest of the page: the compound's header (its buildings, its latest revision), the people of twenty units
    // (this street has 20,000 units, owners and ownerships; its few tenants and letters are read whole, as they should be).
    const page = await pg.query<{ id: string }>(`SELECT id FROM exclusive_unit WHERE unit_id = $1 ORDER BY number LIMIT 20`, [ids['compound']]);
    for (const [what, run] of [
      ['header', (m: EntityManager) => rollHeader(m, ids['compound']!)],
      ['people', (m: EntityManager) => unitPeople(m, page.rows.map((r) => r.id))],
    ] as const) {
      const [statement] = await statementsOf(run);
      const scans = await scansOf(statement!);
      expect({ what, scans: scans.filter((r) => ['owner', 'ownership', 'exclusive_unit'].includes(r)) }).toEqual({ what, scans: [] });
    }
  });

  it('reads a page of the adoption report, or of the opinions, without reading every account, opinion or answer', async () => {
    const pages: [string, (m: EntityManager) => Promise<unknown>][] = [
      [
        'report: the whole draft',
        (m) => selectComments(m, ids['consultation']!, ids['reader']!, 'c.parent_id IS NULL AND c.version_id = $3 AND c.clause_id IS NULL', [ids['version']], 'c.created_at, c.id', 100, 300),
      ],
      [
        'report: one clause',
        (m) => selectComments(m, ids['consultation']!, ids['reader']!, 'c.parent_id IS NULL AND c.version_id = $3 AND c.clause_id = $4', [ids['version'], ids['clause']], 'c.created_at, c.id', 100, 0),
      ],
      ['opinions, newest first', (m) => selectComments(m, ids['consultation']!, ids['reader']!, 'c.parent_id IS NULL', [], 'c.created_at DESC, c.id DESC', 31)],
    ];
    for (const [page, run] of pages) {
      const [statement] = await statementsOf(run);
      const scans = await scansOf(statement!);
      expect({ page, scans: scans.filter((r) => ['app_user', 'comment', 'official_reply'].includes(r)) }).toEqual({ page, scans: [] });
    }
  });

  it('reads one building of a vote for its missing list and turnout, and only that vote’s ballots', async () => {
    // A vote in each of the 40 compounds: 600 voters each in 24 buildings of 25, three in five of whom voted
    // (24,000 voters, some 14,400 ballots). Written straight in SQL with the life-cycle triggers off (voters are
    // frozen at opening, ballots taken only while voting): the plans are what is asked here.
    await pg.query('BEGIN');
    await pg.query(`SET LOCAL session_replication_role = replica`);
    const votes = (
      await pg.query<{ id: string }>(
        `INSERT INTO vote (unit_id, title, question, rule_set, notice_ends_at, opens_at, closes_at, created_by)
         SELECT id, name || '停车表决', '同意吗？', 'cc278-ordinary', now(), now(), now() + interval '7 days', $1
           FROM org_node WHERE kind = 'compound' ORDER BY code RETURNING id`,
        [ids['reader']],
      )
    ).rows.map((r) => r.id);
    await pg.query(
      `INSERT INTO vote_voter (vote_id, voter_id, person_type, person_id, name, group_label)
       SELECT v, 'v-' || lpad(to_hex(g), 8, '0'), 'owner', gen_random_uuid(), '业主' || g, (1 + g % 24) || '栋'
         FROM unnest($1::uuid[]) v CROSS JOIN generate_series(1, 600) g`,
      [votes],
    );
    await pg.query(
      `INSERT INTO ballot (vote_id, voter_id, choice, channel, receipt, cast_at)
       SELECT vote_id, voter_id, '{"choice": "yes"}', 'online', 'b-' || substr(md5(vote_id || voter_id), 1, 12), now()
         FROM vote_voter WHERE vote_id = ANY($1::uuid[]) AND ('x' || substr(voter_id, 3))::bit(32)::int % 5 < 3`,
      [votes],
    );
    await pg.query('COMMIT');
    await pg.query('ANALYZE vote_voter, ballot');

    const indexesOf = (plan: Record<string, unknown>): string[] => {
      const found: string[] = [];
      const walk = (node: Record<string, unknown>): void => {
        if (typeof node['Index Name'] === 'string') found.push(node['Index Name']);
        for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk(plan);
      return found;
    };
    for (const [what, run] of [
      ['missing list', (q: TxQuery) => missingOfGroup(q, votes[1]!, 'named', '4栋')],
      ['turnout of one building', (q: TxQuery) => turnoutByGroup(q, votes[1]!, 'named', '4栋')],
    ] as const) {
      const [statement] = await txStatementsOf(run);
      const plan = await planOf(statement!);
      // Not every ballot of the street to tell who voted, nor every voter of the vote to find one building's.
      expect({ what, scans: seqScans(plan).filter((r) => ['ballot', 'vote_voter'].includes(r)) }).toEqual({ what, scans: [] });
      if (what === 'missing list') expect(indexesOf(plan)).toContain('vote_voter_group_idx');
    }
  });
});
