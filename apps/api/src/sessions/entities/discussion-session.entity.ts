import type { SessionKind } from '@yishi/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';

export type SessionStatus = 'draft' | 'announced' | 'cancelled';

/** Who of the invited units' rolls is invited: everyone on them, or the building heads (楼长) among them. */
export const SESSION_INVITES = ['rolls', 'building_heads'] as const;
export type SessionInvite = (typeof SESSION_INVITES)[number];

/**
 * A discussion session (议事会) of a unit, or a joint meeting (联席会议) of a community's joint body
 * over some of its units: a time, a place, and the rolls whose people are invited.
 */
@Entity('discussion_session')
@Index('discussion_session_node_idx', ['nodeId', 'startsAt'])
@Check('discussion_session_kind_valid', `"kind" IN ('consultative', 'owners_meeting', 'member_assembly', 'representative_assembly', 'joint_meeting')`)
@Check('discussion_session_status_valid', `"status" IN ('draft', 'announced', 'cancelled')`)
@Check('discussion_session_dates_order', `"ends_at" > "starts_at"`)
@Check('discussion_session_title_length', `char_length(btrim("title")) BETWEEN 1 AND 200`)
@Check('discussion_session_place_length', `char_length(btrim("place")) BETWEEN 1 AND 200`)
@Check('discussion_session_announced_with_notice', `("announced_at" IS NULL) = ("notice_ends_at" IS NULL) AND ("status" <> 'announced' OR "announced_at" IS NOT NULL)`)
@Check('discussion_session_invite_valid', `"invite" IN ('rolls', 'building_heads') AND ("invite" = 'rolls' OR "kind" IN ('consultative', 'joint_meeting'))`)
@Check('discussion_session_notice_kept', `"notice_ends_at" IS NULL OR "notice_ends_at" <= "starts_at"`)
export class DiscussionSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The node that holds the session: the unit itself, or the community of a joint meeting. */
  @Column({ name: 'node_id', type: 'uuid' })
  nodeId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'discussion_session_node_fk' })
  node?: OrgNode;

  @Column({ type: 'text' })
  kind!: SessionKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  place!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text', default: 'draft' })
  status!: SessionStatus;

  /** A consultative session or a joint meeting may invite only the building heads; a body's meeting invites its whole roll. */
  @Column({ type: 'text', default: 'rolls' })
  invite!: SessionInvite;

  /** When the notice went up; the end of the body's notice period from then (no later than the start). */
  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true })
  announcedAt!: Date | null;

  @Column({ name: 'notice_ends_at', type: 'timestamptz', nullable: true })
  noticeEndsAt!: Date | null;

  /** The item the room is on now (the screen shows it), and for a draft the clause being read. */
  @Column({ name: 'current_item_id', type: 'uuid', nullable: true })
  currentItemId!: string | null;

  // Named by string: the agenda item's entity imports this one.
  @ManyToOne('AgendaItem', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'current_item_id', foreignKeyConstraintName: 'discussion_session_current_item_fk' })
  currentItem?: unknown;

  @Column({ name: 'current_clause_id', type: 'uuid', nullable: true })
  currentClauseId!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'discussion_session_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A unit whose roll is invited to a session (for a unit's own session, that unit). */
@Entity('session_unit')
@Index('session_unit_unit_idx', ['unitId'])
export class SessionUnit {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_unit_session_fk' })
  session?: DiscussionSession;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'session_unit_unit_fk' })
  unit?: OrgNode;
}
