import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Vote } from './vote.entity';

/**
 * A secret vote's ballot box: a random ballot id (the voter's receipt) and the choice. No voter,
 * no time, no order: ballots reach this table through vote_box_intake in shuffled batches, so
 * neither the rows nor the transactions that wrote them line up with the marked roll.
 */
@Entity('vote_box')
export class VoteBox {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_box_vote_fk' })
  vote?: Vote;

  @PrimaryColumn({ name: 'ballot_id', type: 'text' })
  ballotId!: string;

  @Column({ type: 'jsonb' })
  choice!: string | { option: string };
}

/**
 * Where a secret ballot waits (written in the same transaction as its mark) until the mixer moves
 * a shuffled batch of them into vote_box in a transaction of its own and deletes them here.
 */
@Entity('vote_box_intake')
export class VoteBoxIntake {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_box_intake_vote_fk' })
  vote?: Vote;

  @PrimaryColumn({ name: 'ballot_id', type: 'text' })
  ballotId!: string;

  @Column({ type: 'jsonb' })
  choice!: string | { option: string };
}
