import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VoteVoter } from './vote-voter.entity';
import { Vote } from './vote.entity';

/**
 * A secret vote's marked roll: who has voted (once, final), by which channel, for whom as agent.
 * What they chose is in vote_box, and nothing in the database links the two.
 */
@Entity('vote_mark')
@Check('vote_mark_channel_valid', `"channel" IN ('online', 'paper', 'meeting')`)
export class VoteMark {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_mark_vote_fk' })
  vote?: Vote;

  @PrimaryColumn({ name: 'voter_id', type: 'text' })
  voterId!: string;

  @ManyToOne(() => VoteVoter, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'vote_id', referencedColumnName: 'voteId', foreignKeyConstraintName: 'vote_mark_voter_fk' },
    { name: 'voter_id', referencedColumnName: 'voterId', foreignKeyConstraintName: 'vote_mark_voter_fk' },
  ])
  voter?: VoteVoter;

  @Column({ type: 'text' })
  channel!: 'online' | 'paper' | 'meeting';

  @Column({ type: 'jsonb', nullable: true })
  proxy!: { agent: string; written: boolean } | null;
}
