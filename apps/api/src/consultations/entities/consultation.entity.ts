import type { ConsultationPhase } from '@yishi/contracts';
import type { RuleSetId } from '@yishi/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A consultation (议事 / 征求意见) on a draft, opened on a node — a unit, or a community for an
 * area joint committee across several units — and decided later under its rule set.
 */
@Entity('consultation')
@Index('consultation_owner_idx', ['ownerNodeId', 'createdAt'])
@Check('consultation_title_length', `length(btrim("title")) BETWEEN 1 AND 200`)
@Check('consultation_summary_length', `length("summary") <= 4000`)
@Check('consultation_phase_valid', `"phase" IN ('draft', 'briefing', 'comment', 'revision', 'voting', 'notice', 'follow_up')`)
@Check(
  'consultation_rule_set_valid',
  `"rule_set" IN ('cc278-ordinary', 'cc278-major', 'rceo-27', 'rceo-28', 'rceo-15', 'vcl-22', 'vcl-26', 'vcl-28', 'lml-63', 'simple-majority')`,
)
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The node the consultation is run from: its convenors and staff manage it. */
  @Column({ name: 'owner_node_id', type: 'uuid' })
  ownerNodeId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_node_id', foreignKeyConstraintName: 'consultation_owner_node_fk' })
  ownerNode?: OrgNode;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** The rule set under which the competent body will decide (the body follows from it). */
  @Column({ name: 'rule_set', type: 'text' })
  ruleSet!: RuleSetId;

  @Column({ type: 'text', default: 'draft' })
  phase!: ConsultationPhase;

  @Column({ name: 'phase_changed_at', type: 'timestamptz', default: () => 'now()' })
  phaseChangedAt!: Date;

  /** Set when the "comment period ends soon" reminder went out (so it goes out once). */
  @Column({ name: 'comment_reminder_sent_at', type: 'timestamptz', nullable: true })
  commentReminderSentAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'consultation_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
