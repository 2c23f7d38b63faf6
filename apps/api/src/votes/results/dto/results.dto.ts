/**
 * What a vote publishes, as the API answers it: live turnout, the bulletin board, the result
 * (result.json of the recount kit, with the vote) and the objections. Each class implements the
 * domain type it documents, and the services return these classes, so the document cannot drift
 * from what is sent.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, CONDITION_IDS, MATTER_KINDS, RECOUNT_FORMAT, RECOUNT_FORMAT_VERSION, REJECTION_REASONS, RULE_SET_IDS } from '@yishi/domain';
import type {
  Channel,
  ChainSummary,
  Comparison,
  Condition,
  ConditionId,
  ConditionRole,
  ConditionSummary,
  Figures,
  LineRejection,
  Localized,
  MatterKind,
  Measure,
  MeasureFigures,
  RejectionReason,
  ResultFile,
  RuleSetId,
  SafeguardsFile,
  ShorteningFile,
  TallySummary,
  Threshold,
} from '@yishi/domain';
import { VOTE_STATUSES } from '../../entities/vote.entity';
import type { VoteStatus } from '../../entities/vote.entity';
import { VoteSummaryDto } from '../../lifecycle/dto/vote.dto';
import { MatterViewDto } from '../../assembly/dto/assembly.dto';

/** Every value of a string union, checked by the compiler to miss none. */
const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : 'a value of the union is missing')): A =>
    values;

export const CONDITION_ROLES = allOf<ConditionRole>()(['quorum', 'decision', 'validity']);
export const MEASURES = allOf<Measure>()(['area', 'persons', 'households', 'ballots']);
export const COMPARISONS = allOf<Comparison>()(['at-least', 'more-than', 'at-most']);
export const SECRECIES = ['named', 'secret'] as const;

export class LocalizedTextDto implements Localized {
  @ApiProperty({ name: 'zh-CN', description: 'Simplified Chinese' }) 'zh-CN'!: string;
  @ApiProperty({ description: 'English' }) en!: string;
}

export class LocalizedLinesDto {
  @ApiProperty({ name: 'zh-CN', type: [String] }) 'zh-CN'!: string[];
  @ApiProperty({ type: [String] }) en!: string[];
}

export class ThresholdDto implements Threshold {
  @ApiProperty({ type: 'integer' }) numerator!: number;
  @ApiProperty({ type: 'integer' }) denominator!: number;
  @ApiProperty({ enum: COMPARISONS, enumName: 'Comparison', description: '`at-least` ≥ (以上), `more-than` > (过半数), `at-most` ≤' })
  comparison!: Comparison;
}

export class ConditionSummaryDto implements ConditionSummary {
  @ApiProperty({ enum: CONDITION_IDS, enumName: 'ConditionId' }) id!: ConditionId;
  @ApiProperty({ enum: CONDITION_ROLES, enumName: 'ConditionRole' }) role!: ConditionRole;
  @ApiProperty({ type: String, nullable: true, description: 'Conditions sharing a group are alternatives (either suffices); null: required alone' })
  anyOf!: string | null;
  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId', description: 'The rule set whose statute imposes this condition' }) source!: RuleSetId;
  @ApiProperty({ enum: MEASURES, enumName: 'Measure' }) measure!: Measure;
  @ApiProperty({ type: 'integer', description: 'Areas in 1/100 m²' }) numerator!: number;
  @ApiProperty({ type: 'integer', description: 'Areas in 1/100 m²' }) denominator!: number;
  @ApiProperty({ type: ThresholdDto }) threshold!: ThresholdDto;
  @ApiProperty() met!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '70.21', description: 'numerator / denominator in percent, two decimals; null when the denominator is 0' })
  percent!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A poll’s `majority`: the option with most ballots' }) option!: string | null;
}

export class ConditionDto extends ConditionSummaryDto implements Condition {
  @ApiProperty({ type: LocalizedTextDto, description: 'The condition in words, as a resident reads it' }) explanation!: LocalizedTextDto;
}

export class MeasureFiguresDto implements MeasureFigures {
  @ApiProperty({ type: 'integer' }) persons!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '1/100 m²; null when the rule does not weigh by area' }) area!: number | null;
}

export class HouseholdFiguresDto extends MeasureFiguresDto {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Households, where the rule counts them' }) households!: number | null;
}

export class OptionCountDto {
  @ApiProperty() option!: string;
  @ApiProperty({ type: 'integer' }) persons!: number;
}

export class BallotCountsDto {
  @ApiProperty({ type: 'integer', description: 'Named ballots or roll marks received' }) received!: number;
  @ApiProperty({ type: 'integer' }) counted!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer', description: 'Counted online' }) online!: number;
  @ApiProperty({ type: 'integer', description: 'Counted on paper' }) paper!: number;
  @ApiProperty({ type: 'integer', description: 'Counted at the meeting' }) meeting!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Secret votes: ballots in the box (null on a named vote)' }) inBox!: number | null;
}

export class FiguresDto implements Figures {
  @ApiProperty({ type: HouseholdFiguresDto, description: 'The whole electorate of the rule' }) electorate!: HouseholdFiguresDto;
  @ApiProperty({ type: HouseholdFiguresDto, description: 'Participating (owners, polls) or attending (meetings)' }) participating!: HouseholdFiguresDto;
  @ApiProperty({ type: MeasureFiguresDto }) approve!: MeasureFiguresDto;
  @ApiProperty({ type: MeasureFiguresDto }) oppose!: MeasureFiguresDto;
  @ApiProperty({ type: MeasureFiguresDto }) abstain!: MeasureFiguresDto;
  @ApiProperty({ type: MeasureFiguresDto, description: 'Attending without a counted choice' }) withoutChoice!: MeasureFiguresDto;
  @ApiProperty({ type: 'integer', description: 'Secret ballots found spoilt' }) spoilt!: number;
  @ApiProperty({ type: [OptionCountDto], nullable: true, description: 'A poll’s options in the question’s order (null on a motion)' })
  options!: OptionCountDto[] | null;
  @ApiProperty({ type: BallotCountsDto }) ballots!: BallotCountsDto;
}

/** `GET /api/votes/{id}/turnout`: who took part so far against the quorum thresholds, never a choice. */
export class VoteTurnoutDto {
  @ApiProperty({ enum: VOTE_STATUSES, enumName: 'VoteStatus' }) status!: VoteStatus;
  @ApiProperty({ type: [ConditionDto], description: 'The quorum conditions of the rule (none for a rule without quorum)' }) conditions!: ConditionDto[];
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
}

export class BoardEntryDto {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Position in the chain (secret votes: in the box)' }) seq!: number | null;
  @ApiProperty({ description: 'The receipt code a voter was given' }) receipt!: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', nullable: true, description: 'Null on a secret vote' }) channel!: Channel | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null on a secret vote' }) at!: string | null;
  @ApiProperty({ description: 'A named voter’s earlier cast, replaced by a later one' }) superseded!: boolean;
}

/** `GET /api/votes/{id}/board`: every receipt sealed in the vote's chain, and the chain's head. */
export class VoteBoardDto {
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the last sealed line; null before the first' }) chainHead!: string | null;
  @ApiProperty({ type: 'integer' }) chainLength!: number;
  @ApiProperty({ type: [BoardEntryDto] }) entries!: BoardEntryDto[];
}

export class ChainSummaryDto implements ChainSummary {
  @ApiProperty({ type: 'integer' }) lines!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the last line' }) head!: string;
}

export class ResultChainsDto {
  @ApiPropertyOptional({ type: ChainSummaryDto, description: 'Named votes: ballots.jsonl' }) ballots?: ChainSummaryDto;
  @ApiPropertyOptional({ type: ChainSummaryDto, description: 'Secret votes: roll.jsonl' }) roll?: ChainSummaryDto;
  @ApiPropertyOptional({ type: ChainSummaryDto, description: 'Secret votes: box.jsonl' }) box?: ChainSummaryDto;
}

export class ResultLinesDto {
  @ApiProperty({ type: 'integer', description: 'Named: cast lines (the last per voter counts)' }) casts!: number;
  @ApiProperty({ type: 'integer' }) superseded!: number;
  @ApiProperty({ type: 'integer' }) checkIns!: number;
  @ApiProperty({ type: 'integer', description: 'Secret: roll marks' }) marks!: number;
  @ApiProperty({ type: 'integer', description: 'Secret: ballots in the box' }) boxBallots!: number;
}

export class LineRejectionDto implements LineRejection {
  @ApiProperty({ type: 'integer', description: 'Line of ballots.jsonl or roll.jsonl' }) line!: number;
  @ApiProperty({ description: 'Pseudonymous voter id of the recount kit' }) voter!: string;
  @ApiProperty({ enum: REJECTION_REASONS, enumName: 'RejectionReason' }) reason!: RejectionReason;
}

export class TallySummaryDto implements TallySummary {
  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId' }) ruleSet!: RuleSetId;
  @ApiProperty({ enum: SECRECIES, enumName: 'Secrecy' }) secrecy!: 'named' | 'secret';
  @ApiProperty({ enum: MATTER_KINDS, enumName: 'MatterKind', isArray: true, nullable: true, description: 'Matters the body may not decide: nothing was counted' })
  refusedMatters!: MatterKind[] | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null when the rule has no quorum or the vote was refused' }) quorumMet!: boolean | null;
  @ApiProperty({ description: 'False when the ballots cannot stand' }) valid!: boolean;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'A poll’s winning option' }) winningOption!: string | null;
  @ApiProperty({ type: [ConditionSummaryDto] }) conditions!: ConditionSummaryDto[];
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
}

/** result.json of the recount kit (docs/recount-format.md). */
export class ResultFileDto implements ResultFile {
  @ApiProperty({ enum: [RECOUNT_FORMAT], enumName: 'RecountFormat' }) format!: typeof RECOUNT_FORMAT;
  @ApiProperty({ enum: [RECOUNT_FORMAT_VERSION], enumName: 'RecountFormatVersion' }) formatVersion!: typeof RECOUNT_FORMAT_VERSION;
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty({ type: ResultChainsDto }) chains!: ResultChainsDto;
  @ApiProperty({ type: ResultLinesDto }) lines!: ResultLinesDto;
  @ApiProperty({ type: [LineRejectionDto], description: 'Casts (named) or marks (secret) that did not count' }) rejected!: LineRejectionDto[];
  @ApiProperty({ type: [LineRejectionDto], description: 'Check-ins of persons who may not attend this body' }) ignoredCheckIns!: LineRejectionDto[];
  @ApiProperty({ type: TallySummaryDto }) tally!: TallySummaryDto;
  @ApiProperty({ type: LocalizedLinesDto, description: 'The result in words: one sentence per condition, the verdict, the notes' }) explanation!: LocalizedLinesDto;
}

export const CANDIDATE_STANDINGS = ['elected', 'tied', 'qualified-not-elected', 'not-qualified'] as const;

/** A candidate's count in an election: their votes, whether the law's conditions held for them, where they stand. */
export class CandidateResultDto {
  @ApiProperty({ example: 'c1' }) candidate!: string;
  @ApiProperty({ example: '陈志强' }) name!: string;
  @ApiProperty({ type: 'integer', description: 'Counting persons who chose the candidate' }) votes!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Their area (1/100 m²) where the rule weighs by area' }) area!: number | null;
  @ApiProperty({ description: 'The rule’s conditions held for this candidate (for owners: art. 278’s participation and double majority)' }) qualified!: boolean;
  @ApiProperty({ enum: CANDIDATE_STANDINGS, enumName: 'CandidateStanding' }) standing!: (typeof CANDIDATE_STANDINGS)[number];
  @ApiProperty({ type: TallySummaryDto, description: 'The candidate’s own count, as a motion' }) tally!: TallySummaryDto;
}

export class ElectionResultDto {
  @ApiProperty({ type: 'integer' }) seats!: number;
  @ApiProperty({ type: [String], description: 'Candidate ids elected, in the order of the count' }) elected!: string[];
  @ApiProperty({ type: 'integer', description: 'Seats left for a run-off or a further election' }) unfilled!: number;
  @ApiProperty({ type: [String], description: 'Candidates tied for the last seats: a run-off among them' }) tied!: string[];
  @ApiProperty({ type: 'integer', description: 'Ballots choosing more candidates than seats (took part, counted for no one)' }) overVoted!: number;
  @ApiProperty({ type: [CandidateResultDto], description: 'Qualified first by votes, then the others' }) candidates!: CandidateResultDto[];
}

/** One matter of an assembly's ballot, counted under its own rule set. */
export class MatterResultDto {
  @ApiProperty({ type: MatterViewDto }) matter!: MatterViewDto;
  @ApiProperty({ description: 'A motion passed; an election filled at least one seat' }) passed!: boolean;
  @ApiProperty({ type: 'integer', description: 'Ballots that left this matter blank (they took part: abstentions)' }) blank!: number;
  @ApiProperty({ type: 'integer', description: 'Ballots whose mark on this matter could not be read (abstentions too)' }) spoilt!: number;
  @ApiProperty({ type: TallySummaryDto, nullable: true, description: 'A motion: its conditions and figures' }) tally!: TallySummaryDto | null;
  @ApiProperty({ type: ElectionResultDto, nullable: true, description: 'An election: every candidate and seat' }) election!: ElectionResultDto | null;
  @ApiProperty({ type: LocalizedLinesDto }) explanation!: LocalizedLinesDto;
}

/** An assembly's result (recount kit format version 2): a result per matter, and the reading of blank marks it counted by. */
export class AssemblyResultDto {
  @ApiProperty({ type: [MatterResultDto] }) matters!: MatterResultDto[];
  @ApiProperty({ type: LocalizedTextDto, description: 'How blank and unreadable marks were counted, and why' }) reading!: LocalizedTextDto;
  @ApiProperty({ type: ResultChainsDto }) chains!: ResultChainsDto;
}

/** `GET /api/votes/{id}/result`. */
/** An approved shortening of the notice or the window, as vote.json records it. */
export class ShorteningRecordDto implements ShorteningFile {
  @ApiProperty({ description: 'Voting opened before the legal notice had run' }) shortensNotice!: boolean;
  @ApiProperty({ description: 'The voting window is shorter than the rule set’s shortest' }) shortensWindow!: boolean;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'Who asked for it' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ description: 'Who approved it: a second person supervising the unit' }) approvedBy!: string;
  @ApiProperty({ enum: ['staff', 'admin'], enumName: 'SupervisingRole' }) approverRole!: 'staff' | 'admin';
  @ApiProperty({ description: 'The community or street the approver’s role is granted on' }) approverNode!: string;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
  @ApiProperty({ description: 'The approver’s note' }) note!: string;
}

/** The legal clock a vote opened under (vote.json's `safeguards`). */
export class SafeguardsDto implements SafeguardsFile {
  @ApiProperty({ format: 'date-time' }) announcedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the legal notice ran out' }) noticeEndsAt!: string;
  @ApiProperty({ type: 'integer', description: 'The shortest voting window (hours); 0 for a poll' }) minVotingHours!: number;
  @ApiProperty({ type: ShorteningRecordDto, nullable: true }) shortening!: ShorteningRecordDto | null;
}

export class VoteResultDto {
  @ApiProperty({ type: VoteSummaryDto }) vote!: VoteSummaryDto;
  @ApiProperty({ type: ResultFileDto, nullable: true, description: 'result.json of a motion or poll; null for an assembly’s ballot (`assembly`)' }) result!: ResultFileDto | null;
  @ApiProperty({ type: AssemblyResultDto, nullable: true, description: 'An assembly’s ballot: the result of every matter' }) assembly!: AssemblyResultDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'End of the objection window' }) objectionUntil!: string | null;
  @ApiProperty({ description: 'The caller may object to this result: on its electorate, or in a supervising role over the unit' }) canObject!: boolean;
  @ApiProperty({ type: SafeguardsDto, nullable: true, description: 'The notice and voting period the vote kept, or its approved shortening; null for votes opened before it was recorded' })
  safeguards!: SafeguardsDto | null;
}

/** An objection to the result, in `GET /api/votes/{id}/objections`. */
export class VoteObjectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The convenor’s answer' }) answer!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ description: 'I raised it' }) mine!: boolean;
}
