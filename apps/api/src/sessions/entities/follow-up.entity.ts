import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { AgendaItem } from './agenda-item.entity';
import { DiscussionSession } from './discussion-session.entity';

export const FOLLOW_UP_STATES = ['open', 'in_progress', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/**
 * A decision to carry out (议定事项): who is responsible, by when, and how it stands. Residents of
 * the invited units see the list; an item past its date and not done is flagged to the convenor.
 */
@Entity('session_follow_up')
@Index('session_follow_up_session_idx', ['sessionId'])
@Index('session_follow_up_due_idx', ['dueOn'], { where: `"state" <> 'done'` })
@Check('session_follow_up_state_valid', `"state" IN ('open', 'in_progress', 'done')`)
@Check('session_follow_up_title_length', `char_length(btrim("title")) BETWEEN 1 AND 200`)
@Check('session_follow_up_responsible_length', `char_length(btrim("responsible")) BETWEEN 1 AND 100`)
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_follow_up_session_fk' })
  session?: DiscussionSession;

  /** The agenda item whose decision it carries out. */
  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'session_follow_up_item_fk' })
  item?: AgendaItem;

  @Column({ type: 'text' })
  title!: string;

  /** The person or body responsible (物业公司, 业委会, 经济社理事会…). */
  @Column({ type: 'text' })
  responsible!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text', default: 'open' })
  state!: FollowUpState;

  /** When the convenor was told it is overdue (once per item). */
  @Column({ name: 'overdue_flagged_at', type: 'timestamptz', nullable: true })
  overdueFlaggedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'session_follow_up_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A status update of a follow-up item, with photos of the work (stored files). */
@Entity('session_follow_up_update')
@Index('session_follow_up_update_item_idx', ['followUpId', 'at'])
@Check('session_follow_up_update_state_valid', `"state" IN ('open', 'in_progress', 'done')`)
@Check('session_follow_up_update_note_length', `char_length(btrim("note")) BETWEEN 1 AND 2000`)
@Check('session_follow_up_update_photos', `cardinality("photo_ids") <= 6`)
export class FollowUpUpdate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'follow_up_id', type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'session_follow_up_update_item_fk' })
  followUp?: FollowUp;

  @Column({ type: 'text' })
  state!: FollowUpState;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'photo_ids', type: 'uuid', array: true, default: () => `'{}'` })
  photoIds!: string[];

  @Column({ name: 'by', type: 'uuid' })
  by!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by', foreignKeyConstraintName: 'session_follow_up_update_by_fk' })
  author?: User;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
