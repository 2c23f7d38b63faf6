import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Vote } from './vote.entity';

/**
 * A reminder the convenor set: so many hours before closing, everyone on the electorate who has
 * not taken part yet is told again (inbox, and their text channel). Claimed once by setting
 * `sent_at`, so two instances never send it twice.
 */
@Entity('vote_reminder')
@Check('vote_reminder_hours_range', `"hours_before" BETWEEN 1 AND 720`)
@Check('vote_reminder_recipients_when_sent', `("sent_at" IS NULL) = ("recipients" IS NULL)`)
export class VoteReminder {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_reminder_vote_fk' })
  vote?: Vote;

  @PrimaryColumn({ name: 'hours_before', type: 'integer' })
  hoursBefore!: number;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** How many accounts it went to. */
  @Column({ type: 'integer', nullable: true })
  recipients!: number | null;
}
