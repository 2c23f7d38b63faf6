import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One fixed window of a rate limit (e.g. failed logins for one phone number in 15 minutes).
 * Kept in PostgreSQL so that every API instance counts the same attempts.
 */
@Entity('rate_limit_bucket')
@Check('rate_limit_bucket_hits_positive', `"hits" > 0`)
@Index('rate_limit_bucket_expires_idx', ['expiresAt'])
export class RateLimitBucket {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'integer' })
  hits!: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
