import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { VoteVoter } from './vote-voter.entity';
import { Vote } from './vote.entity';

/**
 * A named vote's counted ballot: exactly one per voter (the primary key), the voter's last cast.
 * Casting again replaces it (where the vote allows changes); every cast stays in the chain.
 */
@Entity('ballot')
@Check('ballot_channel_valid', `"channel" IN ('online', 'paper', 'meeting')`)
@Check('ballot_receipt_format', `"receipt" ~ '^b-[0-9a-f]{12}$'`)
export class Ballot {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'ballot_vote_fk' })
  vote?: Vote;

  @PrimaryColumn({ name: 'voter_id', type: 'text' })
  voterId!: string;

  @ManyToOne(() => VoteVoter, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'vote_id', referencedColumnName: 'voteId', foreignKeyConstraintName: 'ballot_voter_fk' },
    { name: 'voter_id', referencedColumnName: 'voterId', foreignKeyConstraintName: 'ballot_voter_fk' },
  ])
  voter?: VoteVoter;

  /** `"approve"`, `"oppose"`, `"abstain"` or `{ "option": id }`. */
  @Column({ type: 'jsonb' })
  choice!: string | { option: string };

  @Column({ type: 'text' })
  channel!: 'online' | 'paper' | 'meeting';

  /** `{ agent, written }` when cast for the voter by their agent. */
  @Column({ type: 'jsonb', nullable: true })
  proxy!: { agent: string; written: boolean } | null;

  /** The ballot id of the last cast: the voter's receipt, findable on the bulletin board. */
  @Column({ type: 'text' })
  receipt!: string;

  @Column({ name: 'cast_at', type: 'timestamptz' })
  castAt!: Date;

  @Column({ name: 'cast_by', type: 'uuid', nullable: true })
  castBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'cast_by', foreignKeyConstraintName: 'ballot_cast_by_fk' })
  caster?: User | null;

  /** How many times the voter's ballot was cast (1 for the first). */
  @Column({ type: 'integer', default: 1 })
  casts!: number;

  /** Receipt of the online ballot a paper ballot superseded, shown to the voter. */
  @Column({ name: 'superseded_receipt', type: 'text', nullable: true })
  supersededReceipt!: string | null;
}
