import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';
import { DiscussionSession } from './discussion-session.entity';

/**
 * A request to put a session's notice up for less than the body's notice period (缩短会议通知期),
 * as for a vote: asked with a reason of substance by whoever runs the session, decided by a second
 * person who supervises the unit from above (staff or admin of its community or street), neither
 * the one who asked nor the one who scheduled it. One waits at a time.
 */
@Entity('session_shortening')
@Index('session_shortening_one_pending', ['sessionId'], { unique: true, where: `"status" = 'pending'` })
@Index('session_shortening_session_idx', ['sessionId', 'requestedAt'])
@Check('session_shortening_status_valid', `"status" IN ('pending', 'approved', 'refused')`)
@Check('session_shortening_decided', `("status" = 'pending') = ("decided_by" IS NULL) AND ("decided_by" IS NULL) = ("decided_at" IS NULL) AND ("decided_by" IS NULL) = ("decision_note" IS NULL)`)
@Check('session_shortening_second_person', `"decided_by" IS NULL OR "decided_by" <> "requested_by"`)
@Check('session_shortening_decider_role', `"decider_role" IS NULL OR "decider_role" IN ('staff', 'admin')`)
export class SessionShortening {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_shortening_session_fk' })
  session?: DiscussionSession;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'session_shortening_requested_by_fk' })
  requester?: User;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'approved' | 'refused';

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'session_shortening_decided_by_fk' })
  decider?: User;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  /** The grant the decider acted under (the nearest supervising grant above the session's node). */
  @Column({ name: 'decider_role', type: 'text', nullable: true })
  deciderRole!: 'staff' | 'admin' | null;

  @Column({ name: 'decider_node_id', type: 'uuid', nullable: true })
  deciderNodeId!: string | null;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decider_node_id', foreignKeyConstraintName: 'session_shortening_decider_node_fk' })
  deciderNode?: OrgNode;
}
