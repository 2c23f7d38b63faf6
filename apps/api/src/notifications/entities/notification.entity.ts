import type { NotificationKind } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** A message in a person's in-app inbox. The web app words it by `kind` from `params`. */
@Entity('notification')
@Index('notification_user_idx', ['userId', 'createdAt'])
@Index('notification_unread_idx', ['userId'], { where: `"read_at" IS NULL` })
@Index('notification_outbox_idx', ['createdAt'], { where: `"delivered_at" IS NULL` })
@Check(
  'notification_kind_valid',
  `"kind" IN ('topic_screened', 'consultation_opened', 'phase_changed', 'comment_replied', 'comment_hidden', 'comment_period_ending', 'draft_published', 'briefing_cancelled', 'vote_opened', 'vote_reminder', 'vote_result', 'vote_final', 'roll_unlinked', 'session_announced', 'minutes_published', 'follow_up_overdue', 'password_reset_in_person')`,
)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_user_fk' })
  user?: User;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** What the message is about (titles, outcomes, dates), for wording it in either language. */
  @Column({ type: 'jsonb' })
  params!: Record<string, string | number | boolean | null>;

  /** The page it leads to, e.g. `/consultations/<id>#comment-<id>`. */
  @Column({ type: 'text' })
  link!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** When the other channels (SMS, WeChat) were told; null while waiting in the outbox. */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
