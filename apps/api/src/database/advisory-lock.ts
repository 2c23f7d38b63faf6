import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * PostgreSQL session advisory locks, each held on a connection of its own for the length of the
 * work: what makes one instance migrate, or run a job, while others wait or skip.
 */

/** Runs `work` holding the lock `key`, waiting for it when another session holds it. */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * One connection of its own, outside the pool, holding the named session locks of this process's
 * jobs. Taking the locks on pooled connections would hold one connection per running job on top
 * of the one the job works with: a dozen jobs falling due together (they all do at start-up)
 * took every connection of a small pool for their locks and waited forever for one to work with,
 * and the process answered no request again. Here a lock costs no pooled connection at all.
 *
 * Should the connection drop, PostgreSQL has released its locks; the next run connects again.
 * A job whose lock went with it may then run on another instance at the same time, which jobs
 * allow for: each claims its work with a conditional UPDATE.
 */
export class LockSession {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private closed = false;
  /** The session's statements, one after another (pg wants no query sent while one runs). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly connectionString: string) {}

  private query(session: Client, sql: string, name: string): Promise<boolean> {
    const next = this.queue.then(async () => (await session.query<{ held: boolean }>(sql, [name])).rows[0]?.held === true);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs `work` holding the lock named `name` if no other session holds it; otherwise skips it. */
  async tryRun<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const session = await this.session();
    if (!(await this.query(session, 'SELECT pg_try_advisory_lock(hashtext($1)) AS held', name))) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      // A session that dropped meanwhile released the lock with it.
      await this.query(session, 'SELECT pg_advisory_unlock(hashtext($1)) AS held', name).catch(() => undefined);
    }
  }

  /** Ends the connection (and so every lock still held): after the jobs have stopped. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private session(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('the job lock session is closed'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.connectionString, application_name: 'yishi-jobs' });
      // A dropped connection: forget it (its locks are gone); the next run connects again.
      client.on('error', () => {
        if (this.client === client) this.client = null;
      });
      client.on('end', () => {
        if (this.client === client) this.client = null;
      });
      await client.connect();
      this.client = client;
      return client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }
}

/** Takes the lock `key` until the caller's transaction ends, waiting for it when another holds it. */
export async function lockForTransaction(m: EntityManager, key: number): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [key]);
}
