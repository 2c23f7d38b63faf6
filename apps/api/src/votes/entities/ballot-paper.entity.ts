import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFile } from '../../storage/entities/stored-file.entity';
import { User } from '../../users/entities/user.entity';
import { VoteVoter } from './vote-voter.entity';
import { Vote } from './vote.entity';

export const PAPER_STATUSES = ['issued', 'returned', 'entered', 'confirmed', 'disputed', 'void'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];
/** Why a paper is void: voided by staff, voided and reissued, or settled as spoilt from the dispute list. */
export const PAPER_VOID_KINDS = ['void', 'reissued', 'spoilt'] as const;
export type PaperVoidKind = (typeof PAPER_VOID_KINDS)[number];
/** What two readings of a paper disagreed on. */
export const PAPER_DISPUTE_FIELDS = ['choice', 'proxy'] as const;
export type PaperDisputeField = (typeof PAPER_DISPUTE_FIELDS)[number];

/**
 * A numbered ballot paper issued against the roll to one voter, returned, then entered by one
 * staff member and confirmed by a second; a mismatch goes to the dispute list. The scan is kept.
 */
@Entity('ballot_paper')
@Index('ballot_paper_live_voter', ['voteId', 'voterId'], { unique: true, where: `"status" <> 'void'` })
@Check('ballot_paper_status_valid', `"status" IN ('issued', 'returned', 'entered', 'confirmed', 'disputed', 'void')`)
@Check('ballot_paper_serial_positive', `"serial" >= 1`)
@Check('ballot_paper_two_people', `"confirmed_by" IS NULL OR "confirmed_by" <> "entered_by"`)
@Check('ballot_paper_entered_together', `("entered_by" IS NULL) = ("entered_choice" IS NULL)`)
@Check('ballot_paper_void_kind_valid', `"void_kind" IS NULL OR "void_kind" IN ('void', 'reissued', 'spoilt')`)
@Check('ballot_paper_void_explained', `("status" = 'void') = ("void_kind" IS NOT NULL) AND ("void_kind" IS NULL OR "void_kind" = 'spoilt' OR "void_reason" IS NOT NULL)`)
@Check('ballot_paper_disputed_on_valid', `"disputed_on" <@ ARRAY['choice', 'proxy']::text[] AND ("status" <> 'disputed' OR cardinality("disputed_on") > 0)`)
@Check('ballot_paper_resolved_together', `("resolved_by" IS NULL) = ("resolution_note" IS NULL)`)
export class BallotPaper {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'ballot_paper_vote_fk' })
  vote?: Vote;

  @PrimaryColumn({ type: 'integer' })
  serial!: number;

  @Column({ name: 'voter_id', type: 'text' })
  voterId!: string;

  @ManyToOne(() => VoteVoter, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'vote_id', referencedColumnName: 'voteId', foreignKeyConstraintName: 'ballot_paper_voter_fk' },
    { name: 'voter_id', referencedColumnName: 'voterId', foreignKeyConstraintName: 'ballot_paper_voter_fk' },
  ])
  voter?: VoteVoter;

  @Column({ type: 'text', default: 'issued' })
  status!: PaperStatus;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'ballot_paper_issued_by_fk' })
  issuer?: User;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  /** What the first staff member read on the paper. */
  @Column({ name: 'entered_choice', type: 'jsonb', nullable: true })
  enteredChoice!: string | { option: string } | null;

  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'entered_by', foreignKeyConstraintName: 'ballot_paper_entered_by_fk' })
  enterer?: User | null;

  @Column({ name: 'entered_at', type: 'timestamptz', nullable: true })
  enteredAt!: Date | null;

  /** What the second staff member read, independently. */
  @Column({ name: 'confirmed_choice', type: 'jsonb', nullable: true })
  confirmedChoice!: string | { option: string } | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'confirmed_by', foreignKeyConstraintName: 'ballot_paper_confirmed_by_fk' })
  confirmer?: User | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** A written proxy the paper was cast under: the agent's voter id or name. */
  @Column({ type: 'jsonb', nullable: true })
  proxy!: { agent: string; written: boolean } | null;

  @Column({ name: 'scan_file_id', type: 'uuid', nullable: true })
  scanFileId!: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'scan_file_id', foreignKeyConstraintName: 'ballot_paper_scan_fk' })
  scan?: StoredFile | null;

  /** Why it is void (null while it is not). */
  @Column({ name: 'void_kind', type: 'text', nullable: true })
  voidKind!: PaperVoidKind | null;

  /** The reason staff gave for voiding or reissuing it. */
  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason!: string | null;

  /** What the two readings disagreed on, once they did (kept after the dispute is settled). */
  @Column({ name: 'disputed_on', type: 'text', array: true, default: () => "'{}'" })
  disputedOn!: PaperDisputeField[];

  /** The note of whoever settled the dispute. */
  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote!: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
