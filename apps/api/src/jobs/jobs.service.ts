import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Env } from '../config/env';
import { ENV } from '../config/env';
import { withTryAdvisoryLock } from '../database/advisory-lock';

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
 * An instance runs its due jobs one after another, never side by side: each run holds a pooled
 * connection for its lock and needs another for its work, so a dozen jobs falling due together
 * (as they all do at start-up) would otherwise take every connection of a small pool for their
 * locks and wait forever for one to work with — and the instance would answer no request again.
 * A job already waiting its turn is not queued twice.
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
  /** The runs of this instance, one after another: the tail of the line. */
  private line: Promise<void> = Promise.resolve();
  /** Jobs waiting in the line or running. */
  private readonly queued = new Set<string>();
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
    await this.line;
  }

  private schedule(job: Job): void {
    const tick = (): void => {
      if (!this.started || this.queued.has(job.name)) return;
      this.queued.add(job.name);
      this.line = this.line
        .then(async () => {
          if (this.started) await this.runOnce(job.name);
        })
        .catch((error: unknown) => this.logger.error({ err: error, job: job.name }, 'job failed'))
        .finally(() => this.queued.delete(job.name));
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
    const ran = await withTryAdvisoryLock(this.dataSource, `yishi-job:${name}`, () => job.run());
    return ran.ran;
  }
}
