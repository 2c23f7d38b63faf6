import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createEmptyDatabase, dropDatabase } from '../test/postgres';
import { freePort } from './database/embedded-postgres';
import type { RunningApi } from '../test/run-built-api';
import { runBuiltApi } from '../test/run-built-api';

/** Errors meant for a person: one line, no stack trace. */
function expectOneLine(output: string, pattern: RegExp): void {
  const lines = output.trim().split('\n').filter((l) => !l.startsWith('{'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(output).not.toMatch(/\n\s+at /);
}

function tempParent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-start-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

function getStatus(port: number, route: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: route, agent: false, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('starting Yishi (the built API, as `npm start` runs it)', () => {
  const cleanup: string[] = [];
  afterAll(() => cleanup.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('refuses an invalid variable with a one-line message naming it', async () => {
    const run = runBuiltApi({ PORT: 'eighty', DATABASE_URL: 'postgres://127.0.0.1:1/x' });
    expect(await run.exited).toBe(1);
    expectOneLine(run.output(), /invalid configuration: PORT .*README/);
  });

  it('says which port is taken and how to choose another, before touching the database', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      const run = runBuiltApi({ PORT: String(port), EMBEDDED_PG_DIR: '/nonexistent/never-created' });
      expect(await run.exited).toBe(1);
      expectOneLine(run.output(), new RegExp(`Port ${port} is already in use.*PORT=${port + 1} npm start`));
      expect(fs.existsSync('/nonexistent/never-created')).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('explains a data folder that is not a database, and leaves it alone', async () => {
    const parent = tempParent();
    cleanup.push(parent);
    const dir = path.join(parent, 'pg');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a database');
    const run = runBuiltApi({ PORT: String(await freePort()), EMBEDDED_PG_DIR: dir });
    expect(await run.exited).toBe(1);
    expectOneLine(run.output(), /not a PostgreSQL data folder .*delete it/);
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('not a database');
  });

  it('explains an unreachable DATABASE_URL without showing its password', async () => {
    const run = runBuiltApi({ PORT: String(await freePort()), DATABASE_URL: 'postgres://yishi:s3cret@127.0.0.1:1/yishi' });
    expect(await run.exited).toBe(1);
    expectOneLine(run.output(), /Cannot use the database at DATABASE_URL=postgres:\/\/yishi:\*\*\*@127\.0\.0\.1:1\/yishi/);
    expect(run.output()).not.toContain('s3cret');
  });

  it('runs on its own PostgreSQL, keeps the data across restarts, and stops it on Ctrl-C', async () => {
    const parent = tempParent();
    cleanup.push(parent);
    const dir = path.join(parent, 'pg');
    const port = await freePort();
    const pgPort = await freePort();
    const env = { PORT: String(port), EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(pgPort) };

    const first = runBuiltApi(env);
    const banner = await first.waitFor(/Press Ctrl-C/);
    expect(banner).toContain(`Yishi 议事 is running: http://127.0.0.1:${port}/`);
    expect(banner).toContain('Demo data created');
    expect(banner).toMatch(/13800000001 {2}admin/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(fs.existsSync(path.join(dir, 'postmaster.pid'))).toBe(true);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
    expect(await refusesConnections(pgPort)).toBe(true);
    expect(await refusesConnections(port)).toBe(true);

    const second = runBuiltApi(env);
    expect(await second.waitFor(/Press Ctrl-C/)).toContain('Demo data already present');
    const tree = (await (await fetch(`http://127.0.0.1:${port}/api/organizations/tree`)).json()) as { name: string }[];
    expect(tree.map((n) => n.name)).toEqual(['桂城街道']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('uses the server named by DATABASE_URL, migrating an empty database', async () => {
    const adminUrl = process.env['YISHI_TEST_ADMIN_URL']!;
    const database = await createEmptyDatabase(adminUrl, 'yishi_start');
    try {
      const port = await freePort();
      const run = runBuiltApi({ PORT: String(port), DATABASE_URL: database.url, EMBEDDED_PG_DIR: '/nonexistent/never-created' });
      const banner = await run.waitFor(/Press Ctrl-C/);
      expect(banner).toMatch(/Database: +PostgreSQL at postgres:\/\//);
      expect(fs.existsSync('/nonexistent/never-created')).toBe(false);
      const res = await fetch(`http://127.0.0.1:${port}/api/organizations/tree`);
      expect(res.status).toBe(200);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      await dropDatabase(adminUrl, database.name);
    }
  });

  it('serves from several processes with API_WORKERS, replaces one that dies, and stops them all', async () => {
    const adminUrl = process.env['YISHI_TEST_ADMIN_URL']!;
    const database = await createEmptyDatabase(adminUrl, 'yishi_workers');
    let run: RunningApi | undefined;
    try {
      const port = await freePort();
      const api = (run = runBuiltApi({ PORT: String(port), DATABASE_URL: database.url, API_WORKERS: '2', LOG_LEVEL: 'info' }));
      const banner = await api.waitFor(/Press Ctrl-C/);
      expect(banner).toContain('HTTP processes:       2 (API_WORKERS), sharing 20 database connections');
      expect(banner).toContain('Demo data created');
      // Each request on a connection of its own: the cluster hands connections to the workers in turn.
      const servedBy = async (): Promise<number[]> => {
        const before = api.output().length;
        for (let i = 0; i < 6; i += 1) expect(await getStatus(port, '/api/organizations/tree')).toBe(200);
        return [...api.output().slice(before).matchAll(/"pid":(\d+)[^\n]*"url":"\/api\/organizations\/tree"/g)].map((m) => Number(m[1]));
      };
      const workers = new Set(await servedBy());
      expect(workers.size).toBe(2);
      expect(workers.has(api.child.pid!)).toBe(false);

      // A request line says which request and how it ended, never the session cookie or CSRF token it came with.
      const before = api.output().length;
      expect(await getStatus(port, '/api/me/roll', { cookie: 'yishi_session=cookie-value-never-logged-0123', 'x-csrf-token': 'csrf-token-never-logged' })).toBe(401);
      const line = await api.waitFor(/"url":"\/api\/me\/roll"/).then((out) => JSON.parse(/^.*"url":"\/api\/me\/roll".*$/m.exec(out.slice(before))![0]) as Record<string, unknown>);
      expect(line).toMatchObject({ req: { method: 'GET', url: '/api/me/roll' }, res: { statusCode: 401 } });
      expect(Object.keys(line['req'] as object).sort()).toEqual(['id', 'method', 'url']);
      expect(api.output()).not.toMatch(/never-logged/);

      const [victim] = [...workers];
      process.kill(victim!, 'SIGKILL');
      await api.waitFor(new RegExp(`worker ${victim} stopped \\(SIGKILL\\); starting another`));
      // The replacement joins the rotation once it listens; meanwhile the other worker serves alone.
      let after = new Set<number>();
      for (const deadline = Date.now() + 30_000; Date.now() < deadline && after.size < 2; ) after = new Set(await servedBy());
      expect(after.size).toBe(2);
      expect(after.has(victim!)).toBe(false);

      api.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);
      expect(await refusesConnections(port)).toBe(true);
      for (const pid of [...workers, ...after]) expect(isAlive(pid)).toBe(false);
    } finally {
      if (run?.child.exitCode === null) {
        run.child.kill('SIGTERM');
        await run.exited;
      }
      await dropDatabase(adminUrl, database.name);
    }
  });
});

// Only root has to hand PostgreSQL to another user; for anyone else there is nothing to relocate.
const asRoot = os.userInfo().uid === 0 ? it : it.skip;

describe('starting Yishi as root from a folder other users cannot enter', () => {
  asRoot('keeps the data where the postgres user can reach them, behind a symlink, and starts again from it', async () => {
    const hidden = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-hidden-'));
    expect(fs.statSync(hidden).mode & 0o777).toBe(0o700);
    const dir = path.join(hidden, '.data', 'postgres');
    const env = { PORT: String(await freePort()), EMBEDDED_PG_DIR: dir };
    let target = '';
    try {
      const first = runBuiltApi(env);
      await first.waitFor(/Press Ctrl-C/);
      expect(fs.lstatSync(dir).isSymbolicLink()).toBe(true);
      target = fs.realpathSync(dir);
      expect(target.startsWith('/var/lib/yishi/data-')).toBe(true);
      expect(first.output()).toContain(`(→ ${target})`);
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);

      const second = runBuiltApi(env);
      expect(await second.waitFor(/Press Ctrl-C/)).toContain('Demo data already present');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      fs.rmSync(hidden, { recursive: true, force: true });
      if (target) fs.rmSync(target, { recursive: true, force: true });
    }
  });
});
