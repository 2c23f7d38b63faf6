import type { DeliveryState } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Notification } from '../../notifications/entities/notification.entity';
import { User } from '../../users/entities/user.entity';

/**
 * The delivery log: one text message (SMS or WeChat) for one inbox notice, with what was sent, to
 * where, and what became of it. One row per notice at most, so a notice is never texted twice;
 * a row is claimed (`sending`) in its own committed step before it is handed to the provider.
 */
@Entity('message_delivery')
@Index('message_delivery_notification_unique', ['notificationId'], { unique: true })
@Index('message_delivery_due_idx', ['nextAttemptAt'], { where: `"state" = 'pending'` })
@Index('message_delivery_user_idx', ['userId', 'createdAt'])
@Check('message_delivery_channel_valid', `"channel" IN ('sms', 'wechat')`)
@Check('message_delivery_state_valid', `"state" IN ('pending', 'sending', 'sent', 'failed', 'skipped')`)
@Check('message_delivery_sent_when_sent', `("state" = 'sent') = ("sent_at" IS NOT NULL)`)
@Check('message_delivery_claimed_when_sending', `"state" <> 'sending' OR "claimed_at" IS NOT NULL`)
@Check('message_delivery_attempts_range', `"attempts" BETWEEN 0 AND 20`)
@Check('message_delivery_why_not_sent', `"state" NOT IN ('failed', 'skipped') OR "last_error" IS NOT NULL`)
export class MessageDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'message_delivery_notification_fk' })
  notification?: Notification;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'message_delivery_user_fk' })
  user?: User;

  @Column({ type: 'text' })
  channel!: 'sms' | 'wechat';

  /** The mobile number or the WeChat openid it went to. */
  @Column({ type: 'text' })
  address!: string;

  /** The text as sent (SMS) or the template's summary (WeChat). */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', default: 'pending' })
  state!: DeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Not before (quiet hours, the back-off after a failure). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** Worth sending until (a vote's closing); after it the message is skipped as expired. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The provider's id for the message (SMS gateway id, WeChat msgid). */
  @Column({ name: 'provider_ref', type: 'text', nullable: true })
  providerRef!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
