import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { DiscussionSession } from './discussion-session.entity';

export const OFFICER_ROLES = ['chair', 'recorder', 'teller', 'scrutineer'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/**
 * Who runs the room (会议主持、记录、计票、监票): one chair, one recorder, tellers who enter the
 * paper slips and scrutineers who confirm them. The database keeps the chair and the recorder
 * single, and nobody both a teller and a scrutineer (a slip is confirmed by someone other than
 * the one who entered it).
 */
@Entity('session_officer')
@Index('session_officer_one_chair', ['sessionId'], { unique: true, where: `"role" = 'chair'` })
@Index('session_officer_one_recorder', ['sessionId'], { unique: true, where: `"role" = 'recorder'` })
@Index('session_officer_count_or_watch', ['sessionId', 'userId'], { unique: true, where: `"role" = ANY (ARRAY['teller', 'scrutineer'])` })
@Index('session_officer_user_idx', ['userId'])
@Check('session_officer_role_valid', `"role" IN ('chair', 'recorder', 'teller', 'scrutineer')`)
export class SessionOfficer {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_officer_session_fk' })
  session?: DiscussionSession;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'session_officer_user_fk' })
  user?: User;

  @PrimaryColumn({ type: 'text' })
  role!: OfficerRole;
}
