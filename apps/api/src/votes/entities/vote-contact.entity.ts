import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Vote } from './vote.entity';

export const CONTACT_OUTCOMES = ['will_come', 'refused', 'not_home'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/**
 * A door-to-door visit to a voter who has not taken part yet (上门动员): "visited, will come to the
 * desk", "refused", or "not at home", recorded by a building head or the convenor. It says nothing of
 * how anyone votes; the latest record per voter shows on the missing list.
 */
@Entity('vote_contact')
@Index('vote_contact_voter_idx', ['voteId', 'voterId', 'at'])
@Check('vote_contact_outcome_valid', `"outcome" IN ('will_come', 'refused', 'not_home')`)
@Check('vote_contact_note_length', `char_length("note") <= 200`)
export class VoteContact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_contact_vote_fk' })
  vote?: Vote;

  @Column({ name: 'voter_id', type: 'text' })
  voterId!: string;

  @Column({ type: 'text' })
  outcome!: ContactOutcome;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'uuid' })
  by!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by', foreignKeyConstraintName: 'vote_contact_by_fk' })
  author?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
