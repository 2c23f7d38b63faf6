import type { IntakeChannel } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Clause } from '../../consultations/entities/clause.entity';
import { Consultation } from '../../consultations/entities/consultation.entity';
import { DraftVersion } from '../../consultations/entities/draft-version.entity';
import { User } from '../../users/entities/user.entity';

/**
 * An opinion (意见) on a draft version, on the whole or on one clause, online or recorded from an
 * offline channel; replies go one level deep. Plain text only. Moderation hides, never deletes.
 */
@Entity('comment')
@Index('comment_consultation_idx', ['consultationId', 'createdAt'])
@Index('comment_clause_idx', ['clauseId'])
@Index('comment_parent_idx', ['parentId'])
@Index('comment_author_idx', ['authorId'])
@Index('comment_place_idx', ['consultationId', 'versionId', 'clauseId', 'createdAt', 'id'], { where: `"parent_id" IS NULL` })
@Check('comment_body_length', `length(btrim("body")) BETWEEN 1 AND 1000`)
@Check(
  'comment_channel_valid',
  `"channel" IN ('online', 'suggestion_box', 'field_visit', 'hotline', 'building_head', 'meeting', 'briefing', 'paper')`,
)
@Check('comment_online_has_author', `("channel" = 'online') = ("author_id" IS NOT NULL AND "recorded_by" IS NULL)`)
@Check('comment_offline_recorded', `"channel" = 'online' OR ("recorded_by" IS NOT NULL AND "collected_on" IS NOT NULL)`)
@Check('comment_anonymous_has_no_name', `NOT ("is_anonymous" AND "resident_name" IS NOT NULL)`)
@Check('comment_hidden_together', `("hidden_at" IS NULL) = ("hidden_by" IS NULL) AND ("hidden_at" IS NULL) = ("hidden_reason" IS NULL)`)
export class Comment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'comment_consultation_fk' })
  consultation?: Consultation;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => DraftVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'comment_version_fk' })
  version?: DraftVersion;

  /** Null: on the whole draft. */
  @Column({ name: 'clause_id', type: 'uuid', nullable: true })
  clauseId!: string | null;

  @ManyToOne(() => Clause, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'clause_id', foreignKeyConstraintName: 'comment_clause_fk' })
  clause?: Clause | null;

  /** A reply to this comment (which is itself not a reply). */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Comment, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'comment_parent_fk' })
  parent?: Comment | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'comment_author_fk' })
  author?: User | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', default: 'online' })
  channel!: IntakeChannel;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'comment_recorded_by_fk' })
  recorder?: User | null;

  @Column({ name: 'collector_name', type: 'text', nullable: true })
  collectorName!: string | null;

  @Column({ name: 'collected_on', type: 'date', nullable: true })
  collectedOn!: string | null;

  @Column({ name: 'resident_name', type: 'text', nullable: true })
  residentName!: string | null;

  @Column({ name: 'is_anonymous', type: 'boolean', default: false })
  isAnonymous!: boolean;

  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @Column({ name: 'hidden_by', type: 'uuid', nullable: true })
  hiddenBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'hidden_by', foreignKeyConstraintName: 'comment_hidden_by_fk' })
  hider?: User | null;

  /** Shown to the author (and moderators) instead of silence. */
  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
