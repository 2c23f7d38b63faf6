import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';
import { DiscussionSession } from './discussion-session.entity';
import { SessionGuest } from './session-guest.entity';

/**
 * A request to speak (申请发言), from a phone or at the desk, by a person in the room (of an
 * invited roll, or a guest): queued, called by the chair, finished; or withdrawn.
 */
@Entity('session_speech')
@Index('session_speech_session_idx', ['sessionId', 'requestedAt'])
@Index('session_speech_one_waiting', ['sessionId', 'speakerKey'], { unique: true, where: `"ended_at" IS NULL AND "withdrawn_at" IS NULL` })
@Index('session_speech_one_speaking', ['sessionId'], { unique: true, where: `"called_at" IS NOT NULL AND "ended_at" IS NULL AND "withdrawn_at" IS NULL` })
@Check('session_speech_person_or_guest', `(("person_type" IS NOT NULL AND "person_id" IS NOT NULL) <> ("guest_id" IS NOT NULL)) AND ("person_type" IS NULL OR "person_type" IN ('owner', 'member'))`)
@Check('session_speech_via_valid', `"via" IN ('phone', 'desk')`)
@Check('session_speech_order', `("ended_at" IS NULL OR "called_at" IS NOT NULL) AND NOT ("ended_at" IS NOT NULL AND "withdrawn_at" IS NOT NULL)`)
export class SessionSpeech {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_speech_session_fk' })
  session?: DiscussionSession;

  /** The item under discussion when they asked. */
  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId!: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'session_speech_item_fk' })
  item?: AgendaItem;

  @Column({ name: 'person_type', type: 'text', nullable: true })
  personType!: 'owner' | 'member' | null;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ name: 'guest_id', type: 'uuid', nullable: true })
  guestId!: string | null;

  @ManyToOne(() => SessionGuest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'guest_id', foreignKeyConstraintName: 'session_speech_guest_fk' })
  guest?: SessionGuest;

  /** `owner:<id>`, `member:<id>` or `guest:<id>`: one request waiting or speaking per speaker. */
  @Column({ name: 'speaker_key', type: 'text' })
  speakerKey!: string;

  @Column({ type: 'text' })
  via!: 'phone' | 'desk';

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
