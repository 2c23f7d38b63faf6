import 'reflect-metadata';
import cluster from 'node:cluster';
import net from 'node:net';
import type { YishiApp } from './app.factory';
import { createApp } from './app.factory';
import { StartupError } from './common/startup-error';
import { resolveAppSecret } from './config/app-secret';
import type { Env } from './config/env';
import { InvalidEnvironmentError, loadEnv } from './config/env';
import type { ResolvedDatabase } from './database/resolve-database';
import { resolveDatabase } from './database/resolve-database';
import { buildDemoData, DEMO_PASSWORD } from './seed/demo-data';
import { seedDemoData } from './seed/seed-demo';

/** Fails fast, before the database starts, when another program holds the port. */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use (is Yishi already running?): stop that program, or start on another port, e.g. PORT=${port + 1} npm start`)
          : new StartupError(`Cannot listen on ${host}:${port} (${error.code ?? error.message}): set HOST and PORT to an address this machine has.`),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function banner(env: Env, address: string, database: ResolvedDatabase, seeded: boolean): string {
  const lines = [
    '',
    `  Yishi 议事 is running: ${address}/`,
    `  API documentation:    ${address}/api/docs`,
    `  Database:             ${database.description}`,
    `  SMS:                  codes are written to this log (no SMS gateway configured)`,
  ];
  if (env.API_WORKERS > 1) lines.push(`  HTTP processes:       ${env.API_WORKERS} (API_WORKERS), sharing ${env.DB_POOL_SIZE} database connections`);
  if (env.DEMO_DATA) {
    lines.push(
      '',
      `  Demo data ${seeded ? 'created' : 'already present'} (桂城街道 · 南村经济社 · 御水岸). Demo accounts, password ${DEMO_PASSWORD}:`,
      ...buildDemoData().accounts.map((a) => `    ${a.phone}  ${a.purpose}`),
    );
  }
  lines.push('', '  Press Ctrl-C to stop (the database stops with it).', '');
  return lines.join('\n');
}

/** The address to print for a listening server. */
function printableAddress(env: Env, port: number): string {
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${port}`;
}

/** This process's share of the API's database connections. */
function poolShare(env: Env): number {
  return Math.max(2, Math.floor(env.DB_POOL_SIZE / env.API_WORKERS));
}

/** Thrown at a start-up step when a stop was asked for meanwhile; the stop does the rest. */
class StopRequested extends Error {}

/** How long a stop waits for open HTTP requests before it cuts their connections. */
const HTTP_GRACE_MS = 5_000;
/**
 * How long a stop waits for the app (running jobs, then HTTP, then the pool) before it stops
 * PostgreSQL anyway: a job stuck on a lock must not keep Ctrl-C from working. Jobs decide what
 * is due from the database and claim it with conditional updates, so work that PostgreSQL's fast
 * shutdown cuts off is done at the next start.
 */
const APP_CLOSE_TIMEOUT_MS = 20_000;

/** Closes the app (jobs finish, then HTTP, then the pool), within APP_CLOSE_TIMEOUT_MS. */
async function closeApp(app: YishiApp): Promise<void> {
  const server = app.getHttpServer();
  const timers: NodeJS.Timeout[] = [];
  try {
    await Promise.race([
      // What could not close cleanly goes with the process; the database still stops after.
      app.close().catch(() => undefined),
      new Promise<void>((resolve) => {
        timers.push(setTimeout(() => server.closeAllConnections(), HTTP_GRACE_MS));
        timers.push(setTimeout(resolve, APP_CLOSE_TIMEOUT_MS));
      }),
    ]);
  } finally {
    timers.forEach(clearTimeout);
  }
}

/**
 * The primary process: starts the database, the app (or the workers), and stops them in the
 * reverse order on SIGINT or SIGTERM, however many arrive and whenever they arrive. Ctrl-C under
 * `npm start` reaches Node twice (the terminal signals the whole process group, and npm forwards
 * what it got), a supervisor may repeat SIGTERM: the first one starts the stop, the others are
 * ignored, so Node never dies of a default signal action before PostgreSQL has stopped.
 */
class Primary {
  private database: ResolvedDatabase | undefined;
  private app: YishiApp | undefined;
  private workers: Workers | undefined;
  private startup: Promise<void> | undefined;
  private stopSignal: string | undefined;
  private teardown: Promise<void> | undefined;

  constructor(private readonly env: Env) {}

  get stopRequested(): boolean {
    return this.stopSignal !== undefined;
  }

  start(): Promise<void> {
    return (this.startup ??= this.bringUp());
  }

  /** The signal handler: the first signal stops Yishi and then Node; the rest change nothing. */
  stop(signal: string): void {
    if (this.stopSignal) return;
    this.stopSignal = signal;
    process.stdout.write(`\n  ${signal}: stopping Yishi…\n`);
    this.workers?.interrupt();
    void (async () => {
      // A start-up step in progress finishes first (to its next checkpoint), so whatever it
      // brought up, PostgreSQL above all, is there to be stopped.
      await this.startup?.catch(() => undefined);
      await this.tearDown();
      process.exit(0);
    })();
  }

  /** Stops what runs, in order: HTTP and jobs, the workers, then PostgreSQL. Once. */
  tearDown(): Promise<void> {
    return (this.teardown ??= (async () => {
      if (this.app) await closeApp(this.app);
      await this.workers?.stop();
      await this.database?.embedded?.stop().catch(() => undefined);
    })());
  }

  private checkpoint(): void {
    if (this.stopSignal) throw new StopRequested();
  }

  private async bringUp(): Promise<void> {
    const env = this.env;
    await assertPortFree(env.HOST, env.PORT);
    this.checkpoint();
    const database = (this.database = await resolveDatabase(env));
    this.checkpoint();
    const secret = resolveAppSecret(env);
    let seeded = false;
    let port: number;
    if (env.API_WORKERS === 1) {
      const app = (this.app = await createApp({ env, databaseUrl: database.url, secret }));
      this.checkpoint();
      // With the app, the seed also opens the demo consultation and votes through the API's services.
      if (env.DEMO_DATA) seeded = (await seedDemoData(app)).seeded;
      this.checkpoint();
      await app.listen(env.PORT, env.HOST);
      this.checkpoint();
      port = (app.getHttpServer().address() as net.AddressInfo).port;
    } else {
      if (env.DEMO_DATA) {
        // The seed runs once, here, through an app of its own, before any worker serves.
        const app = (this.app = await createApp({ env, databaseUrl: database.url, secret, poolSize: 2 }));
        this.checkpoint();
        seeded = (await seedDemoData(app)).seeded;
        this.checkpoint();
        this.app = undefined;
        await app.close();
        this.checkpoint();
      }
      this.workers = new Workers(env, database.url);
      port = await this.workers.start();
      this.checkpoint();
    }
    process.stdout.write(banner(env, printableAddress(env, port), database, seeded));
  }
}

async function main(): Promise<void> {
  const env = loadEnv();
  if (cluster.isWorker) return serveAsWorker(env);
  const primary = new Primary(env);
  // `on`, not `once`: with `once` the second Ctrl-C (npm forwards the terminal's) would meet
  // Node's default action and kill it before PostgreSQL stops, leaving it running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => primary.stop(signal));
  try {
    await primary.start();
  } catch (error) {
    // A stop asked for during start-up ends the process itself, quietly.
    if (primary.stopRequested) return;
    await primary.tearDown();
    throw error;
  }
}

/**
 * A worker process: the app on the database the primary prepared, listening on the port the
 * workers share (Node's cluster hands the connections round). It stops on the primary's SIGTERM
 * and on Ctrl-C, which reaches every process of the terminal, as often as they come, and also
 * while it is still starting.
 */
async function serveAsWorker(env: Env): Promise<void> {
  let stopping = false;
  let closing: Promise<void> | undefined;
  const ready = createApp({ env, databaseUrl: env.DATABASE_URL!, secret: resolveAppSecret(env), poolSize: poolShare(env) });
  const close = (): void => {
    stopping = true;
    closing ??= ready.then(closeApp, () => undefined).then(() => process.exit(0));
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  const app = await ready;
  if (!stopping) await app.listen(env.PORT, env.HOST);
}

/**
 * The worker processes of the primary (API_WORKERS > 1): all must listen before Yishi counts as
 * started; one that dies afterwards is replaced; stopping waits for every one to close.
 * Only the first runs the scheduled work (JOBS), which is safe with several but needs one.
 */
class Workers {
  private stopping = false;
  /** Ends a start in progress when a stop is asked for before every worker listens. */
  private abandonStart: (() => void) | undefined;
  /** Each live worker's place (by cluster id): the replacement of the first runs the jobs too. */
  private readonly places = new Map<number, number>();

  constructor(
    private readonly env: Env,
    private readonly databaseUrl: string,
  ) {}

  private fork(place: number): void {
    const worker = cluster.fork({ DATABASE_URL: this.databaseUrl, JOBS: place === 0 && this.env.JOBS ? 'true' : 'false' });
    this.places.set(worker.id, place);
  }

  /** Resolves with the shared port once every worker listens; rejects when one exits first. */
  start(): Promise<number> {
    // Workers run this file itself, not what started the primary (`npm start` builds first).
    cluster.setupPrimary({ exec: __filename });
    return new Promise((resolve, reject) => {
      let listening = 0;
      let started = false;
      this.abandonStart = () => reject(new StopRequested());
      cluster.on('listening', (_worker, address) => {
        listening += 1;
        if (!started && listening === this.env.API_WORKERS) {
          started = true;
          resolve(address.port);
        }
      });
      cluster.on('exit', (worker, code, signal) => {
        const place = this.places.get(worker.id) ?? 0;
        this.places.delete(worker.id);
        if (this.stopping) return;
        if (!started) {
          reject(new StartupError(`a worker process could not start (exit ${code ?? signal}); its message is above.`));
          return;
        }
        // A second's pause, so a worker that cannot live (the database gone) does not spin. The
        // decision waits for it too: a worker that Ctrl-C stopped a moment before the primary
        // heard it is not replaced, and not reported.
        setTimeout(() => {
          if (this.stopping) return;
          process.stderr.write(`yishi: worker ${worker.process.pid} stopped (${code ?? signal}); starting another\n`);
          this.fork(place);
        }, 1000);
      });
      for (let place = 0; place < this.env.API_WORKERS; place += 1) this.fork(place);
    });
  }

  /** A stop was asked for: no worker is replaced any more, and a start in progress ends. */
  interrupt(): void {
    this.stopping = true;
    this.abandonStart?.();
  }

  /** Asks every worker to close and waits (SIGKILL after 10 s). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve();
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), 10_000);
            worker.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    process.stderr.write(`yishi: ${error.message}\n`);
  } else if (error instanceof InvalidEnvironmentError) {
    process.stderr.write(`yishi: invalid configuration: ${error.problems.join('; ')}. See the configuration table in README.md.\n`);
  } else {
    process.stderr.write(`yishi: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
