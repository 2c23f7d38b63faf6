import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { DiscussionSession } from './discussion-session.entity';

/**
 * A named guest on no roll (列席): the property company, community staff, a lawyer. Invited by
 * name, checked in at the desk, listed in the minutes — never counted toward a quorum or a vote.
 */
@Entity('session_guest')
@Index('session_guest_session_idx', ['sessionId'])
@Check('session_guest_name_length', `char_length(btrim("name")) BETWEEN 1 AND 100`)
@Check('session_guest_affiliation_length', `char_length("affiliation") <= 100`)
@Check('session_guest_left_after_arrival', `"left_at" IS NULL OR ("checked_in_at" IS NOT NULL AND "left_at" >= "checked_in_at")`)
export class SessionGuest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_guest_session_fk' })
  session?: DiscussionSession;

  @Column({ type: 'text' })
  name!: string;

  /** Whom they come for: 物业公司, 社区居委会… */
  @Column({ type: 'text', default: '' })
  affiliation!: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'session_guest_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
