import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';
import { Vote } from './vote.entity';

export const SHORTENING_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ShorteningStatus = (typeof SHORTENING_STATUSES)[number];

/**
 * A request to open a vote before its legal notice has run, or to let it run for less than its
 * rule set's shortest window (缩短公告期或表决期): who asked, when and why, and the decision of a
 * second person who supervises the unit (staff or admin on its community or street) — who, in
 * which role on which node, when, with their note. A vote opens early or short only under an
 * approved one (a trigger on vote checks it); a decided request never changes (a trigger too).
 */
@Entity('vote_shortening')
@Index('vote_shortening_vote_idx', ['voteId', 'requestedAt'])
@Index('vote_shortening_one_pending', ['voteId'], { unique: true, where: `"status" = 'pending'` })
@Check('vote_shortening_status_valid', `"status" IN ('pending', 'approved', 'refused')`)
@Check('vote_shortening_shortens_something', `"shortens_notice" OR "shortens_window"`)
@Check('vote_shortening_reason_length', `char_length(btrim("reason")) BETWEEN 15 AND 500`)
@Check('vote_shortening_window_order', `"closes_at" > "opens_at"`)
@Check(
  'vote_shortening_decided_together',
  `("status" = 'pending') = ("decided_by" IS NULL) AND ("decided_by" IS NULL) = ("decided_at" IS NULL) AND ("decided_by" IS NULL) = ("decision_note" IS NULL) AND ("decided_by" IS NULL) = ("decider_role" IS NULL) AND ("decided_by" IS NULL) = ("decider_node_id" IS NULL)`,
)
@Check('vote_shortening_second_person', `"decided_by" IS NULL OR "decided_by" <> "requested_by"`)
@Check('vote_shortening_decider_role_valid', `"decider_role" IS NULL OR "decider_role" IN ('staff', 'admin')`)
@Check('vote_shortening_note_length', `"decision_note" IS NULL OR char_length(btrim("decision_note")) BETWEEN 2 AND 500`)
export class VoteShortening {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_shortening_vote_fk' })
  vote?: Vote;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'vote_shortening_requested_by_fk' })
  requester?: User;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  /** Why the notice or the window must be shorter: a reason of substance (libs/domain `reasonProblem`). */
  @Column({ type: 'text' })
  reason!: string;

  /** When voting is to open: before the notice ends, and/or leaving less than the shortest window. */
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  /** The vote's close as announced (it never moves). */
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  /** The vote's notice end, for the reader. */
  @Column({ name: 'notice_ends_at', type: 'timestamptz' })
  noticeEndsAt!: Date;

  @Column({ name: 'shortens_notice', type: 'boolean' })
  shortensNotice!: boolean;

  @Column({ name: 'shortens_window', type: 'boolean' })
  shortensWindow!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: ShorteningStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'vote_shortening_decided_by_fk' })
  decider?: User | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  /** The supervising grant the decider acted under: its role … */
  @Column({ name: 'decider_role', type: 'text', nullable: true })
  deciderRole!: 'staff' | 'admin' | null;

  /** … and the node it is granted on (a community or street above the unit). */
  @Column({ name: 'decider_node_id', type: 'uuid', nullable: true })
  deciderNodeId!: string | null;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decider_node_id', foreignKeyConstraintName: 'vote_shortening_decider_node_fk' })
  deciderNode?: OrgNode | null;
}
