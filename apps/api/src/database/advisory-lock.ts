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

/** Runs `work` holding the lock named `name` if no other session holds it; otherwise skips it. */
export async function withTryAdvisoryLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [name])) as [{ locked: boolean }];
    if (!locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [name]);
    }
  } finally {
    await runner.release();
  }
}

/** Takes the lock `key` until the caller's transaction ends, waiting for it when another holds it. */
export async function lockForTransaction(m: EntityManager, key: number): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [key]);
}
