import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { DiscussionSession } from './discussion-session.entity';

/**
 * A written proxy recorded at a session's door (委托书): the principal, on an invited roll and not
 * in the room, is represented by the agent, who is checked in. One per principal and session.
 */
@Entity('session_proxy')
@Index('session_proxy_principal_unique', ['sessionId', 'principalType', 'principalId'], { unique: true })
@Check('session_proxy_person_types_valid', `"principal_type" IN ('owner', 'member') AND "agent_type" IN ('owner', 'member', 'guest')`)
@Check('session_proxy_not_oneself', `("principal_type", "principal_id") IS DISTINCT FROM ("agent_type", "agent_id")`)
@Check('session_proxy_written', `"written"`)
export class SessionProxy {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_proxy_session_fk' })
  session?: DiscussionSession;

  @Column({ name: 'principal_type', type: 'text' })
  principalType!: 'owner' | 'member';

  @Column({ name: 'principal_id', type: 'uuid' })
  principalId!: string;

  /** An owner or member of the rolls, or — where the rule lets anyone hold an owner's proxy — a guest on no roll (session_guest). */
  @Column({ name: 'agent_type', type: 'text' })
  agentType!: 'owner' | 'member' | 'guest';

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  /** A signed, written authorisation was shown at the door (the law counts no other). */
  @Column({ type: 'boolean' })
  written!: boolean;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'session_proxy_recorded_by_fk' })
  recorder?: User;
}
