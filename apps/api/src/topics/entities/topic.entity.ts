import type { IntakeChannel, TopicStatus } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Consultation } from '../../consultations/entities/consultation.entity';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A matter a resident raises (议题), online or through an offline channel recorded by staff or a
 * building head. Screening accepts it into a consultation, merges it into another topic, or
 * declines it with a reason shown publicly.
 */
@Entity('topic')
@Index('topic_unit_status_idx', ['unitId', 'status', 'createdAt'])
@Check('topic_channel_valid', `"channel" IN ('online', 'suggestion_box', 'field_visit', 'hotline', 'building_head', 'meeting', 'briefing', 'paper')`)
@Check('topic_status_valid', `"status" IN ('open', 'accepted', 'merged', 'declined')`)
@Check('topic_title_length', `length(btrim("title")) BETWEEN 1 AND 100`)
@Check('topic_body_length', `length("body") <= 2000`)
@Check('topic_online_has_author', `("channel" = 'online') = ("author_id" IS NOT NULL AND "recorded_by" IS NULL)`)
@Check('topic_offline_recorded', `"channel" = 'online' OR ("recorded_by" IS NOT NULL AND "collected_on" IS NOT NULL)`)
@Check('topic_anonymous_has_no_name', `NOT ("is_anonymous" AND "resident_name" IS NOT NULL)`)
@Check('topic_accepted_has_consultation', `("status" = 'accepted') = ("consultation_id" IS NOT NULL)`)
@Check('topic_merged_has_target', `("status" = 'merged') = ("merged_into_id" IS NOT NULL)`)
@Check('topic_declined_has_reason', `"status" <> 'declined' OR length(btrim(coalesce("decision_reason", ''))) > 0`)
@Check('topic_screened_when_decided', `("status" = 'open') = ("screened_at" IS NULL)`)
export class Topic {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'topic_unit_fk' })
  unit?: OrgNode;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  channel!: IntakeChannel;

  /** Who submitted it online. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'topic_author_fk' })
  author?: User | null;

  /** Who entered an offline topic. */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'topic_recorded_by_fk' })
  recorder?: User | null;

  /** Who collected it offline (a building head's name, "走访小组"), as written on the paper. */
  @Column({ name: 'collector_name', type: 'text', nullable: true })
  collectorName!: string | null;

  @Column({ name: 'collected_on', type: 'date', nullable: true })
  collectedOn!: string | null;

  /** The resident's name as given offline; null when anonymous or online. */
  @Column({ name: 'resident_name', type: 'text', nullable: true })
  residentName!: string | null;

  @Column({ name: 'is_anonymous', type: 'boolean', default: false })
  isAnonymous!: boolean;

  @Column({ type: 'text', default: 'open' })
  status!: TopicStatus;

  @Index('topic_consultation_idx')
  @Column({ name: 'consultation_id', type: 'uuid', nullable: true })
  consultationId!: string | null;

  @ManyToOne(() => Consultation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'topic_consultation_fk' })
  consultation?: Consultation | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => Topic, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'topic_merged_into_fk' })
  mergedInto?: Topic | null;

  /** Why it was declined (shown publicly), or a note on acceptance or merging. */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'screened_by', type: 'uuid', nullable: true })
  screenedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'screened_by', foreignKeyConstraintName: 'topic_screened_by_fk' })
  screener?: User | null;

  @Column({ name: 'screened_at', type: 'timestamptz', nullable: true })
  screenedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
