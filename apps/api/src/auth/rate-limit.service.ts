import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';

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
    const rows = await this.dataSource.query<{ hits: number; retry_after: number }[]>(
      `INSERT INTO rate_limit_bucket (key, window_start, hits, expires_at)
       SELECT $1, w.start, 1, w.start + make_interval(secs => $2)
         FROM (SELECT to_timestamp(floor(extract(epoch FROM now()) / $2) * $2) AS start) w
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + 1
       RETURNING hits, ceil(extract(epoch FROM expires_at - now()))::int AS retry_after`,
      [limit.key, limit.windowSeconds],
    );
    if (Math.random() < 0.01) {
      await this.dataSource.query(`DELETE FROM rate_limit_bucket WHERE expires_at < now()`);
    }
    const row = rows[0]!;
    if (row.hits > limit.max) this.refuse(row.retry_after);
  }

  /** Refuses with 429 when the window already holds `max` hits, without counting this one. */
  async check(limit: Limit): Promise<void> {
    const rows = await this.dataSource.query<{ hits: number; retry_after: number }[]>(
      `SELECT hits, ceil(extract(epoch FROM expires_at - now()))::int AS retry_after
         FROM rate_limit_bucket
        WHERE key = $1 AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`,
      [limit.key, limit.windowSeconds],
    );
    const row = rows[0];
    if (row && row.hits >= limit.max) this.refuse(row.retry_after);
  }

  private refuse(retryAfterSeconds: number): never {
    const seconds = Math.max(1, retryAfterSeconds);
    throw new DomainError('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, {
      retryAfterSeconds: seconds,
    });
  }
}
