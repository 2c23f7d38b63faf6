import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DraftVersion } from '../../consultations/entities/draft-version.entity';
import { Topic } from '../../topics/entities/topic.entity';
import { User } from '../../users/entities/user.entity';
import { Vote } from '../../votes/entities/vote.entity';
import { DiscussionSession } from './discussion-session.entity';

export type AgendaItemKind = 'topic' | 'draft' | 'vote' | 'free';

/**
 * An item of a session's agenda (议程): a screened topic, a published version of a consultation's
 * draft (its 宣讲), a vote the session is the meeting of, or a free item. Added after the notice
 * went up, it carries the reason it could not wait; deferred, it stays on the record with why.
 */
@Entity('session_agenda_item')
@Index('session_agenda_item_session_idx', ['sessionId', 'position'])
@Check('session_agenda_item_kind_valid', `"kind" IN ('topic', 'draft', 'vote', 'free')`)
@Check(
  'session_agenda_item_one_link',
  `("kind" = 'topic') = ("topic_id" IS NOT NULL) AND ("kind" = 'draft') = ("version_id" IS NOT NULL) AND ("kind" = 'vote') = ("vote_id" IS NOT NULL)`,
)
@Check('session_agenda_item_title_length', `char_length(btrim("title")) BETWEEN 1 AND 200`)
@Check('session_agenda_item_position_positive', `"position" > 0`)
@Check('session_agenda_item_deferred_with_reason', `("deferred_at" IS NULL) = ("deferred_reason" IS NULL)`)
@Check('session_agenda_item_room_voting_order', `("room_closed_at" IS NULL OR ("room_opened_at" IS NOT NULL AND "room_closed_at" >= "room_opened_at")) AND ("room_opened_at" IS NULL OR "kind" = 'vote')`)
@Check(
  'session_agenda_item_hands',
  `("hands_at" IS NULL) = ("hands_for" IS NULL) AND ("hands_at" IS NULL) = ("hands_against" IS NULL) AND ("hands_at" IS NULL) = ("hands_abstain" IS NULL) AND ("hands_at" IS NULL) = ("hands_by" IS NULL)
   AND coalesce("hands_for", 0) >= 0 AND coalesce("hands_against", 0) >= 0 AND coalesce("hands_abstain", 0) >= 0 AND ("hands_at" IS NULL OR "kind" <> 'vote')`,
)
@Check('session_agenda_item_gist_length', `char_length("gist") <= 4000`)
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => DiscussionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_agenda_item_session_fk' })
  session?: DiscussionSession;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  kind!: AgendaItemKind;

  @Column({ name: 'topic_id', type: 'uuid', nullable: true })
  topicId!: string | null;

  @ManyToOne(() => Topic, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id', foreignKeyConstraintName: 'session_agenda_item_topic_fk' })
  topic?: Topic;

  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId!: string | null;

  @ManyToOne(() => DraftVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'session_agenda_item_version_fk' })
  version?: DraftVersion;

  @Column({ name: 'vote_id', type: 'uuid', nullable: true })
  voteId!: string | null;

  @ManyToOne(() => Vote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'session_agenda_item_vote_fk' })
  vote?: Vote;

  @Column({ type: 'text' })
  title!: string;

  /** Why an item added after the notice went up could not wait for another session. */
  @Column({ name: 'urgent_reason', type: 'text', nullable: true })
  urgentReason!: string | null;

  @Column({ name: 'deferred_at', type: 'timestamptz', nullable: true })
  deferredAt!: Date | null;

  @Column({ name: 'deferred_reason', type: 'text', nullable: true })
  deferredReason!: string | null;

  /** What was said (发言要点), noted by the recorder. */
  @Column({ type: 'text', default: '' })
  gist!: string;

  /** A vote item: when the chair opened and closed voting in the room (the vote's own period still bounds it). */
  @Column({ name: 'room_opened_at', type: 'timestamptz', nullable: true })
  roomOpenedAt!: Date | null;

  @Column({ name: 'room_closed_at', type: 'timestamptz', nullable: true })
  roomClosedAt!: Date | null;

  /** Any other item: a show of hands (举手表决) counted by a teller — an indication of the room, never a legal decision. */
  @Column({ name: 'hands_for', type: 'integer', nullable: true })
  handsFor!: number | null;

  @Column({ name: 'hands_against', type: 'integer', nullable: true })
  handsAgainst!: number | null;

  @Column({ name: 'hands_abstain', type: 'integer', nullable: true })
  handsAbstain!: number | null;

  @Column({ name: 'hands_by', type: 'uuid', nullable: true })
  handsBy!: string | null;

  @Column({ name: 'hands_at', type: 'timestamptz', nullable: true })
  handsAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'session_agenda_item_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
