import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';
import { DiscussionSession } from './discussion-session.entity';

/**
 * A person of an invited roll checked in (签到) at a session: once per person and session, the
 * database says so; leaving early is recorded on the same row and never removes it.
 */
@Entity('session_attendance')
@Index('session_attendance_person_unique', ['sessionId', 'personType', 'personId'], { unique: true })
@Check('session_attendance_person_type_valid', `"person_type" IN ('owner', 'member')`)
@Check('session_attendance_method_valid', `"method" IN ('desk', 'phone')`)
@Check('session_attendance_left_after_arrival', `"left_at" IS NULL OR "left_at" >= "checked_in_at"`)
export class SessionAttendance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_attendance_session_fk' })
  session?: DiscussionSession;

  /** The invited unit whose roll holds the person. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'session_attendance_unit_fk' })
  unit?: OrgNode;

  @Column({ name: 'person_type', type: 'text' })
  personType!: 'owner' | 'member';

  /** The roll entry (owner or member): the roll's own tables, by id. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  method!: 'desk' | 'phone';

  @Column({ name: 'checked_in_at', type: 'timestamptz', default: () => 'now()' })
  checkedInAt!: Date;

  @Column({ name: 'checked_in_by', type: 'uuid' })
  checkedInBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checked_in_by', foreignKeyConstraintName: 'session_attendance_checked_in_by_fk' })
  recorder?: User;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
}
