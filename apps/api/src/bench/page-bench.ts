/**
 * `npm run bench:pages`: the pages people open most, over HTTP with real sessions, on the whole
 * 千灯湖 area (area.ts: 40 compounds, 300 buildings, 20,000 homes, 700 shops, thousands of
 * opinions, votes open in several compounds and one counted).
 *
 * In a database of its own (DATABASE_URL's server, or an embedded one) it migrates, seeds the area
 * through the API's services, writes signed-in sessions for residents, voters, building heads,
 * convenors and staff, and starts the built API (`dist/api`). Then, page by page, 50 users at once
 * (BENCH_USERS), each with a session of their own and the role the page is for, each open the page
 * BENCH_REQUESTS (20) times back to back over keep-alive connections. It prints p50 and p99 per
 * page against the aim (p99 under 200 ms).
 *
 * The API runs with capture-statements.js preloaded: every distinct statement a page sent is
 * EXPLAINed (FORMAT JSON) with the parameters of its first use, and each plan that scans a whole
 * table of more than BENCH_SCAN_ROWS (10,000) rows is reported with the page that ran it.
 *
 * Environment: BENCH_COMPOUNDS (40; the area is scaled to it), BENCH_PAGES (all; a comma-separated
 * list of parts of page names to drive only those), BENCH_USERS (50), BENCH_REQUESTS per user and page (20), BENCH_SCAN_ROWS (10000),
 * BENCH_JOBS=1 to run the API's jobs meanwhile (off: the pages alone are measured), BENCH_API_WORKERS
 * (auto), BENCH_POOL_SIZE (20, the API's DB_POOL_SIZE), BENCH_LOG_LEVEL (info), DATABASE_URL (else embedded PostgreSQL), BENCH_KEEP_DATABASE=1 to
 * keep the database afterwards (drop it by hand) with the statements each page sent (a JSON line each). Client, API and PostgreSQL share this machine.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CSRF_HEADER, SESSION_COOKIE } from '@yishi/contracts';
import { Client } from 'pg';
import { createApp } from '../app.factory';
import { loadEnv } from '../config/env';
import type { RunningPostgres } from '../database/embedded-postgres';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';
import { onClient } from '../database/pooled';
import { openSessions, scaledArea, seedArea } from './area';
import { databaseServerPids, pidsCpuMs, processCpuMs, quantile, snapshotBuiltApi, startApi } from './cast-bench';
import type { SignedInAccount } from './synthetic-compound';

const USERS = Number(process.env['BENCH_USERS'] ?? 50);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 20);
const SCAN_ROWS = Number(process.env['BENCH_SCAN_ROWS'] ?? 10_000);
const API_WORKERS = process.env['BENCH_API_WORKERS'] ?? 'auto';
/** The API's DB_POOL_SIZE (its default, 20, unless BENCH_POOL_SIZE says otherwise). */
const POOL_SIZE = Number(process.env['BENCH_POOL_SIZE'] ?? 20);
const AIM_MS = 200;
const COMPOUNDS = Number(process.env['BENCH_COMPOUNDS'] ?? 40);
/** BENCH_PAGES: only the pages whose name holds one of these (comma-separated), e.g. to profile one page; all by default. */
const ONLY_PAGES = (process.env['BENCH_PAGES'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** One request of a page: whose session, and which path. */
interface Visit {
  account: SignedInAccount;
  path: string;
}

interface Page {
  name: string;
  who: string;
  route: string;
  /** The visit of user `u` (0 … USERS-1), request `r`. */
  visit(u: number, r: number): Visit;
}

interface PageResult {
  page: Page;
  latencies: number[];
  errors: Map<string, number>;
  bytes: number;
  seconds: number;
  /** CPU time of the API's processes while the page was driven (ms), where /proc tells. */
  apiCpuMs?: number | null;
  /** CPU time of the database's server processes serving this database (ms), where /proc tells. */
  dbCpuMs?: number | null;
  /** CPU time of this client (ms). */
  clientCpuMs?: number;
  /** The share of the machine's CPU time left idle meanwhile (0…1), where /proc tells. */
  idle?: number | null;
}

/** The server closed a kept-alive connection before it answered on it. */
class ReusedSocketClosed extends Error {}

/**
 * A GET as a phone's browser sends it (brotli or gzip), once more when a kept-alive connection
 * turns out to have been closed by the server meanwhile (after its idle timeout, while this user
 * waited for others to finish the page before): browsers retry an idempotent request then, and
 * so does this client, rather than count a closed idle connection as the page's error.
 */
async function get(agent: http.Agent, base: URL, visit: Visit): Promise<{ status: number; bytes: number; body: string }> {
  try {
    return await getOnce(agent, base, visit);
  } catch (error) {
    if (!(error instanceof ReusedSocketClosed)) throw error;
    return getOnce(agent, base, visit);
  }
}

function getOnce(agent: http.Agent, base: URL, visit: Visit): Promise<{ status: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'GET',
        path: visit.path,
        headers: { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br', cookie: `${SESSION_COOKIE}=${visit.account.token}`, [CSRF_HEADER]: visit.account.csrfToken },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, bytes: body.length, body: res.statusCode === 200 ? '' : body.toString('utf8').slice(0, 160) });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('no answer in 30 s')));
    req.on('error', (error: NodeJS.ErrnoException) => reject(req.reusedSocket && error.code === 'ECONNRESET' ? new ReusedSocketClosed(error.message) : error));
    req.end();
  });
}

/** USERS users at once, each opening the page `requests` times back to back. */
async function drivePage(agent: http.Agent, base: URL, page: Page, requests: number): Promise<PageResult> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let r = 0; r < requests; r += 1) {
        const visit = page.visit(u, r);
        const t0 = performance.now();
        try {
          const res = await get(agent, base, visit);
          if (res.status === 200) bytes += res.bytes;
          else errors.set(`HTTP ${res.status} ${res.body}`, (errors.get(`HTTP ${res.status} ${res.body}`) ?? 0) + 1);
        } catch (error) {
          const key = error instanceof Error ? error.message : String(error);
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { page, latencies: latencies.sort((a, b) => a - b), errors, bytes, seconds: (performance.now() - started) / 1000 };
}

interface Scan {
  pages: Set<string>;
  relation: string;
  rows: number;
  statement: string;
}

/** The machine's CPU time so far in clock ticks, all of it and the idle part (/proc/stat's first line); null where it cannot tell. */
function machineTicks(): { total: number; idle: number } | null {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const ticks = fields.slice(0, 8).map(Number);
    return { total: ticks.reduce((a, b) => a + b, 0), idle: ticks[3]! + ticks[4]! };
  } catch {
    return null;
  }
}

/** Every Seq Scan node of a plan, with its relation. */
function seqScans(plan: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (node: Record<string, unknown>): void => {
    if (node['Node Type'] === 'Seq Scan' && typeof node['Relation Name'] === 'string') found.push(node['Relation Name']);
    for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan);
  return found;
}

/** EXPLAINs each captured statement; the whole-table scans of large tables, by statement. */
async function explainCaptured(databaseUrl: string, captureFile: string): Promise<{ explained: number; failed: number; scans: Scan[] }> {
  const lines = fs.existsSync(captureFile) ? fs.readFileSync(captureFile, 'utf8').split('\n').filter(Boolean) : [];
  const statements = new Map<string, { values: unknown[]; pages: Set<string> }>();
  for (const line of lines) {
    const { page, text, values } = JSON.parse(line) as { page: string; text: string; values: unknown[] };
    if (!page || !/^\s*(SELECT|WITH|UPDATE|INSERT|DELETE)\b/i.test(text)) continue;
    const entry = statements.get(text) ?? { values, pages: new Set<string>() };
    entry.pages.add(page);
    statements.set(text, entry);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sizes = new Map(
      (await client.query<{ relname: string; rows: number }>(`SELECT relname, reltuples::bigint::int AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows.map((r) => [r.relname, r.rows]),
    );
    const scans: Scan[] = [];
    let explained = 0;
    let failed = 0;
    for (const [text, { values, pages }] of statements) {
      try {
        const { rows } = await client.query<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, values);
        explained += 1;
        for (const relation of new Set(seqScans(rows[0]!['QUERY PLAN'][0]!.Plan))) {
          const size = sizes.get(relation) ?? 0;
          if (size > SCAN_ROWS) scans.push({ pages, relation, rows: size, statement: text.replace(/\s+/g, ' ').trim() });
        }
      } catch {
        failed += 1;
      }
    }
    return { explained, failed, scans };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const builtApi = snapshotBuiltApi();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-pages-'));
  fs.chmodSync(work, 0o755);
  const captureFile = path.join(work, 'statements.jsonl');
  const marker = `${captureFile}.page`;
  let embedded: RunningPostgres | null = null;
  let api: ChildProcess | null = null;
  let adminUrl = process.env['DATABASE_URL'];
  const database = `yishi_pages_${process.pid}_${randomBytes(3).toString('hex')}`;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  let cleaned: Promise<void> | null = null;
  cleanUp = (): Promise<void> =>
    (cleaned ??= (async () => {
      if (api && api.exitCode === null) {
        const exited = new Promise((r) => api!.once('exit', r));
        api.kill('SIGTERM');
        await exited;
      }
      if (adminUrl && !embedded && process.env['BENCH_KEEP_DATABASE'] === '1') {
        const kept = path.resolve(`${database}.statements.jsonl`);
        if (fs.existsSync(captureFile)) fs.copyFileSync(captureFile, kept);
        log(`kept the database ${database}, and the statements the pages sent in ${kept}`);
      } else if (adminUrl) {
        const admin = new Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      }
      await embedded?.stop();
      fs.rmSync(work, { recursive: true, force: true });
      fs.rmSync(builtApi, { recursive: true, force: true });
    })());
  try {
    if (!adminUrl) {
      log('starting an embedded PostgreSQL…');
      embedded = await startEmbeddedPostgres({ dir: path.join(work, 'pg'), port: 0 });
      adminUrl = embedded.url;
    }
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const server = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const databaseUrl = url.toString();
    log(`database ${database}: migrating…`);
    await runMigrations(databaseUrl);

    // The area, through the API's own services (in this process, jobs off), with the secret the API will run with.
    const secret = randomBytes(32).toString('hex');
    log('seeding the 千灯湖 area (rolls, then consultations, opinions and votes through the services)…');
    const seedStarted = performance.now();
    const seeder = await createApp({
      env: { ...loadEnv({}), LOG_LEVEL: 'warn', DEMO_DATA: false, PORT: 0, JOBS: false, STORAGE_DIR: path.join(work, 'uploads'), WEB_DIST: path.join(work, 'no-web') },
      databaseUrl,
      secret: { key: Buffer.from(secret, 'utf8'), source: 'env' },
      poolSize: 12,
    });
    const { area, activity } = await seedArea(seeder, scaledArea(COMPOUNDS));
    await seeder.close();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`  seeded in ${seedSeconds.toFixed(1)} s`);

    // Who opens which page: sessions of their own, as many as there are users at once.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const run = onClient(db);
    const take = <T>(list: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => list[i % list.length]!);
    const spreadOver = (lists: string[][], n: number): string[] => {
      const out: string[] = [];
      for (let k = 0; out.length < n && k < 10_000; k += 1) for (const l of lists) if (k < l.length && out.length < n) out.push(l[k]!);
      return out;
    };
    const voteId = activity.openVotes[0]!.id;
    const votersOf = async (id: string): Promise<string[]> =>
      (
        await run<{ user_id: string }>(
          `SELECT DISTINCT o.user_id FROM vote_voter v JOIN owner o ON o.id = v.person_id WHERE v.vote_id = $1 AND o.user_id IS NOT NULL ORDER BY o.user_id LIMIT $2`,
          [id, USERS],
        )
      ).map((r) => r.user_id);
    const residents = await openSessions(run, spreadOver(area.compounds.map((c) => c.residentUserIds), USERS));
    const voters = await openSessions(run, take(await votersOf(voteId), USERS));
    const closedVoters = await openSessions(run, take(await votersOf(activity.closedVote.id), USERS));
    const voteCompounds = new Map(activity.openVotes.map((v) => [v.unitId, v.id]));
    const heads = take(area.compounds.filter((c) => voteCompounds.has(c.id)).flatMap((c) => c.buildingHeads.map((h) => ({ ...h, voteId: voteCompounds.get(c.id)! }))), USERS);
    const headSessions = await openSessions(run, heads.map((h) => h.userId));
    const rollReaders = take(
      [
        ...area.compounds.map((c) => ({ userId: c.convenorUserId, unitId: c.id })),
        ...area.communityStaffUserIds.map((userId, i) => ({ userId, unitId: area.compounds.find((c) => c.communityId === area.communityIds[i])!.id })),
      ],
      USERS,
    );
    const rollSessions = await openSessions(run, rollReaders.map((r) => r.userId));
    const runners = await openSessions(run, take([area.jointConvenorUserId, area.streetStaffUserId, ...area.communityStaffUserIds, ...area.compounds.map((c) => c.convenorUserId)], USERS));
    const joint = activity.jointConsultationId;
    // The draft's opinions as a resident's phone asks for them (apps/web comments/api/list-comments.ts): the
    // version's counts per place (one opinion asked for), and the newest twenty on the whole draft.
    const [firstVersion] = await run<{ id: string }>(`SELECT id FROM draft_version WHERE consultation_id = $1 AND number = 1`, [joint]);
    const draftComments = `/api/consultations/${joint}/comments?versionId=${firstVersion!.id}`;
    await run('ANALYZE');
    await db.end();
    const searches = ['陈', '3-12', '李嘉', '商铺', '黄'];

    const pages: Page[] = [
      { name: 'tree', who: 'resident', route: 'GET /api/organizations/tree', visit: (u) => ({ account: residents[u]!, path: '/api/organizations/tree' }) },
      { name: '我的 · open matters', who: 'resident', route: 'GET /api/me/open-matters', visit: (u) => ({ account: residents[u]!, path: '/api/me/open-matters' }) },
      { name: '我的 · my roll', who: 'resident', route: 'GET /api/me/roll', visit: (u) => ({ account: residents[u]!, path: '/api/me/roll' }) },
      { name: 'vote page', who: 'voter', route: 'GET /api/votes/:id', visit: (u) => ({ account: voters[u]!, path: `/api/votes/${voteId}` }) },
      { name: 'live turnout', who: 'voter', route: 'GET /api/votes/:id/turnout', visit: (u) => ({ account: voters[u]!, path: `/api/votes/${voteId}/turnout` }) },
      { name: 'result notice', who: 'voter', route: 'GET /api/votes/:id/result', visit: (u) => ({ account: closedVoters[u]!, path: `/api/votes/${activity.closedVote.id}/result` }) },
      { name: 'draft', who: 'resident', route: 'GET /api/consultations/:id/versions/1', visit: (u) => ({ account: residents[u]!, path: `/api/consultations/${joint}/versions/1` }) },
      {
        name: 'draft · opinion counts',
        who: 'resident',
        route: 'GET …/consultations/:id/comments?versionId=&limit=1',
        visit: (u) => ({ account: residents[u]!, path: `${draftComments}&limit=1` }),
      },
      {
        name: 'draft · opinions',
        who: 'resident',
        route: 'GET …/consultations/:id/comments?versionId=&wholeDraft=true&limit=20',
        visit: (u) => ({ account: residents[u]!, path: `${draftComments}&wholeDraft=true&limit=20` }),
      },
      { name: 'adoption report', who: 'convenor/staff', route: 'GET /api/consultations/:id/adoption-report', visit: (u) => ({ account: runners[u]!, path: `/api/consultations/${joint}/adoption-report` }) },
      {
        name: 'missing list',
        who: 'building head',
        route: 'GET /api/votes/:id/missing?buildingId=',
        visit: (u) => ({ account: headSessions[u]!, path: `/api/votes/${heads[u]!.voteId}/missing?buildingId=${heads[u]!.buildingId}` }),
      },
      {
        // The roll as staff first open it: the compound's first twenty units in natural order, no search.
        name: 'roll · first page',
        who: 'convenor/staff',
        route: 'GET /api/units/:id/roll/exclusive-units',
        visit: (u) => ({ account: rollSessions[u]!, path: `/api/units/${rollReaders[u]!.unitId}/roll/exclusive-units` }),
      },
      {
        name: 'roll search',
        who: 'convenor/staff',
        route: 'GET /api/units/:id/roll/exclusive-units?q=',
        visit: (u, r) => ({ account: rollSessions[u]!, path: `/api/units/${rollReaders[u]!.unitId}/roll/exclusive-units?q=${encodeURIComponent(searches[(u + r) % searches.length]!)}` }),
      },
    ];

    fs.writeFileSync(marker, '');
    const started = startApi(
      builtApi,
      {
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: '0',
        DEMO_DATA: 'false',
        JOBS: process.env['BENCH_JOBS'] === '1' ? 'true' : 'false',
        API_WORKERS,
        DB_POOL_SIZE: String(POOL_SIZE),
        APP_SECRET: secret,
        LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
        STORAGE_DIR: path.join(work, 'uploads'),
        WEB_DIST: path.join(work, 'no-web'),
        YISHI_CAPTURE_FILE: captureFile,
      },
      path.join(work, 'api.log'),
      ['-r', path.join(builtApi, 'apps/api/src/bench/capture-statements.js')],
    );
    api = started.child;
    const base = await started.url;
    log(`API (pid ${api.pid}) at ${base.origin}`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });
    const driven = ONLY_PAGES.length > 0 ? pages.filter((page) => ONLY_PAGES.some((name) => page.name.includes(name))) : pages;
    log('warming up…');
    for (const page of driven) {
      const t0 = performance.now();
      await drivePage(agent, base, page, 1);
      log(`  ${page.name}: ${USERS} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }

    const results: PageResult[] = [];
    for (const page of driven) {
      // The statements the API runs from now on are noted under this page (read every 50 ms).
      fs.writeFileSync(marker, page.name);
      await new Promise((r) => setTimeout(r, 120));
      log(`${page.name}: ${USERS} users × ${REQUESTS} requests…`);
      const dbPids = await databaseServerPids(databaseUrl);
      const cpuBefore = processCpuMs(api.pid);
      const dbBefore = pidsCpuMs(dbPids);
      const machineBefore = machineTicks();
      const clientBefore = process.cpuUsage();
      const result = await drivePage(agent, base, page, REQUESTS);
      const client = process.cpuUsage(clientBefore);
      const machineAfter = machineTicks();
      const dbAfter = pidsCpuMs(dbPids);
      const cpuAfter = processCpuMs(api.pid);
      results.push({
        ...result,
        apiCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        dbCpuMs: dbBefore === null || dbAfter === null ? null : dbAfter - dbBefore,
        clientCpuMs: (client.user + client.system) / 1000,
        idle: machineBefore && machineAfter ? (machineAfter.idle - machineBefore.idle) / Math.max(1, machineAfter.total - machineBefore.total) : null,
      });
    }
    fs.writeFileSync(marker, '');
    agent.destroy();
    await new Promise((r) => setTimeout(r, 250)); // the API's last counts written
    const statementCounts: Record<string, number> = {};
    for (const name of fs.readdirSync(work).filter((f) => f.startsWith(`${path.basename(captureFile)}.counts.`))) {
      for (const [page, n] of Object.entries(JSON.parse(fs.readFileSync(path.join(work, name), 'utf8')) as Record<string, number>)) statementCounts[page] = (statementCounts[page] ?? 0) + n;
    }

    log('EXPLAIN of the statements the pages ran…');
    const plans = await explainCaptured(databaseUrl, captureFile);

    const counts = { ...area.counts, ...activity.counts };
    const out: string[] = [];
    out.push('');
    out.push(`bench:pages — the 千灯湖 area: ${counts['compounds']} compounds, ${counts['buildings']} buildings, ${counts['homes']!.toLocaleString('en')} homes, ${counts['shops']} shops, ${counts['owners']!.toLocaleString('en')} owners, ${counts['accounts']!.toLocaleString('en')} accounts;`);
    out.push(
      `  ${counts['consultations']} consultations open for comment with ${(counts['opinions']! + counts['offlineOpinions']!).toLocaleString('en')} opinions (${counts['officialReplies']!.toLocaleString('en')} answered), ${counts['votes']} votes (${activity.openVotes.length} open, 1 counted), ${counts['ballots']!.toLocaleString('en')} ballots; seeded in ${seedSeconds.toFixed(0)} s`,
    );
    out.push(`PostgreSQL ${server}${embedded ? ' (embedded)' : ''}; Node ${process.version}; ${os.cpus().length} CPUs shared by client, API (API_WORKERS=${API_WORKERS}, DB_POOL_SIZE=${POOL_SIZE}, jobs ${process.env['BENCH_JOBS'] === '1' ? 'on' : 'off'}) and database`);
    out.push(`each page: ${USERS} users at once, each with a session of their own, ${REQUESTS} requests each back to back (${(USERS * REQUESTS).toLocaleString('en')} per page); latency in ms; stmts: statements the API sent PostgreSQL per request; CPU: ms of CPU per request used by the API's processes, by PostgreSQL's processes serving them, and by this client; idle: the machine's CPU left unused meanwhile`);
    out.push('');
    const widths = [22, 15, 64, 7, 7, 7, 8, 7, 6, 8, 7, 7, 5, 7];
    // Chinese characters take two columns of a terminal.
    const columns = (text: string): number => [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
    const pad = (text: string, width: number, left: boolean): string => (left ? text + ' '.repeat(Math.max(0, width - columns(text))) : ' '.repeat(Math.max(0, width - columns(text))) + text);
    const row = (cells: (string | number)[]): string => cells.map((c, i) => pad(String(c), widths[i]!, i < 3)).join(' ');
    out.push(row(['page', 'as', 'route', 'req/s', 'p50', 'p99', 'KB', 'errors', 'stmts', 'API CPU', 'DB CPU', 'client', 'idle', 'aim']));
    const perRequest = (ms: number | null | undefined, n: number): string => (ms === null || ms === undefined ? '—' : (ms / n).toFixed(2));
    let missed = 0;
    for (const r of results) {
      const errors = [...r.errors.values()].reduce((a, b) => a + b, 0);
      const p99 = quantile(r.latencies, 0.99);
      const met = p99 < AIM_MS && errors === 0;
      if (!met) missed += 1;
      const ok = r.latencies.length - errors;
      out.push(
        row([
          r.page.name,
          r.page.who,
          r.page.route,
          Math.round(r.latencies.length / r.seconds),
          quantile(r.latencies, 0.5).toFixed(1),
          p99.toFixed(1),
          ok ? (r.bytes / ok / 1024).toFixed(1) : '—',
          errors,
          statementCounts[r.page.name] === undefined ? '—' : (statementCounts[r.page.name]! / r.latencies.length).toFixed(1),
          perRequest(r.apiCpuMs, r.latencies.length),
          perRequest(r.dbCpuMs, r.latencies.length),
          perRequest(r.clientCpuMs, r.latencies.length),
          r.idle === null || r.idle === undefined ? '—' : `${Math.round(r.idle * 100)}%`,
          met ? 'met' : 'MISSED',
        ]),
      );
    }
    out.push('');
    out.push(`aim: p99 < ${AIM_MS} ms on every page at ${USERS} users, no errors — ${missed === 0 ? 'met' : `MISSED on ${missed} page(s)`}`);
    for (const r of results) for (const [message, n] of r.errors) out.push(`  ${r.page.name}: ${n} × ${message}`);
    out.push('');
    out.push(`query plans: ${plans.explained} distinct statements EXPLAINed${plans.failed ? ` (${plans.failed} could not be)` : ''}; whole-table scans of tables over ${SCAN_ROWS.toLocaleString('en')} rows: ${plans.scans.length === 0 ? 'none' : plans.scans.length}`);
    for (const s of plans.scans) out.push(`  Seq Scan on ${s.relation} (${s.rows.toLocaleString('en')} rows) — ${[...s.pages].join(', ')}: ${s.statement.slice(0, 220)}`);
    process.stdout.write(`${out.join('\n')}\n`);
    if (missed > 0 || plans.scans.length > 0) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

/** Set by main: stops the API, drops the database, removes the copies. Safe to call twice. */
let cleanUp: () => Promise<void> = async () => {};

if (require.main === module) {
  // Ctrl-C or a kill while it runs: leave no API process, database or copy behind.
  // `on`, not `once`: under npm the signal arrives twice, and the second must not kill Node mid-clean-up.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`${signal}: cleaning up…\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
