/**
 * `npm run bench:cast`: how fast the built API takes ballots, next to the cast transaction alone.
 *
 * In a database of its own (DATABASE_URL's server, or an embedded one) it seeds a compound of
 * 20,000 flats and owners with signed-in sessions, starts the built API (`dist/api`, jobs on: the
 * sealer chains the casts as it does in production), opens a vote, and then, at 50 and at 200
 * concurrent voters, each voter casting once:
 *
 *   - pg:   the cast transaction (`castTransaction`, the very statements the API runs) straight
 *           through `pg`, on a pool of 20 pipelining connections like the API's;
 *   - bare: the same transaction behind `node:http` and nothing else (bare-cast-server.ts: no
 *           framework, session, access check, validation or log; the voter named by a header), in
 *           as many processes as the API: the floor under any HTTP layer in Node on this machine;
 *   - HTTP: POST /api/votes/:id/ballots with the voter's session cookie and CSRF token, over
 *           keep-alive connections: session lookup, guard, validation, the same transaction, JSON.
 *
 * The three take turns in rounds, so a change in the machine's load falls on all alike. It prints
 * ballots per second, p50 and p99 latency of each, bare and HTTP as shares of pg, and the CPU time
 * per ballot of this client, of the server's processes and of PostgreSQL's (where the difference
 * between the paths is spent: throughput here is the machine's CPU over the sum of the three).
 * The aim (issue 16): at least 70%; earlier, also p99 under 100 ms at 200 voters. Client, API and PostgreSQL share this
 * machine's cores: compare the ratio within one run, not absolute figures across machines. The
 * voters cast back to back, so latency is about voters ÷ ballots per second: p99 under 100 ms at
 * 200 voters needs well over 2,000 ballots per second from the whole machine.
 *
 * Then the open loop, as voters arrive at a polling station: casts arrive at a fixed rate (100, 300
 * and 600 a second, and half of the pg path's capacity measured above) whether or not the earlier
 * ones were answered, on each path, for BENCH_OPEN_SECONDS (2) each; latency is counted from when
 * a cast was due, so a backlog shows as the wait it is. It prints p50, p99 and p999 per rate; the
 * aim is p99 under 100 ms at half of the pg path's capacity.
 *
 * Environment: BENCH_UNITS (30000), BENCH_BALLOTS per run (3000), BENCH_RATES (100,300,600), BENCH_LOG_LEVEL of the API
 * (info, the deployment default), BENCH_API_WORKERS (auto: one HTTP process per core, as the API is
 * deployed on a server of its own; its pool of 20 is shared among them), DATABASE_URL (else embedded PostgreSQL), BENCH_KEEP_DATABASE=1 to
 * keep the database afterwards (for EXPLAIN and profiling; drop it by hand), BENCH_API_NODE_ARGS
 * for the API's node only (`--cpu-prof --cpu-prof-dir=<folder>` writes a CPU profile of it).
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CSRF_HEADER, SESSION_COOKIE } from '@yishi/contracts';
import { Client, Pool } from 'pg';
import { PreparingClient } from '../database/preparing-client';
import type { RunningPostgres } from '../database/embedded-postgres';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';
import { onClient } from '../database/pooled';
import { castOnConnection } from '../votes/ballots/casting.service';
import type { SignedInAccount, SyntheticVoter } from './synthetic-compound';
import { seedSyntheticCompound } from './synthetic-compound';

const UNITS = Number(process.env['BENCH_UNITS'] ?? 30_000);
/** Open loop: arrivals per second, each for OPEN_SECONDS (half of the pg path's capacity is added). */
const RATES = (process.env['BENCH_RATES'] ?? '100,300,600').split(',').map(Number).filter((n) => Number.isFinite(n) && n > 0);
const OPEN_SECONDS = Number(process.env['BENCH_OPEN_SECONDS'] ?? 2);
const BALLOTS = Number(process.env['BENCH_BALLOTS'] ?? 3000);
const WARM_UP = 400;
const CONCURRENCY = [50, 200];
/** The API's pool (apps/api/src/database/data-source.ts): the direct runs get the same. */
const POOL_SIZE = 20;
/** HTTP processes of the API (API_WORKERS): one per core, as on a server of its own. */
const API_WORKERS = process.env['BENCH_API_WORKERS'] ?? 'auto';
const CHOICES = ['approve', 'oppose', 'abstain'] as const;
/** The built API this benchmark belongs to (dist/api). */
const BUILT_API = path.resolve(__dirname, '../../../..');

/** How long the opening's notices may take to go out before the benchmark gives up. */
const NOTICE_WAIT_MS = 600_000;

/** pg, bare and HTTP take turns this many times per concurrency, so a change in the machine's load falls on all alike. */
const ROUNDS = 3;

/** The bare server (bare-cast-server.ts), built next to this file. */
const BARE_SERVER = path.join(__dirname, 'bare-cast-server.js');

interface RunResult {
  ok: number;
  errors: Map<string, number>;
  seconds: number;
  latencies: number[];
  /** CPU time of this process (the client) and of the API process during the run. */
  clientCpuMs: number;
  apiCpuMs: number | null;
  /** CPU time of the database's server processes (every pool's, and the sealer's) during the run. */
  dbCpuMs: number | null;
}

// Each /proc/<pid>/stat: after the command in parentheses, field 4 is the parent, 14 and 15
// utime and stime in clock ticks of 10 ms.
function procStat(id: string): string[] {
  const text = fs.readFileSync(`/proc/${id}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

function statCpuMs(fields: string[]): number {
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (user + system) of a process and its children (the API's workers) from /proc, in ms; null where there is no /proc. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    let total = statCpuMs(procStat(String(pid)));
    for (const id of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(id) || id === String(pid)) continue;
      try {
        const fields = procStat(id);
        if (fields[1] === String(pid)) total += statCpuMs(fields);
      } catch {
        // gone meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of these processes from /proc, in ms (one gone meanwhile counts nothing); null where there is no /proc. */
export function pidsCpuMs(pids: number[]): number | null {
  try {
    return pids.reduce((sum, pid) => {
      try {
        return sum + statCpuMs(procStat(String(pid)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return sum;
        throw error;
      }
    }, 0);
  } catch {
    return null;
  }
}

/** The server processes of this database's connections, but for the one asking (every pool's, opened by the warm-up). */
export async function databaseServerPids(databaseUrl: string): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Several runs as one: counts and times added, latencies pooled. */
function merge(runs: RunResult[]): RunResult {
  const errors = new Map<string, number>();
  for (const r of runs) for (const [k, n] of r.errors) errors.set(k, (errors.get(k) ?? 0) + n);
  const api = runs.map((r) => r.apiCpuMs);
  const db = runs.map((r) => r.dbCpuMs);
  return {
    ok: runs.reduce((n, r) => n + r.ok, 0),
    errors,
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
    latencies: runs.flatMap((r) => r.latencies).sort((a, b) => a - b),
    clientCpuMs: runs.reduce((n, r) => n + r.clientCpuMs, 0),
    apiCpuMs: api.every((x) => x !== null) ? api.reduce((n, x) => n + (x ?? 0), 0) : null,
    dbCpuMs: db.every((x) => x !== null) ? db.reduce((n, x) => n + (x ?? 0), 0) : null,
  };
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** `concurrency` workers take voters off the list until it is empty; each voter casts once. */
async function drive(voters: SyntheticVoter[], concurrency: number, cast: (voter: SyntheticVoter, choice: string) => Promise<void>, apiPid?: number, dbPids: number[] = []): Promise<RunResult> {
  let next = 0;
  const clientCpu = process.cpuUsage();
  const apiCpu = processCpuMs(apiPid);
  const dbCpu = dbPids.length > 0 ? pidsCpuMs(dbPids) : null;
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let ok = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < voters.length) {
      const i = next++;
      const t0 = performance.now();
      try {
        await cast(voters[i]!, CHOICES[i % 3]!);
        ok += 1;
      } catch (error) {
        const key = error instanceof Error ? error.message.slice(0, 120) : String(error);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const client = process.cpuUsage(clientCpu);
  const apiAfter = processCpuMs(apiPid);
  const dbAfter = dbPids.length > 0 ? pidsCpuMs(dbPids) : null;
  return {
    ok,
    errors,
    seconds,
    latencies: latencies.sort((a, b) => a - b),
    clientCpuMs: (client.user + client.system) / 1000,
    apiCpuMs: apiCpu === null || apiAfter === null ? null : apiAfter - apiCpu,
    dbCpuMs: dbCpu === null || dbAfter === null ? null : dbAfter - dbCpu,
  };
}

/**
 * The open loop: voter i's cast is due at start + i / rate and goes out then, whether or not the
 * earlier ones were answered; its latency counts from when it was due (a backlog is a wait).
 */
async function driveOpenLoop(voters: SyntheticVoter[], rate: number, cast: (voter: SyntheticVoter, choice: string) => Promise<void>): Promise<RunResult> {
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const clientCpu = process.cpuUsage();
  let ok = 0;
  let launched = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  while (launched < voters.length) {
    const due = Math.min(voters.length, Math.floor((performance.now() - started) / interval) + 1);
    while (launched < due) {
      const i = launched++;
      const dueAt = started + i * interval;
      inFlight.push(
        cast(voters[i]!, CHOICES[i % 3]!).then(
          () => {
            ok += 1;
            latencies.push(performance.now() - dueAt);
          },
          (error: unknown) => {
            const key = error instanceof Error ? error.message.slice(0, 120) : String(error);
            errors.set(key, (errors.get(key) ?? 0) + 1);
            latencies.push(performance.now() - dueAt);
          },
        ),
      );
    }
    await new Promise((r) => setTimeout(r, Math.max(0, started + launched * interval - performance.now())));
  }
  await Promise.all(inFlight);
  const client = process.cpuUsage(clientCpu);
  return { ok, errors, seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), clientCpuMs: (client.user + client.system) / 1000, apiCpuMs: null, dbCpuMs: null };
}

function castOverHttp(agent: http.Agent, base: URL, voteId: string, bare = false) {
  const route = bare ? `/votes/${voteId}/ballots` : `/api/votes/${voteId}/ballots`;
  return (voter: SignedInAccount, choice: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ choice });
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: 'POST',
          path: route,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            accept: 'application/json',
            ...(bare ? { 'x-bench-user': voter.userId } : { cookie: `${SESSION_COOKIE}=${voter.token}`, [CSRF_HEADER]: voter.csrfToken }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode === 200) resolve();
            else reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

function castThroughPg(pool: Pool, secret: Buffer, voteId: string) {
  return async (voter: SignedInAccount, choice: string): Promise<void> => {
    const client = await pool.connect();
    await castOnConnection(client, (error) => client.release(error), secret, { userId: voter.userId, voteId, rawChoice: choice });
  };
}

/**
 * Waits until the jobs have delivered every notice and sent every text that is due (up to
 * NOTICE_WAIT_MS), so that their work does not count as the casts' CPU; says how long it took.
 */
async function waitForNoticesSent(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let said = 0; ; ) {
      const { rows } = await client.query<{ notices: string; texts: string }>(
        `SELECT (SELECT count(*) FROM notification WHERE delivered_at IS NULL) AS notices,
                (SELECT count(*) FROM message_delivery WHERE state IN ('pending', 'sending') AND next_attempt_at <= now()) AS texts`,
      );
      const notices = Number(rows[0]?.notices ?? 0);
      const texts = Number(rows[0]?.texts ?? 0);
      const waited = performance.now() - started;
      if (notices + texts === 0) {
        log(`the opening's notices went out in ${(waited / 1000).toFixed(1)} s (the jobs' work, measured apart from the casts)`);
        return;
      }
      if (waited > NOTICE_WAIT_MS) throw new Error(`the opening's notices did not go out in ${NOTICE_WAIT_MS / 1000} s: ${notices} notices and ${texts} texts left`);
      if (waited - said > 10_000) {
        said = waited;
        log(`  waiting for the opening's notices: ${notices} to deliver, ${texts} texts to send…`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

/** A JSON request as the convenor (creating and opening the vote). */
async function asConvenor<T>(base: URL, account: SignedInAccount, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(route, base), {
    method,
    headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${account.token}`, [CSRF_HEADER]: account.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * A private copy of the built API, next to dist/api (so its relative requires and node_modules
 * resolve as before): another build rewriting dist/api while the benchmark runs must not pull
 * files from under the API it measures.
 */
export function snapshotBuiltApi(): string {
  const main = path.join(BUILT_API, 'apps/api/src/main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: build the API first (npx nx run api:build).`);
  const copy = path.join(path.dirname(BUILT_API), `.bench-api-${process.pid}`);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(BUILT_API, copy, { recursive: true, filter: (source) => !source.endsWith('.map') });
  return copy;
}

export function startApi(builtApi: string, env: Record<string, string>, logFile: string, extraNodeArgs: string[] = []): { child: ChildProcess; url: Promise<URL> } {
  const out = fs.openSync(logFile, 'w');
  // BENCH_API_NODE_ARGS go to the API's node only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
  const nodeArgs = [...(process.env['BENCH_API_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean), ...extraNodeArgs];
  const child = spawn(process.execPath, [...nodeArgs, path.join(builtApi, 'apps/api/src/main.js')], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const url = new Promise<URL>((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = (): void => {
      const text = fs.readFileSync(logFile, 'utf8');
      const match = /is running: (http:\/\/[^\s/]+)\//.exec(text);
      if (match) return resolve(new URL(match[1]!));
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`The API did not start:\n${text}`));
      setTimeout(poll, 100);
    };
    poll();
  });
  return { child, url };
}

/** The bare server (bare-cast-server.ts) on a free port, with as many processes as the API. */
function startBareServer(env: Record<string, string>): { child: ChildProcess; url: Promise<URL> } {
  const child = spawn(process.execPath, [BARE_SERVER], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise<URL>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /listening on (\d+)/.exec(seen);
      if (match) resolve(new URL(`http://127.0.0.1:${match[1]}`));
    });
    child.once('exit', (code) => reject(new Error(`the bare cast server exited (${code}) before it listened: ${seen}`)));
  });
  return { child, url };
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
}

const ms = (x: number): string => x.toFixed(1);
const perSecond = (r: RunResult): number => r.ok / r.seconds;

async function main(): Promise<void> {
  const builtApi = snapshotBuiltApi();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-'));
  fs.chmodSync(work, 0o755);
  let embedded: RunningPostgres | null = null;
  let api: ChildProcess | null = null;
  let bare: ChildProcess | null = null;
  let adminUrl = process.env['DATABASE_URL'];
  const database = `yishi_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  let cleaned: Promise<void> | null = null;
  cleanUp = (): Promise<void> =>
    (cleaned ??= (async () => {
      for (const child of [api, bare]) {
        if (child && child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        }
      }
      if (adminUrl && !embedded && process.env['BENCH_KEEP_DATABASE'] === '1') {
        log(`kept the database ${database}`);
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

    log(`seeding ${UNITS.toLocaleString('en')} flats, owners and signed-in sessions…`);
    const seedStarted = performance.now();
    const seeder = new Client({ connectionString: databaseUrl });
    await seeder.connect();
    const compound = await seedSyntheticCompound(onClient(seeder), { units: UNITS, code: 'bench-cast' });
    await seeder.query('ANALYZE');
    await seeder.end();
    log(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const secret = randomBytes(32).toString('hex');
    const started = startApi(
      builtApi,
      { DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', DEMO_DATA: 'false', JOBS: 'true', API_WORKERS, DB_POOL_SIZE: String(POOL_SIZE), APP_SECRET: secret, LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info', STORAGE_DIR: path.join(work, 'uploads'), WEB_DIST: path.join(work, 'no-web') },
      path.join(work, 'api.log'),
    );
    api = started.child;
    const base = await started.url;
    log(`API (pid ${api.pid}) at ${base.origin}`);
    const workers = API_WORKERS === 'auto' ? os.availableParallelism() : Number(API_WORKERS);
    const bareStarted = startBareServer({ DATABASE_URL: databaseUrl, APP_SECRET: secret, BARE_WORKERS: String(workers), BARE_POOL_SIZE: String(POOL_SIZE) });
    bare = bareStarted.child;
    const bareBase = await bareStarted.url;
    log(`bare cast server (pid ${bare.pid}) at ${bareBase.origin}`);

    // A named poll of the owners: the cast transaction is the same under every rule set, and only an
    // informal poll may open at once (a statutory vote waits out its notice, or a supervisor's approval).
    const now = Date.now();
    const created = await asConvenor<{ id: string }>(base, compound.convenor, 'POST', `/api/units/${compound.unitId}/votes`, {
      title: '压力测试表决',
      question: '是否同意？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 3 * 3600_000).toISOString(),
    });
    if (created.status !== 201) throw new Error(`creating the vote: ${created.status} ${JSON.stringify(created.body)}`);
    const voteId = created.body.id;
    // The API's opening job may open it first (its opening time is now): then it is open all the same.
    const opened = await asConvenor<{ details?: { reason?: string } }>(base, compound.convenor, 'POST', `/api/votes/${voteId}/open`, {});
    const openedByJob = opened.status === 409 && opened.body.details?.reason === 'not_scheduled';
    if (opened.status !== 204 && !openedByJob) throw new Error(`opening the vote: ${opened.status} ${JSON.stringify(opened.body)}`);
    if (openedByJob) {
      const vote = await asConvenor<{ status: string }>(base, compound.convenor, 'GET', `/api/votes/${voteId}`);
      if (vote.body.status !== 'open') throw new Error(`opening the vote: it is ${vote.body.status}, not open`);
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...CONCURRENCY) });
    const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE, pipeline: true, Client: PreparingClient });
    const overHttp = castOverHttp(agent, base, voteId);
    const overBare = castOverHttp(agent, bareBase, voteId, true);
    const throughPg = castThroughPg(pool, Buffer.from(secret, 'utf8'), voteId);

    // The open loop's rates are known once the pg path's capacity is: budget for a rate up to 1,000/s.
    const openBudget = 2 * Math.ceil(OPEN_SECONDS * ([...RATES, 1000].reduce((a, b) => a + b, 0)));
    const needed = 3 * WARM_UP + CONCURRENCY.length * 3 * BALLOTS + openBudget;
    if (needed > compound.voters.length) throw new Error(`BENCH_UNITS must be at least ${needed} for BENCH_BALLOTS=${BALLOTS}, BENCH_RATES=${RATES.join(',')} and BENCH_OPEN_SECONDS=${OPEN_SECONDS}`);
    let taken = 0;
    const take = (n: number): SyntheticVoter[] => compound.voters.slice(taken, (taken += n));

    // Opening the vote sends every owner a notice: the API's jobs hand 24,000 notices to the text
    // channel and send the texts, minutes of work that is not the request path's. Measure after it.
    await waitForNoticesSent(databaseUrl, log);

    log('warming up…');
    await drive(take(WARM_UP), 50, throughPg);
    await drive(take(WARM_UP), 50, overBare);
    await drive(take(WARM_UP), 50, overHttp);

    const results: { concurrency: number; pg: RunResult; bare: RunResult; http: RunResult }[] = [];
    for (const concurrency of CONCURRENCY) {
      const pgRuns: RunResult[] = [];
      const bareRuns: RunResult[] = [];
      const httpRuns: RunResult[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const n = Math.floor(BALLOTS / ROUNDS) + (round < BALLOTS % ROUNDS ? 1 : 0);
        log(`${concurrency} voters, round ${round + 1} of ${ROUNDS}: pg…`);
        pgRuns.push(await drive(take(n), concurrency, throughPg, api?.pid, await databaseServerPids(databaseUrl)));
        log(`${concurrency} voters, round ${round + 1} of ${ROUNDS}: bare…`);
        bareRuns.push(await drive(take(n), concurrency, overBare, bare.pid, await databaseServerPids(databaseUrl)));
        log(`${concurrency} voters, round ${round + 1} of ${ROUNDS}: HTTP…`);
        httpRuns.push(await drive(take(n), concurrency, overHttp, api?.pid, await databaseServerPids(databaseUrl)));
      }
      results.push({ concurrency, pg: merge(pgRuns), bare: merge(bareRuns), http: merge(httpRuns) });
    }

    // The open loop, at each rate and at half of the pg path's capacity at 200 voters.
    const pgCapacity = perSecond(results.find((r) => r.concurrency === 200)?.pg ?? results[0]!.pg);
    const half = Math.min(1000, Math.round(pgCapacity / 2));
    const rates = [...new Set([...RATES, half])].sort((a, b) => a - b);
    const openAgent = new http.Agent({ keepAlive: true, maxSockets: 2000 });
    const openHttp = castOverHttp(openAgent, base, voteId);
    const openResults: { rate: number; pg: RunResult; http: RunResult }[] = [];
    for (const rate of rates) {
      const n = Math.max(1, Math.round(rate * OPEN_SECONDS));
      if (taken + 2 * n > compound.voters.length) {
        log(`open loop at ${rate}/s: not enough voters left, skipped`);
        continue;
      }
      log(`open loop, ${rate} casts a second for ${OPEN_SECONDS} s: pg…`);
      const pgRun = await driveOpenLoop(take(n), rate, throughPg);
      log(`open loop, ${rate} casts a second for ${OPEN_SECONDS} s: HTTP…`);
      const httpRun = await driveOpenLoop(take(n), rate, openHttp);
      openResults.push({ rate, pg: pgRun, http: httpRun });
    }
    openAgent.destroy();

    // The sealer (a job of the API) chains every cast within about a second.
    const check = new Client({ connectionString: databaseUrl });
    await check.connect();
    const sealStarted = performance.now();
    let unsealed = -1;
    while (performance.now() - sealStarted < 30_000) {
      unsealed = Number((await check.query<{ n: string }>(`SELECT count(*) AS n FROM vote_cast WHERE vote_id = $1 AND seq IS NULL`, [voteId])).rows[0]!.n);
      if (unsealed === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const sealWait = (performance.now() - sealStarted) / 1000;
    const [counts] = (
      await check.query<{ ballots: string; sealed: string }>(
        `SELECT (SELECT count(*) FROM ballot WHERE vote_id = $1) AS ballots, (SELECT count(*) FROM vote_cast WHERE vote_id = $1 AND seq IS NOT NULL) AS sealed`,
        [voteId],
      )
    ).rows;
    await check.end();
    await pool.end();
    agent.destroy();

    const accepted = 3 * WARM_UP + results.reduce((n, r) => n + r.pg.ok + r.bare.ok + r.http.ok, 0) + openResults.reduce((n, r) => n + r.pg.ok + r.http.ok, 0);
    const widths = [8, 22, 10, 8, 8, 7, 12, 12, 12];
    const cpuPerBallot = (cpuMs: number | null, x: RunResult): string => (cpuMs === null || x.ok === 0 ? '—' : (cpuMs / x.ok).toFixed(2));
    const out: string[] = [];
    out.push('');
    out.push(`bench:cast — ${UNITS.toLocaleString('en')}-flat compound, one open named poll of the owners; PostgreSQL ${server}${embedded ? ' (embedded)' : ''}; Node ${process.version}; ${os.cpus().length} CPUs shared by client, API and database`);
    out.push(
      `each run: ${BALLOTS.toLocaleString('en')} voters casting once (first ballots), pg, bare and HTTP taking turns in ${ROUNDS} rounds; pg, bare and the API each use a pool of ${POOL_SIZE} connections; bare and the API serve from ${API_WORKERS === 'auto' ? os.availableParallelism() : API_WORKERS} processes (API_WORKERS=${API_WORKERS}), log level ${process.env['BENCH_LOG_LEVEL'] ?? 'info'}`,
    );
    out.push('CPU columns: ms of CPU per ballot used by this client process, by the server processes (bare: its own; HTTP: the API; on the pg path, only the API\'s sealer runs) and by PostgreSQL\'s server processes for this database (all pools\' and the sealer\'s)');
    out.push('bare: the cast transaction behind node:http and nothing else (no framework, session, access check, validation or log): the floor under any Node HTTP layer here');
    out.push('');
    out.push(row(['voters', 'path', 'ballots/s', 'p50 ms', 'p99 ms', 'errors', 'client CPU', 'API CPU', 'DB CPU'], widths));
    for (const r of results) {
      for (const [name, x] of [
        ['pg (cast transaction)', r.pg],
        ['bare node:http', r.bare],
        ['HTTP API', r.http],
      ] as const) {
        const errors = [...x.errors.values()].reduce((a, b) => a + b, 0);
        out.push(row([r.concurrency, name, Math.round(perSecond(x)).toLocaleString('en'), ms(quantile(x.latencies, 0.5)), ms(quantile(x.latencies, 0.99)), errors, cpuPerBallot(x.clientCpuMs, x), cpuPerBallot(x.apiCpuMs, x), cpuPerBallot(x.dbCpuMs, x)], widths));
      }
      out.push(row(['', 'bare / pg', `${((100 * perSecond(r.bare)) / perSecond(r.pg)).toFixed(1)}%`, '', '', '', '', '', ''], widths));
      out.push(row(['', 'HTTP / pg', `${((100 * perSecond(r.http)) / perSecond(r.pg)).toFixed(1)}%`, '', '', '', '', '', ''], widths));
      out.push(row(['', 'HTTP / bare', `${((100 * perSecond(r.http)) / perSecond(r.bare)).toFixed(1)}%`, '', '', '', '', '', ''], widths));
    }
    const at200 = results.find((r) => r.concurrency === 200);
    if (at200) {
      const ratio = perSecond(at200.http) / perSecond(at200.pg);
      const p99 = quantile(at200.http.latencies, 0.99);
      out.push('');
      out.push(`aim at 200 voters: HTTP ≥ 70% of pg — ${ratio >= 0.7 ? 'met' : 'MISSED'} (${(100 * ratio).toFixed(1)}%); p99 < 100 ms — ${p99 < 100 ? 'met' : 'MISSED'} (${ms(p99)} ms)`);
      out.push(`  (200 voters casting back to back wait about 200 ÷ ballots/s each: p99 < 100 ms needs well over 2,000 ballots/s; this run's HTTP path took ${Math.round(perSecond(at200.http)).toLocaleString('en')}/s)`);
      out.push(`  (the floor, the same transaction behind bare node:http, reached ${((100 * perSecond(at200.bare)) / perSecond(at200.pg)).toFixed(1)}% of pg in this run)`);
    }
    out.push('');
    out.push(`open loop: casts arrive at a fixed rate for ${OPEN_SECONDS} s whether or not earlier ones were answered; latency from when each was due (ms)`);
    const openWidths = [8, 22, 10, 8, 8, 8, 7];
    out.push(row(['rate/s', 'path', 'done/s', 'p50', 'p99', 'p999', 'errors'], openWidths));
    for (const r of openResults) {
      for (const [name, x] of [
        ['pg (cast transaction)', r.pg],
        ['HTTP API', r.http],
      ] as const) {
        const errors = [...x.errors.values()].reduce((a, b) => a + b, 0);
        out.push(row([`${r.rate}${r.rate === half ? '*' : ''}`, name, Math.round(x.ok / x.seconds).toLocaleString('en'), ms(quantile(x.latencies, 0.5)), ms(quantile(x.latencies, 0.99)), ms(quantile(x.latencies, 0.999)), errors], openWidths));
      }
    }
    const atHalf = openResults.find((r) => r.rate === half);
    if (atHalf) {
      const p99 = quantile(atHalf.http.latencies, 0.99);
      out.push(`* half of the pg path's capacity at 200 voters (${Math.round(pgCapacity).toLocaleString('en')}/s). Aim: HTTP p99 < 100 ms there — ${p99 < 100 ? 'met' : 'MISSED'} (${ms(p99)} ms)`);
    }
    for (const r of openResults) {
      for (const [name, x] of [
        ['pg', r.pg],
        ['HTTP', r.http],
      ] as const) {
        for (const [message, n] of x.errors) out.push(`  open loop ${r.rate}/s, ${name}: ${n} × ${message}`);
      }
    }
    out.push(
      `integrity: ${counts!.ballots} ballot rows for ${accepted} accepted casts; ${counts!.sealed} sealed in the chain, ${unsealed} left unsealed ${unsealed === 0 ? `(sealer caught up ${sealWait.toFixed(1)} s after the last cast)` : 'after 30 s'}`,
    );
    for (const r of results) {
      for (const [name, x] of [
        ['pg', r.pg],
        ['bare', r.bare],
        ['HTTP', r.http],
      ] as const) {
        for (const [message, n] of x.errors) out.push(`  ${r.concurrency} voters, ${name}: ${n} × ${message}`);
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
    if (Number(counts!.ballots) !== accepted || unsealed !== 0) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

/** Set by main: stops the API, drops the database, removes the copies. Safe to call twice. */
let cleanUp: () => Promise<void> = async () => {};

if (require.main === module) {
  // Ctrl-C or a kill while it runs: leave no API process, database or copy behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`${signal}: cleaning up…\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
