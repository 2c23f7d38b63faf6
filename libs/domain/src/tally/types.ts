import type { MatterKind, Refusal } from '../rules/matters';
import type { Lml63Parameters, Localized, RuleSetId } from '../rules/rule-sets';

/**
 * Inputs and outputs of a tally. Everything is plain data (JSON-safe: strings, safe integers,
 * booleans, null, arrays, objects), so the API can store it, the web app can show it and the
 * recount kit can publish it. Areas are integers in 1/100 m² (`formatArea` shows them).
 */

/** A voter's id in a vote: a person's id, or a pseudonym in a published recount kit. */
export type VoterId = string;

// ---------------------------------------------------------------------------------------------
// The frozen electorate (a snapshot of the roll taken when voting opens)
// ---------------------------------------------------------------------------------------------

/** An exclusive unit (专有部分) of a compound: a dwelling, a parking space or a shop. */
export interface ElectorateUnit {
  id: string;
  /** Floor area in 1/100 m² (land register, else survey, else sale contract). */
  area: number;
  /**
   * Unsold, or sold but not yet delivered: held by the developer. All such units together count
   * as one owner with all their area (SPC interpretation art. 9); `owners` is then ignored.
   */
  developerHeld: boolean;
  /** The owner-persons who hold the unit (one, or several co-owners). Empty only when developer-held. */
  owners: VoterId[];
  /** For a co-owned unit: the one co-owner whose ballot counts. Null when not designated (no ballot counts). */
  designatedVoter: VoterId | null;
}

export interface CompoundElectorate {
  kind: 'compound';
  units: ElectorateUnit[];
  /** Who votes for the developer's units, if the developer takes part. */
  developerVoter: VoterId | null;
}

/** A person on a cooperative's or village's roll. */
export interface ElectoratePerson {
  id: VoterId;
  household: string;
  /** Aged 18 or over on the snapshot date (village assemblies count 18+ villagers: VCL arts. 22, 28). */
  adult: boolean;
  /** Full civil capacity (Civil Code arts. 17–18): the cooperative denominator (RCEO art. 27). */
  fullCapacity: boolean;
}

export interface ElectorateHousehold {
  id: string;
  /** The registered household representative (户代表), a person of this household; null when none. */
  representative: VoterId | null;
}

/** A cooperative's or a village's roll. `representatives` is the roll of the representative body. */
export interface PersonsElectorate {
  kind: 'persons';
  persons: ElectoratePerson[];
  households: ElectorateHousehold[];
  /**
   * Members of the representative body for this vote: member representatives (rceo-28), the
   * village representative assembly's members (vcl-26), or village representatives (lml-63).
   */
  representatives: VoterId[];
}

/** A plain list of voters, for informal polls only (simple-majority). */
export interface ListElectorate {
  kind: 'list';
  voters: VoterId[];
}

export type Electorate = CompoundElectorate | PersonsElectorate | ListElectorate;

// ---------------------------------------------------------------------------------------------
// The vote and its ballots
// ---------------------------------------------------------------------------------------------

export const MOTION_CHOICES = ['approve', 'oppose', 'abstain'] as const;
export type MotionChoice = (typeof MOTION_CHOICES)[number];

/** A choice: approve / oppose / abstain on a motion, or one option of a poll (or abstain). */
export type Choice = MotionChoice | { option: string };

export const CHANNELS = ['online', 'paper', 'meeting'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A ballot cast for its voter (the principal) by someone else. */
export interface Proxy {
  agent: VoterId;
  /** A written, signed authorisation was produced. */
  written: boolean;
}

export interface PollOption {
  id: string;
  label: Localized;
}

/** What is asked: a motion (approve / oppose / abstain) or a choice among options (simple-majority only). */
export type Question = { kind: 'motion' } | { kind: 'options'; options: PollOption[] };

export interface VoteDefinition {
  ruleSet: RuleSetId;
  question: Question;
  /** Kinds of matter decided (rceo-28 refuses some: see `assertMayDecide`). */
  matterKinds: MatterKind[];
  /** Required for lml-63, ignored otherwise. */
  lml63: Lml63Parameters | null;
}

/** A named ballot: the last cast of one voter. */
export interface Ballot {
  voter: VoterId;
  choice: Choice;
  channel: Channel;
  proxy: Proxy | null;
}

/** Secret ballot: the marked roll says who voted (and how: channel, proxy)... */
export interface RollMark {
  voter: VoterId;
  channel: Channel;
  proxy: Proxy | null;
}

/** ...and the ballot box what was chosen, with nothing linking the two. */
export interface SecretBallot {
  ballotId: string;
  choice: Choice;
}

export type Casting =
  | { secrecy: 'named'; ballots: Ballot[] }
  | { secrecy: 'secret'; marks: RollMark[]; box: SecretBallot[] };

export interface TallyInput {
  vote: VoteDefinition;
  electorate: Electorate;
  casting: Casting;
  /**
   * Persons checked in at the meeting (签到) who may not have cast a ballot. Counted only by rules
   * that count attendance (rceo-27, rceo-15, vcl-*, lml-63 with the RCEO member assembly).
   */
  checkIns: VoterId[];
}

// ---------------------------------------------------------------------------------------------
// The result
// ---------------------------------------------------------------------------------------------

export const REJECTION_REASONS = [
  'not-in-electorate',
  'no-full-capacity',
  'not-adult',
  'not-representative',
  'not-designated-co-owner',
  'co-owned-without-designated-voter',
  'invalid-choice',
  'proxy-not-allowed',
  'proxy-not-written',
  'proxy-agent-is-principal',
  'proxy-agent-not-on-roll',
  'proxy-agent-no-full-capacity',
  'proxy-agent-other-household',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** What happened to one named ballot (or one mark on a secret vote's roll). */
export interface BallotOutcome {
  voter: VoterId;
  counted: boolean;
  reason: RejectionReason | null;
  /** How many counting persons the ballot spoke for (a voter may vote for their own units and a co-owned one). */
  seats: number;
}

export interface IgnoredCheckIn {
  voter: VoterId;
  reason: RejectionReason;
}

/** ≥ (以上, Civil Code art. 1259), > (过半数: strictly more than), ≤ (不多于). */
export type Comparison = 'at-least' | 'more-than' | 'at-most';

export interface Threshold {
  numerator: number;
  denominator: number;
  comparison: Comparison;
}

export const CONDITION_IDS = [
  'turnout-area',
  'turnout-persons',
  'attendance',
  'attendance-adults',
  'attendance-households',
  'consent',
  'approval',
  'approval-area',
  'approval-persons',
  'majority',
  'box-within-roll',
] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export type ConditionRole = 'quorum' | 'decision' | 'validity';
export type Measure = 'area' | 'persons' | 'households' | 'ballots';

/** One condition of a rule: numerator / denominator compared with a threshold. */
export interface Condition {
  id: ConditionId;
  role: ConditionRole;
  /** Conditions sharing a group are alternatives (either suffices: VCL arts. 22, 28); null: required alone. */
  anyOf: string | null;
  /** The rule set whose statute imposes this condition (lml-63 may carry rceo-27/rceo-28 conditions too). */
  source: RuleSetId;
  measure: Measure;
  numerator: number;
  denominator: number;
  threshold: Threshold;
  met: boolean;
  /**
   * numerator / denominator as a percentage with two decimals ("70.21"), rounded half up unless
   * that would contradict `met`, in which case it is rounded toward the verdict (see `percentOf`).
   * Null when the denominator is 0.
   */
  percent: string | null;
  /** For a poll's `majority`: the option with most ballots (null on a motion). */
  option: string | null;
  explanation: Localized;
}

export interface MeasureFigures {
  persons: number;
  /** 1/100 m²; null when the rule does not weigh by area. */
  area: number | null;
}

export interface Figures {
  /** The whole electorate of the rule: counting persons (and area, households where used). */
  electorate: MeasureFigures & { households: number | null };
  /** Participating (cc278, simple-majority) or attending (meeting rules), with households represented. */
  participating: MeasureFigures & { households: number | null };
  approve: MeasureFigures;
  oppose: MeasureFigures;
  abstain: MeasureFigures;
  /** Attending without a counted choice: checked in only, or (secret) a marked voter whose ballot is missing. */
  withoutChoice: MeasureFigures;
  /** Secret ballots found spoilt (a choice the question does not offer). */
  spoilt: number;
  /** A poll's options, in the question's order, with the counting persons choosing each. */
  options: { option: string; persons: number }[] | null;
  ballots: {
    /** Named ballots or roll marks received. */
    received: number;
    counted: number;
    rejected: number;
    /** Counted, by channel. */
    online: number;
    paper: number;
    meeting: number;
    /** Secret votes: ballots in the box (null on a named vote). */
    inBox: number | null;
  };
}

export interface Note {
  code: string;
  /** A reading the platform made where the law is silent (the strict one), as opposed to a rule stated by law. */
  strictReading: boolean;
  text: Localized;
}

export interface TallyResult {
  ruleSet: RuleSetId;
  secrecy: 'named' | 'secret';
  /** The body may not decide the matter: nothing was counted. */
  refusal: Refusal | null;
  /** Null when the rule has no quorum (rceo-28, lml-63 without RCEO, simple-majority) or the vote was refused. */
  quorumMet: boolean | null;
  /** False when the ballots cannot stand (secret: more ballots in the box than voters on the roll). */
  valid: boolean;
  passed: boolean;
  /** A poll's winning option (more than half of the ballots cast), else null. */
  winningOption: string | null;
  conditions: Condition[];
  figures: Figures;
  /** One per named ballot (or roll mark), sorted by voter id. */
  ballots: BallotOutcome[];
  ignoredCheckIns: IgnoredCheckIn[];
  notes: Note[];
  /** One sentence per condition, then the verdict, then the notes: what a resident reads. */
  explanation: { 'zh-CN': string[]; en: string[] };
}

/** Input that a tally cannot count (a programming or data error, not a rejected ballot). */
export class TallyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TallyInputError';
  }
}
