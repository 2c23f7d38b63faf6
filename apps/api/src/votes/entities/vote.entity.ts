import type { RuleSetId } from '@yishi/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Consultation } from '../../consultations/entities/consultation.entity';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';
import type { VoteMatter } from '../assembly/assembly-matters';

export const VOTE_STATUSES = ['scheduled', 'open', 'counting', 'closed', 'final', 'cancelled'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/**
 * A vote (表决) of a unit's competent body under a rule set: scheduled (announced), open (the
 * electorate frozen, ballots accepted between opens_at and closes_at), counting (past closes_at,
 * online ballots refused, paper ballots still being entered and confirmed), closed (tallied; the
 * provisional notice and its objection window), final (the final notice), or cancelled.
 */
@Entity('vote')
@Index('vote_unit_idx', ['unitId', 'createdAt'])
@Index('vote_due_idx', ['status', 'closesAt'])
@Check('vote_status_valid', `"status" IN ('scheduled', 'open', 'counting', 'closed', 'final', 'cancelled')`)
@Check('vote_secrecy_valid', `"secrecy" IN ('named', 'secret')`)
@Check('vote_question_kind_valid', `"question_kind" IN ('motion', 'options', 'assembly')`)
@Check('vote_options_with_kind', `("question_kind" = 'options') = ("options" IS NOT NULL)`)
@Check('vote_matters_with_kind', `("question_kind" = 'assembly') = ("matters" IS NOT NULL)`)
@Check('vote_matters_shape', `"matters" IS NULL OR (jsonb_typeof("matters") = 'array' AND jsonb_array_length("matters") BETWEEN 1 AND 10)`)
@Check('vote_window_order', `"closes_at" > "opens_at"`)
@Check('vote_title_length', `length(btrim("title")) BETWEEN 1 AND 300`)
@Check('vote_proxy_cap_range', `"proxy_cap" BETWEEN 1 AND 100`)
@Check('vote_objection_days_range', `"objection_days" BETWEEN 0 AND 60`)
@Check(
  'vote_rule_set_valid',
  `"rule_set" IN ('cc278-ordinary', 'cc278-major', 'rceo-27', 'rceo-28', 'rceo-15', 'vcl-22', 'vcl-26', 'vcl-28', 'lml-63', 'simple-majority')`,
)
@Check('vote_frozen_when_open', `"status" = 'scheduled' OR "status" = 'cancelled' OR ("vote_json" IS NOT NULL AND "electorate_json" IS NOT NULL AND "opened_at" IS NOT NULL)`)
@Check('vote_min_voting_hours_range', `"min_voting_hours" BETWEEN 0 AND 720`)
@Check('vote_notice_after_announcement', `"notice_ends_at" >= "created_at"`)
@Check('vote_result_when_closed', `"status" NOT IN ('closed', 'final') OR ("result_json" IS NOT NULL AND "closed_at" IS NOT NULL)`)
@Index('vote_public_token_unique', ['publicToken'], { unique: true })
@Check('vote_public_token_format', `"public_token" ~ '^[0-9a-hjkmnp-tv-z]{28}$'`)
@Check('vote_public_token_with_result', `("public_token" IS NULL) = ("result_json" IS NULL)`)
@Check('vote_board_published_together', `("board_published_at" IS NULL) = ("board_published_by" IS NULL)`)
@Check('vote_board_published_with_result', `"board_published_at" IS NULL OR "result_json" IS NOT NULL`)
export class Vote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The unit whose body decides (a compound's owners, a cooperative's members). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'vote_unit_fk' })
  unit?: OrgNode;

  /** The consultation the vote decides, or null for a stand-alone informal poll. */
  @Column({ name: 'consultation_id', type: 'uuid', nullable: true })
  consultationId!: string | null;

  @ManyToOne(() => Consultation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'vote_consultation_fk' })
  consultation?: Consultation | null;

  /** What is decided, as residents read it (Chinese). */
  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'title_en', type: 'text', nullable: true })
  titleEn!: string | null;

  /** The motion or question put to the vote. */
  @Column({ type: 'text' })
  question!: string;

  @Column({ name: 'question_en', type: 'text', nullable: true })
  questionEn!: string | null;

  /** A motion, an informal poll with options, or an assembly's ballot of several matters (`matters`). */
  @Column({ name: 'question_kind', type: 'text', default: 'motion' })
  questionKind!: 'motion' | 'options' | 'assembly';

  /** For a poll: `[{ id, label: { 'zh-CN', en } }]`. */
  @Column({ type: 'jsonb', nullable: true })
  options!: { id: string; label: { 'zh-CN': string; en: string } }[] | null;

  /**
   * An assembly's ballot: its matters in the order of the paper, each under its own rule set
   * (votes/assembly/assembly-matters.ts). Fixed at announcement, like the question.
   */
  @Column({ type: 'jsonb', nullable: true })
  matters!: VoteMatter[] | null;

  /**
   * The rule set the vote decides under; for an assembly's ballot, the one whose notice and voting
   * window are the longest among its matters' (the legal clock of the whole ballot).
   */
  @Column({ name: 'rule_set', type: 'text' })
  ruleSet!: RuleSetId;

  @Column({ name: 'matter_kinds', type: 'text', array: true, default: () => `'{}'` })
  matterKinds!: string[];

  /** For lml-63: which body consents and whether the RCEO Law applies. */
  @Column({ type: 'jsonb', nullable: true })
  lml63!: { body: 'members' | 'representatives'; rceoApplies: boolean } | null;

  @Column({ type: 'text', default: 'named' })
  secrecy!: 'named' | 'secret';

  /** Named online ballots may be changed until close. */
  @Column({ name: 'allow_change', type: 'boolean', default: true })
  allowChange!: boolean;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text', default: 'scheduled' })
  status!: VoteStatus;

  /** Residents may watch turnout while the vote is open (convenors always can). */
  @Column({ name: 'turnout_public', type: 'boolean', default: false })
  turnoutPublic!: boolean;

  /** Most principals one agent may vote for. */
  @Column({ name: 'proxy_cap', type: 'integer', default: 1 })
  proxyCap!: number;

  /** Days between the provisional result and the final notice, for objections (询异). */
  @Column({ name: 'objection_days', type: 'integer', default: 7 })
  objectionDays!: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'vote_created_by_fk' })
  creator?: User;

  /** When it was announced: the notice period runs from here. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  /** Why it opened before the notice period ran out or with a shorter window: the approved shortening's reason. */
  @Column({ name: 'early_reason', type: 'text', nullable: true })
  earlyReason!: string | null;

  /**
   * When the legal notice runs out (announcement + the rule set's notice days, fixed when it is
   * announced). Opening earlier needs an approved shortening (a trigger checks it).
   */
  @Column({ name: 'notice_ends_at', type: 'timestamptz' })
  noticeEndsAt!: Date;

  /** The rule set's shortest voting window when it was announced; shorter needs an approved shortening. */
  @Column({ name: 'min_voting_hours', type: 'integer', default: 0 })
  minVotingHours!: number;

  /** The approved shortening it opened under, if it opened early or with a shorter window. */
  @Column({ name: 'shortening_id', type: 'uuid', nullable: true })
  shorteningId!: string | null;

  @ManyToOne(() => VoteShortening, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'shortening_id', foreignKeyConstraintName: 'vote_shortening_fk' })
  shortening?: VoteShortening | null;

  /** The recount kit's vote.json, fixed at opening (the chains' genesis hashes it). */
  @Column({ name: 'vote_json', type: 'text', nullable: true })
  voteJson!: string | null;

  /**
   * The recount kit's electorate.json: the electorate frozen at opening, with pseudonyms. Not read
   * with the row (some 110 KB for a compound of 500 homes, and more the larger it is, on every
   * vote page and list): whoever counts or checks seats asks for it (withElectorate).
   */
  @Column({ name: 'electorate_json', type: 'text', nullable: true, select: false })
  electorateJson!: string | null;

  /** Head and length of the sealed part of the ballots chain (named) or the roll chain (secret). */
  @Column({ name: 'chain_head', type: 'text', nullable: true })
  chainHead!: string | null;

  @Column({ name: 'chain_length', type: 'integer', default: 0 })
  chainLength!: number;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The recount kit's result.json, published with the provisional notice. */
  @Column({ name: 'result_json', type: 'text', nullable: true })
  resultJson!: string | null;

  /**
   * The secret ballot box, sealed at close in ballot-id order (box.jsonl). Not read with the row
   * (a line per ballot: some 100 KB for a thousand members' secret ballot, on every vote page):
   * the board and the recount kit ask for it (withBox).
   */
  @Column({ name: 'box_jsonl', type: 'text', nullable: true, select: false })
  boxJsonl!: string | null;

  @Column({ name: 'final_at', type: 'timestamptz', nullable: true })
  finalAt!: Date | null;

  @Column({ name: 'cancelled_reason', type: 'text', nullable: true })
  cancelledReason!: string | null;

  /**
   * The unguessable key of the result's public, unlisted page (/r/<key>, printed as a QR code on
   * the notice): 140 random bits in lower-case Crockford base32, set when the provisional result
   * is published and never changed. Not derived from the vote's id.
   */
  @Column({ name: 'public_token', type: 'text', nullable: true })
  publicToken!: string | null;

  /** When the convenor made the bulletin board of receipts public on that page (once public, it stays public). */
  @Column({ name: 'board_published_at', type: 'timestamptz', nullable: true })
  boardPublishedAt!: Date | null;

  @Column({ name: 'board_published_by', type: 'uuid', nullable: true })
  boardPublishedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'board_published_by', foreignKeyConstraintName: 'vote_board_published_by_fk' })
  boardPublisher?: User | null;
}

export const SHORTENING_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ShorteningStatus = (typeof SHORTENING_STATUSES)[number];

/**
 * A request to open a vote before its legal notice has run, or to let it run for less than its
 * rule set's shortest window (缩短公告期或表决期): who asked, when and why, and the decision of a
 * second person who supervises the unit (staff or admin on its community or street) — who, in
 * which role on which node, when, with their note. A vote opens early or short only under an
 * approved one (a trigger on vote checks it); a decided request never changes (a trigger too).
 */
@Entity('vote_shortening')
@Index('vote_shortening_vote_idx', ['voteId', 'requestedAt'])
@Index('vote_shortening_one_pending', ['voteId'], { unique: true, where: `"status" = 'pending'` })
@Check('vote_shortening_status_valid', `"status" IN ('pending', 'approved', 'refused')`)
@Check('vote_shortening_shortens_something', `"shortens_notice" OR "shortens_window"`)
@Check('vote_shortening_reason_length', `char_length(btrim("reason")) BETWEEN 15 AND 500`)
@Check('vote_shortening_window_order', `"closes_at" > "opens_at"`)
@Check(
  'vote_shortening_decided_together',
  `("status" = 'pending') = ("decided_by" IS NULL) AND ("decided_by" IS NULL) = ("decided_at" IS NULL) AND ("decided_by" IS NULL) = ("decision_note" IS NULL) AND ("decided_by" IS NULL) = ("decider_role" IS NULL) AND ("decided_by" IS NULL) = ("decider_node_id" IS NULL)`,
)
@Check('vote_shortening_second_person', `"decided_by" IS NULL OR "decided_by" <> "requested_by"`)
@Check('vote_shortening_decider_role_valid', `"decider_role" IS NULL OR "decider_role" IN ('staff', 'admin')`)
@Check('vote_shortening_note_length', `"decision_note" IS NULL OR char_length(btrim("decision_note")) BETWEEN 2 AND 500`)
export class VoteShortening {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => Vote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vote_id', foreignKeyConstraintName: 'vote_shortening_vote_fk' })
  vote?: Vote;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'vote_shortening_requested_by_fk' })
  requester?: User;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  /** Why the notice or the window must be shorter: a reason of substance (libs/domain `reasonProblem`). */
  @Column({ type: 'text' })
  reason!: string;

  /** When voting is to open: before the notice ends, and/or leaving less than the shortest window. */
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  /** The vote's close as announced (it never moves). */
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  /** The vote's notice end, for the reader. */
  @Column({ name: 'notice_ends_at', type: 'timestamptz' })
  noticeEndsAt!: Date;

  @Column({ name: 'shortens_notice', type: 'boolean' })
  shortensNotice!: boolean;

  @Column({ name: 'shortens_window', type: 'boolean' })
  shortensWindow!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: ShorteningStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'vote_shortening_decided_by_fk' })
  decider?: User | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  /** The supervising grant the decider acted under: its role … */
  @Column({ name: 'decider_role', type: 'text', nullable: true })
  deciderRole!: 'staff' | 'admin' | null;

  /** … and the node it is granted on (a community or street above the unit). */
  @Column({ name: 'decider_node_id', type: 'uuid', nullable: true })
  deciderNodeId!: string | null;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decider_node_id', foreignKeyConstraintName: 'vote_shortening_decider_node_fk' })
  deciderNode?: OrgNode | null;
}
