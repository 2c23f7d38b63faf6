import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Env } from '../config/env';
import { ENV } from '../config/env';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { LockSession } from '../database/advisory-lock';

export interface Job {
  /** Stable name; also the advisory-lock key, so one instance at a time runs it. */
  name: string;
  /** How often to look for due work. */
  everyMs: number;
  /**
   * Does whatever is due now. It must decide what is due from rows in PostgreSQL (deadlines are
   * data), and claim each piece of work with a conditional UPDATE, so that a restart or a second
   * instance never does it twice.
   */
  run(): Promise<void>;
}

/**
 * Scheduled work without a scheduler: each instance polls; a session advisory lock per job lets
 * only one instance run a job at a time. Deadlines live in the database, so work due while every
 * instance was down is done at the next start.
 *
 * The locks live on one connection of the process's own, outside the pool (`LockSession`): a
 * running job holds no pooled connection but those it works with. A job still running when its
 * time comes again is not started a second time.
 *
 * On stop, no job starts any more and the running ones finish before the database connections
 * close: that happens in `beforeApplicationShutdown`, which Nest runs for every module before any
 * `onApplicationShutdown` (where TypeORM closes its pool; as a global module it would otherwise
 * go first and pull the connections from under a running job).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly jobs = new Map<string, Job>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();
  /** Jobs running in this process (its lock session could take a lock it holds again). */
  private readonly inProcess = new Set<string>();
  private locks: LockSession | null = null;
  private started = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  register(job: Job): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
    if (this.started) this.schedule(job);
  }

  onApplicationBootstrap(): void {
    if (!this.env.JOBS) return;
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.started = false;
    this.timers.forEach((t) => clearInterval(t));
    this.timers.length = 0;
    await Promise.allSettled([...this.running.values()]);
    await this.locks?.close();
    this.locks = null;
  }

  private schedule(job: Job): void {
    const tick = (): void => {
      if (!this.started || this.running.has(job.name)) return;
      const run = this.runOnce(job.name)
        .catch((error: unknown) => this.logger.error({ err: error, job: job.name }, 'job failed'))
        .finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
    };
    setImmediate(tick);
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    this.timers.push(timer);
  }

  /** Runs a job now if no other instance is running it; returns whether it ran. */
  async runOnce(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    // Session locks are re-entrant: the same session would take its own lock again.
    if (this.inProcess.has(name)) return false;
    this.inProcess.add(name);
    try {
      this.locks ??= new LockSession((this.dataSource.options as PostgresDataSourceOptions).url!);
      const ran = await this.locks.tryRun(`yishi-job:${name}`, () => job.run());
      return ran.ran;
    } finally {
      this.inProcess.delete(name);
    }
  }
}
