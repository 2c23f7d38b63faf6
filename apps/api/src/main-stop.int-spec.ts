/**
 * Stopping Yishi the way a terminal and a process manager do it. Ctrl-C sends SIGINT to every
 * process of the terminal's foreground process group, `timeout` and supervisors send SIGTERM to
 * a group, and under `npm start` Node gets the signal twice (from the group, and forwarded by
 * npm). Whatever arrives, the embedded PostgreSQL must stop before Node exits, and the output
 * stays quiet. Each start runs in a process group of its own (like a terminal's job) on the
 * embedded PostgreSQL, without DATABASE_URL, in one data folder reused by every start.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtCopy } from '../test/run-built-api';

const ROOT = path.resolve(__dirname, '../../..');
const BANNER = /Yishi 议事 is running: http:\/\/127\.0\.0\.1:(\d+)\/[\s\S]*Press Ctrl-C to stop[^\n]*\n/;

interface GroupRun {
  child: ChildProcess;
  /** The process group: the pid of its leader (npm or Node). */
  pgid: number;
  output(): string;
  exited: Promise<number | string>;
}

interface ProcInfo {
  pid: number;
  state: string;
  ppid: number;
  pgrp: number;
}

function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: state!, ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return null;
  }
}

/** Live processes (zombies left for a reaper run nothing) of this machine. */
function liveProcesses(): ProcInfo[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => procInfo(Number(name)))
    .filter((p): p is ProcInfo => p !== null && p.state !== 'Z');
}

function membersOfGroup(pgid: number): number[] {
  return liveProcesses()
    .filter((p) => p.pgrp === pgid)
    .map((p) => p.pid);
}

/** Every process working in the data folder: PostgreSQL's postmaster and backends run in it. */
function postgresOn(dataDir: string): number[] {
  const real = fs.realpathSync(dataDir);
  return liveProcesses()
    .filter((p) => {
      try {
        return fs.readlinkSync(`/proc/${p.pid}/cwd`) === real;
      } catch {
        return false;
      }
    })
    .map((p) => p.pid);
}

function startInGroup(command: string, args: string[], env: Record<string, string>): GroupRun {
  const child = spawn(command, args, {
    cwd: ROOT,
    // A session and process group of its own, as a terminal gives a job.
    detached: true,
    env: { PATH: process.env['PATH']!, HOME: process.env['HOME'] ?? os.homedir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, pgid: child.pid!, output: () => output, exited };
}

async function waitUntil<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, run: GroupRun, timeoutMs = 90_000): Promise<T> {
  let exitedWith: number | string | undefined;
  void run.exited.then((code) => (exitedWith = code));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const value = await probe();
    if (value) return value;
    if (exitedWith !== undefined) throw new Error(`exited (${exitedWith}) before ${what}; output:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; output so far:\n${run.output()}`);
}

/** Waits for the banner and a healthy /api/health; returns the HTTP port. */
async function waitUntilServing(run: GroupRun): Promise<number> {
  const port = Number(await waitUntil('the start-up banner', () => BANNER.exec(run.output())?.[1], run));
  await waitUntil(
    '/api/health',
    async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status === 200,
    run,
  );
  return port;
}

/** Signals every process of the run's group, as a terminal or `timeout` does; none left is fine. */
function signalGroup(run: GroupRun, signal: NodeJS.Signals): void {
  try {
    process.kill(-run.pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

describe('stopping Yishi with its own PostgreSQL', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-stop-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
  fs.chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'pg');
  const env = {
    EMBEDDED_PG_DIR: dataDir,
    STORAGE_DIR: path.join(parent, 'uploads'),
    PORT: '0',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    APP_SECRET: 'yishi-stop-test-secret-0123456789abcdef',
  };
  const runs: GroupRun[] = [];
  const startNode = (extra: Record<string, string> = {}): GroupRun => {
    // The run's copy of the build, as every test that starts the built API: `npm start` below rebuilds dist/.
    const built = builtCopy();
    const run = startInGroup(process.execPath, [built.main], { ...env, WEB_DIST: built.web, ...extra });
    runs.push(run);
    return run;
  };
  const startNpm = (): GroupRun => {
    const run = startInGroup('npm', ['start'], { ...env, npm_config_update_notifier: 'false' });
    runs.push(run);
    return run;
  };

  /** After the exit: nothing of the group and no PostgreSQL on the folder is left, and it was quiet. */
  async function expectStoppedCleanly(run: GroupRun): Promise<void> {
    expect(await run.exited).toBe(0);
    expect(membersOfGroup(run.pgid)).toEqual([]);
    expect(postgresOn(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    // One line says it is stopping; no job failure, no stack trace, no error from npm.
    const afterBanner = run.output().replace(/^[\s\S]*Press Ctrl-C to stop[^\n]*\n/, '');
    expect(afterBanner.trim()).toMatch(/^SIG(INT|TERM): stopping Yishi…$/);
  }

  beforeAll(() => {
    builtCopy();
  });

  afterAll(async () => {
    // Whatever a failing test left behind, in this test's own groups and folder only.
    for (const run of runs) {
      if (membersOfGroup(run.pgid).length > 0) signalGroup(run, 'SIGKILL');
    }
    for (const pid of postgresOn(dataDir)) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    fs.rmSync(parent, { recursive: true, force: true });
  });

  // Ten starts and stops in a row for each signal, one test each (a start takes seconds).
  const tenTimes = Array.from({ length: 10 }, (_, i) => i + 1);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it.each(tenTimes)(`stops PostgreSQL before Node exits on ${signal} to the process group (%i of 10)`, async () => {
      const run = startNode();
      await waitUntilServing(run);
      expect(postgresOn(dataDir).length).toBeGreaterThan(0);
      signalGroup(run, signal);
      await expectStoppedCleanly(run);
    }, 120_000);
  }

  const repeated: [string, (run: GroupRun) => void][] = [
    [
      'SIGINT to the group and again to Node alone (what npm does)',
      (run) => {
        signalGroup(run, 'SIGINT');
        process.kill(run.child.pid!, 'SIGINT');
      },
    ],
    [
      'SIGTERM to the group twice, then SIGINT, while it stops',
      (run) => {
        signalGroup(run, 'SIGTERM');
        setTimeout(() => signalGroup(run, 'SIGTERM'), 100);
        setTimeout(() => signalGroup(run, 'SIGINT'), 200);
      },
    ],
  ];
  it.each(repeated)('stops PostgreSQL before Node exits on %s', async (_name, send) => {
    const run = startNode();
    await waitUntilServing(run);
    send(run);
    await expectStoppedCleanly(run);
  }, 120_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`stops quietly through \`npm start\`, where npm forwards the ${signal} again`, async () => {
      const run = startNpm();
      await waitUntilServing(run);
      signalGroup(run, signal);
      await expectStoppedCleanly(run);
    }, 120_000);
  }

  it('stops every HTTP process and PostgreSQL with API_WORKERS=2', async () => {
    const run = startNode({ API_WORKERS: '2' });
    await waitUntilServing(run);
    expect(membersOfGroup(run.pgid).length).toBe(3);
    signalGroup(run, 'SIGINT');
    signalGroup(run, 'SIGINT');
    await expectStoppedCleanly(run);
  }, 120_000);

  it('stops PostgreSQL when the signal comes during start-up, once PostgreSQL runs', async () => {
    const run = startNode();
    await waitUntil('PostgreSQL to run', () => postgresOn(dataDir).length > 0, run);
    signalGroup(run, 'SIGINT');
    expect(await run.exited).toBe(0);
    expect(membersOfGroup(run.pgid)).toEqual([]);
    expect(postgresOn(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    // Nothing but the stopping line, and start-up's own notes (log lines below error level).
    const lines = run.output().split('\n').filter((l) => l.trim() !== '' && !/^\{"level":[1-4]\d,/.test(l));
    expect(lines.map((l) => l.trim())).toEqual(['SIGINT: stopping Yishi…']);
  }, 120_000);

  it('after kill -9 of Node, the next start stops the PostgreSQL left running on its folder, and only that one', async () => {
    const killed = startNode();
    await waitUntilServing(killed);
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(killed.child.pid!, 'SIGKILL');
    expect(await killed.exited).toBe('SIGKILL');
    // PostgreSQL runs in a group of its own, so it outlives a Node killed outright.
    expect(postgresOn(dataDir)).toContain(postmaster);

    // Without the record that a Yishi started it, the server is not Yishi's to stop.
    const owner = `${dataDir}.owner`;
    fs.renameSync(owner, `${owner}.aside`);
    const refused = startNode();
    expect(await refused.exited).toBe(1);
    expect(refused.output().trim()).toMatch(new RegExp(`^yishi: Another Yishi \\(or PostgreSQL, pid ${postmaster}\\) is already running`));
    expect(postgresOn(dataDir)).toContain(postmaster);
    fs.renameSync(`${owner}.aside`, owner);

    const next = startNode();
    const port = await waitUntilServing(next);
    expect(next.output()).toContain(`stopped the embedded PostgreSQL (pid ${postmaster}) that an earlier start left running`);
    expect(procInfo(postmaster)?.state ?? 'Z').toBe('Z');

    // A server in use by a live Yishi is no leftover: another start on the folder refuses.
    const third = startNode();
    expect(await third.exited).toBe(1);
    expect(third.output().trim()).toMatch(/^yishi: Another Yishi \(or PostgreSQL, pid \d+\) is already running on the database folder /);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    signalGroup(next, 'SIGINT');
    await expectStoppedCleanly(next);
  }, 180_000);
});
