import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Vote } from './vote.entity';

/** An objection (异议) to a provisional result, and the answer it got before the final notice. */
@Entity('vote_objection')
@Index('vote_objection_vote_idx', ['voteId', 'createdAt'])
@Check('vote_objection_body_length', `length(btrim("body")) BETWEEN 1 AND 2000`)
@Check('vote_objection_answered_together', `("answer" IS NULL) = ("answered_by" IS NULL) AND ("answer" IS NULL) = ("answered_at" IS NULL)`)
export class VoteObjection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_objection_vote_fk' })
  vote?: Vote;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'vote_objection_user_fk' })
  user?: User;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'answered_by', foreignKeyConstraintName: 'vote_objection_answered_by_fk' })
  answerer?: User | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
