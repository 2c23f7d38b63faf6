import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/** The rate limits store: fixed-window counters (`rate_limit_bucket`), shared by every API instance. */

export interface WindowCount {
  hits: number;
  /** Seconds until the window ends. */
  retry_after: number;
}

/** Counts one hit in the key's current window of `windowSeconds`; the window's count after it. */
export async function countHit(q: Queryable, key: string, windowSeconds: number): Promise<WindowCount> {
  const [row] = await queryOn(q)<WindowCount>(
    `INSERT INTO rate_limit_bucket (key, window_start, hits, expires_at)
     SELECT $1, w.start, 1, w.start + make_interval(secs => $2)
       FROM (SELECT to_timestamp(floor(extract(epoch FROM now()) / $2) * $2) AS start) w
     ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + 1
     RETURNING hits, ceil(extract(epoch FROM expires_at - now()))::int AS retry_after`,
    [key, windowSeconds],
  );
  return row!;
}

/** The key's current window, if it has any hits. */
export async function currentWindow(q: Queryable, key: string, windowSeconds: number): Promise<WindowCount | undefined> {
  const [row] = await queryOn(q)<WindowCount>(
    `SELECT hits, ceil(extract(epoch FROM expires_at - now()))::int AS retry_after
       FROM rate_limit_bucket
      WHERE key = $1 AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`,
    [key, windowSeconds],
  );
  return row;
}

/** Drops the windows that have ended. */
export async function dropEndedWindows(q: Queryable): Promise<void> {
  await queryOn(q)(`DELETE FROM rate_limit_bucket WHERE expires_at < now()`);
}
