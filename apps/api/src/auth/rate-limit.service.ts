import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { countHit, currentWindow, dropEndedWindows } from './rate-limit-store';

export interface Limit {
  /** What is counted, e.g. `login-fail:phone:13800000011`. */
  key: string;
  /** Most hits allowed in one window. */
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window rate limits kept in PostgreSQL, so all API instances share the count. Counting
 * happens outside the use case's transaction: a refused attempt still counts.
 */
@Injectable()
export class RateLimitService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one hit; refuses with 429 (and Retry-After) once the window holds more than `max`. */
  async hit(limit: Limit): Promise<void> {
    const row = await countHit(this.dataSource.manager, limit.key, limit.windowSeconds);
    if (Math.random() < 0.01) await dropEndedWindows(this.dataSource.manager);
    if (row.hits > limit.max) this.refuse(row.retry_after);
  }

  /** Refuses with 429 when the window already holds `max` hits, without counting this one. */
  async check(limit: Limit): Promise<void> {
    const row = await currentWindow(this.dataSource.manager, limit.key, limit.windowSeconds);
    if (row && row.hits >= limit.max) this.refuse(row.retry_after);
  }

  private refuse(retryAfterSeconds: number): never {
    const seconds = Math.max(1, retryAfterSeconds);
    throw new DomainError('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, {
      retryAfterSeconds: seconds,
    });
  }
}
