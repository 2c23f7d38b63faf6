import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { DiscussionSession } from './discussion-session.entity';

/**
 * A version of a session's minutes (会议纪要): drafted from the record, completed by the recorder,
 * confirmed by the chair and by a scrutineer, then published to the invited units' residents.
 * A published version never changes: a correction is the next version, with what changed and why.
 */
@Entity('session_minutes')
@Index('session_minutes_version_unique', ['sessionId', 'version'], { unique: true })
@Index('session_minutes_one_open', ['sessionId'], { unique: true, where: `"published_at" IS NULL` })
@Check('session_minutes_version_positive', `"version" > 0`)
@Check('session_minutes_body_length', `char_length("body") BETWEEN 1 AND 40000`)
@Check('session_minutes_published_confirmed', `"published_at" IS NULL OR ("chair_confirmed_at" IS NOT NULL AND "scrutineer_confirmed_at" IS NOT NULL)`)
@Check('session_minutes_confirmed_by', `("chair_confirmed_at" IS NULL) = ("chair_confirmed_by" IS NULL) AND ("scrutineer_confirmed_at" IS NULL) = ("scrutineer_confirmed_by" IS NULL)`)
@Check('session_minutes_two_confirmers', `"chair_confirmed_by" IS NULL OR "scrutineer_confirmed_by" IS NULL OR "chair_confirmed_by" <> "scrutineer_confirmed_by"`)
@Check('session_minutes_correction_reason', `("version" = 1) = ("correction_reason" IS NULL)`)
export class SessionMinutes {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_minutes_session_fk' })
  session?: DiscussionSession;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  body!: string;

  /** Why a published version was corrected (versions after the first). */
  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason!: string | null;

  @Column({ name: 'edited_by', type: 'uuid' })
  editedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edited_by', foreignKeyConstraintName: 'session_minutes_edited_by_fk' })
  editor?: User;

  @Column({ name: 'edited_at', type: 'timestamptz', default: () => 'now()' })
  editedAt!: Date;

  @Column({ name: 'chair_confirmed_by', type: 'uuid', nullable: true })
  chairConfirmedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_confirmed_by', foreignKeyConstraintName: 'session_minutes_chair_fk' })
  chair?: User;

  @Column({ name: 'chair_confirmed_at', type: 'timestamptz', nullable: true })
  chairConfirmedAt!: Date | null;

  @Column({ name: 'scrutineer_confirmed_by', type: 'uuid', nullable: true })
  scrutineerConfirmedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scrutineer_confirmed_by', foreignKeyConstraintName: 'session_minutes_scrutineer_fk' })
  scrutineer?: User;

  @Column({ name: 'scrutineer_confirmed_at', type: 'timestamptz', nullable: true })
  scrutineerConfirmedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
