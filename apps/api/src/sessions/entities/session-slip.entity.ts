import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Vote } from '../../votes/entities/vote.entity';
import { AgendaItem } from './agenda-item.entity';

export type SlipStatus = 'entered' | 'counted' | 'refused';

/**
 * A paper slip handed in in the room (现场表决票), entered once by a teller and confirmed by a
 * scrutineer, who is another person: then it is cast on the vote's channel `meeting` in the same
 * transaction, or refused with the reason (the voter had already voted in a way the vote's rule
 * keeps). A secret vote's slip forgets its choice once counted.
 */
@Entity('session_slip')
@Index('session_slip_voter_live', ['itemId', 'voterId'], { unique: true, where: `"status" <> 'refused'` })
@Check('session_slip_status_valid', `"status" IN ('entered', 'counted', 'refused')`)
@Check('session_slip_confirmed_by_another', `"confirmed_by" IS NULL OR "confirmed_by" <> "entered_by"`)
@Check('session_slip_settled', `("status" = 'entered') = ("confirmed_by" IS NULL)`)
@Check('session_slip_refusal_reason', `("status" = 'refused') = ("refusal" IS NOT NULL)`)
export class SessionSlip {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'session_slip_item_fk' })
  item?: AgendaItem;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'session_slip_vote_fk' })
  vote?: Vote;

  /** The voter of the vote's frozen electorate the slip is for. */
  @Column({ name: 'voter_id', type: 'text' })
  voterId!: string;

  /** What the slip says; null once a secret vote's slip is counted. */
  @Column({ type: 'jsonb', nullable: true })
  choice!: unknown;

  @Column({ type: 'text', default: 'entered' })
  status!: SlipStatus;

  @Column({ name: 'entered_by', type: 'uuid' })
  enteredBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entered_by', foreignKeyConstraintName: 'session_slip_entered_by_fk' })
  enterer?: User;

  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' })
  enteredAt!: Date;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by', foreignKeyConstraintName: 'session_slip_confirmed_by_fk' })
  confirmer?: User;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** Why a slip was not counted (a stable reason code). */
  @Column({ type: 'text', nullable: true })
  refusal!: string | null;

  /** The receipt of the ballot it cast, and the online receipt it superseded. */
  @Column({ type: 'text', nullable: true })
  receipt!: string | null;

  @Column({ name: 'superseded_receipt', type: 'text', nullable: true })
  supersededReceipt!: string | null;
}
