import type { MessageChannel, OutboundKind } from '@yishi/contracts';
import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/**
 * How a person wants to hear of votes, meetings and consultations beyond the in-app inbox. No row
 * means the default: SMS to the account's number, every outbound kind.
 */
@Entity('message_preference')
@Check('message_preference_channel_valid', `"channel" IN ('app', 'sms', 'wechat')`)
@Check('message_preference_wechat_bound', `"channel" <> 'wechat' OR "wechat_openid" IS NOT NULL`)
@Check(
  'message_preference_muted_valid',
  `"muted_kinds" <@ ARRAY['vote_opened', 'vote_reminder', 'vote_result', 'session_announced', 'consultation_opened', 'comment_period_ending']::text[]`,
)
export class MessagePreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'message_preference_user_fk' })
  user?: User;

  /** `app`: the inbox only (opted out of texts); `sms`; `wechat` (needs a bound account). */
  @Column({ type: 'text', default: 'sms' })
  channel!: MessageChannel;

  /** Kinds the person does not want beyond the inbox. */
  @Column({ name: 'muted_kinds', type: 'text', array: true, default: () => `'{}'` })
  mutedKinds!: OutboundKind[];

  /** The person's id with the service account (from WeChat's sign-in), once bound. */
  @Index('message_preference_openid_unique', { unique: true })
  @Column({ name: 'wechat_openid', type: 'text', nullable: true })
  wechatOpenid!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
