import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Vote } from './vote.entity';

/**
 * Every cast (and check-in, and secret roll mark) in the order it committed; the sealer gives
 * each its `seq` and line in the vote's hash chain (ballots.jsonl, or roll.jsonl for a secret vote)
 * within about a second, one sealer per vote. Rows are never updated once sealed.
 */
@Entity('vote_cast')
@Index('vote_cast_seq_unique', ['voteId', 'seq'], { unique: true, where: `"seq" IS NOT NULL` })
@Index('vote_cast_unsealed_idx', ['voteId', 'id'], { where: `"seq" IS NULL` })
@Index('vote_cast_check_in_idx', ['voteId'], { where: `("entry" ->> 'kind') = 'check-in'` })
@Check('vote_cast_sealed_together', `("seq" IS NULL) = ("line" IS NULL) AND ("seq" IS NULL) = ("line_hash" IS NULL)`)
export class VoteCast {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_cast_vote_fk' })
  vote?: Vote;

  /** The chain entry without seq and prev (kind, voter, choice, channel, proxy, at, ballot). */
  @Column({ type: 'jsonb' })
  entry!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer', nullable: true })
  seq!: number | null;

  /** The exact line of the chain file (canonical JSON, without LF). */
  @Column({ type: 'text', nullable: true })
  line!: string | null;

  @Column({ name: 'line_hash', type: 'text', nullable: true })
  lineHash!: string | null;
}
