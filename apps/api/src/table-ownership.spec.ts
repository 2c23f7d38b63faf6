import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * A feature owns its tables (ARCHITECTURE.md, house rule 12): the SQL and the repository calls
 * about a table sit in the files of the feature whose `entities/` declares it, and another feature
 * calls that feature's store. This test reads every feature's source and fails on a statement or a
 * repository call about another feature's table, naming the file, the table and its owner.
 *
 * Two kinds of exception, each a list here:
 * - REFERENCE_TABLES: the organisation tree and the accounts are what every feature names places
 *   and people by; a feature's store may JOIN them to read a name, never write them;
 * - BY_DESIGN: files whose job is to read across features (the permission resolver maps every
 *   kind of target to its place in the tree).
 * Everything else reads another feature's data through that feature's store functions (a name,
 * a label, a count by id) or SQL fragments it exports (`liveLetterSql`, `accountEntriesSql`).
 *
 * And the statements themselves sit in stores (`*-store.ts`, `*-reads.ts`), in the features and in
 * the infrastructure folders alike (the backup's in `backup/backup-store.ts`): a file that runs
 * SQL outside a store is listed in STATEMENTS_OUTSIDE_STORES with the reason.
 */

const SRC = __dirname;
/** Folders that are not features: infrastructure, seeding, benchmarks, backups (every table by design), the command line. */
const NOT_FEATURES = new Set(['database', 'seed', 'bench', 'cli', 'openapi', 'common', 'config', 'health', 'backup']);

const REFERENCE_TABLES = new Set(['org_node', 'app_user']);

const BY_DESIGN: Record<string, string> = {
  'permissions/targets.ts': 'resolves every kind of target (vote, topic, comment …) to the nodes it belongs to, for the one permission guard',
  'permissions/access-reads.ts': 'reads a target with its ancestry (organizations) and the actor’s grants (users) in one statement: what permission means',
};

/**
 * Files (or folders, ending in `/`) that run SQL outside a store: none touches a feature's table.
 * `database/advisory-lock.ts` stays database infrastructure rather than becoming a store: its
 * statements are PostgreSQL's lock functions on a session or a transaction (no table at all), the
 * point of `LockSession` is the connection it holds outside the pool, and migrations, jobs and
 * the seed share it; a store holds a feature's statements about its tables, and there is none.
 */
const STATEMENTS_OUTSIDE_STORES: Record<string, string> = {
  'database/advisory-lock.ts': 'advisory locks (pg_advisory_lock, pg_try_advisory_lock, pg_advisory_xact_lock) on a connection of its own or the caller’s transaction: no table, database infrastructure',
  'database/pooled.ts': 'the functions every store runs its statements through (a pooled connection, a pg client as a TxQuery)',
  'database/embedded-postgres.ts': 'creates the embedded server’s database itself, before there is any schema',
  'sessions/session-events.ts': 'LISTENs on the channel the session stores NOTIFY: a channel of the server, no table',
  'bench/': 'benchmarks time statements and build their fixtures directly; no part of the running application',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const all = filesUnder(SRC).filter((f) => f.endsWith('.ts'));
const featureOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!;

/** Table name → owning feature, and entity class → owning feature, from the @Entity decorators. */
const tableOwner = new Map<string, string>();
const entityOwner = new Map<string, string>();
for (const file of all.filter((f) => f.includes(`${path.sep}entities${path.sep}`))) {
  for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)[\s\S]*?export class (\w+)/g)) {
    tableOwner.set(m[1]!, featureOf(file));
    entityOwner.set(m[2]!, featureOf(file));
  }
}

interface Use {
  table: string;
  owner: string;
  writes: boolean;
}

/** Another feature's tables that a file's SQL or repository calls name. */
function foreignUses(file: string): Use[] {
  const feature = featureOf(file);
  const text = readFileSync(file, 'utf8');
  const uses: Use[] = [];
  for (const m of text.matchAll(/\b(FROM|JOIN|INTO|UPDATE|DELETE FROM)\s+"?([a-z][a-z_]+)"?/g)) {
    const owner = tableOwner.get(m[2]!);
    if (owner && owner !== feature) uses.push({ table: m[2]!, owner, writes: m[1] !== 'FROM' && m[1] !== 'JOIN' });
  }
  for (const m of text.matchAll(/getRepository\((\w+)\)(?:\.(\w+))?|\bm\.(find\w*|save|update|insert|delete|count\w*|exist\w*|increment|decrement)\((\w+)/g)) {
    const entity = (m[1] ?? m[4])!;
    const method = m[2] ?? m[3] ?? '';
    const owner = entityOwner.get(entity);
    if (owner && owner !== feature) uses.push({ table: `entity ${entity}`, owner, writes: /^(save|update|insert|delete|increment|decrement|upsert|remove)/.test(method) });
  }
  return uses;
}

const featureFiles = all.filter((f) => {
  const rel = path.relative(SRC, f);
  return rel.includes(path.sep) && !NOT_FEATURES.has(featureOf(f)) && !/\.(int-)?spec\.ts$/.test(f) && !rel.includes(`${path.sep}entities${path.sep}`) && !rel.includes(`${path.sep}dto${path.sep}`);
});

describe('each feature owns its tables', () => {
  it('finds the tables and the features that own them', () => {
    expect(tableOwner.get('vote')).toBe('votes');
    expect(tableOwner.get('owner')).toBe('rolls');
    expect(tableOwner.get('consultation')).toBe('consultations');
    expect(featureFiles.length).toBeGreaterThan(50);
  });

  it('names another feature’s table only in that feature’s store, a join to a reference table, or a file that reads across by design', () => {
    const problems: string[] = [];
    for (const file of featureFiles) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      if (BY_DESIGN[rel]) continue;
      const isStore = /-(store|reads)\.ts$/.test(rel);
      for (const use of foreignUses(file)) {
        if (REFERENCE_TABLES.has(use.table) && isStore && !use.writes) continue;
        problems.push(`${rel} ${use.writes ? 'writes' : 'reads'} ${use.table}, a table of ${use.owner}: call ${use.owner}'s store instead`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('statements sit in stores', () => {
  const runsSql = /\.query(?:<[^;]*?>)?\(/;
  const exemption = (rel: string): string | undefined =>
    STATEMENTS_OUTSIDE_STORES[rel] ?? Object.entries(STATEMENTS_OUTSIDE_STORES).find(([key]) => key.endsWith('/') && rel.startsWith(key))?.[1];
  const sources = all.filter((f) => !/\.(int-)?spec\.ts$/.test(f)).map((f) => path.relative(SRC, f).split(path.sep).join('/'));

  it('finds the statements it looks for', () => {
    expect(runsSql.test('await m.query<{ n: number }[]>(`SELECT 1`)')).toBe(true);
    expect(runsSql.test("await client.query('BEGIN')")).toBe(true);
    expect(sources.filter((rel) => runsSql.test(readFileSync(path.join(SRC, rel), 'utf8'))).length).toBeGreaterThan(20);
  });

  it('runs SQL only in a store, or in a file listed with the reason it touches no feature’s table', () => {
    const outside = sources.filter((rel) => !/-(store|reads)\.ts$/.test(rel) && !exemption(rel) && runsSql.test(readFileSync(path.join(SRC, rel), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('lists only files that exist and still run SQL', () => {
    const stale = Object.keys(STATEMENTS_OUTSIDE_STORES).filter((key) =>
      key.endsWith('/') ? !sources.some((rel) => rel.startsWith(key)) : !sources.includes(key) || !runsSql.test(readFileSync(path.join(SRC, key), 'utf8')),
    );
    expect(stale).toEqual([]);
  });
});
