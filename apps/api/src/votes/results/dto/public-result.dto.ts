/**
 * What a result's public page shows (GET /public/results/{token}): the figures and words of the
 * printed notice, the rule and its source, the hashes to check the recount kit against, and
 * whether the board of receipts is public. Names, phone numbers, voter ids and choices are not
 * here (the recount kit, pseudonymous by design, is the only place ballots are published).
 *
 * The classes are prefixed `PublicResult…` so they cannot clash with the signed-in result's DTOs
 * in the OpenAPI document's schema names.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONDITION_IDS, MATTER_KINDS, RULE_SET_IDS } from '@yishi/domain';
import type { Comparison, ConditionId, ConditionRole, MatterKind, Measure, RuleSetId } from '@yishi/domain';

import { AssemblyResultDto, SafeguardsDto } from './results.dto';
import { MatterViewDto } from '../../assembly/dto/assembly.dto';
export class PublicResultTextDto {
  @ApiProperty({ name: 'zh-CN', example: '是否同意更换小区门禁系统？' })
  'zh-CN'!: string;

  @ApiProperty({ example: 'Replace the compound’s access control system?' })
  en!: string;
}

export class PublicResultSentencesDto {
  @ApiProperty({ name: 'zh-CN', type: [String] })
  'zh-CN'!: string[];

  @ApiProperty({ type: [String] })
  en!: string[];
}

export class PublicResultOptionDto {
  @ApiProperty({ example: 'sat' })
  id!: string;

  @ApiProperty({ type: PublicResultTextDto })
  label!: PublicResultTextDto;
}

export class PublicResultRuleDto {
  @ApiProperty({ type: PublicResultTextDto, description: 'The body that decides' })
  body!: PublicResultTextDto;

  @ApiProperty({ type: PublicResultTextDto, description: 'The statute the thresholds come from' })
  statute!: PublicResultTextDto;
}

export class PublicResultChainDto {
  @ApiProperty({ description: 'Lines in the chain file' })
  lines!: number;

  @ApiProperty({ description: 'SHA-256 (hex) of the last line: the chain head', pattern: '^[0-9a-f]{64}$' })
  head!: string;
}

export class PublicResultChainsDto {
  @ApiPropertyOptional({ type: PublicResultChainDto, description: 'Named votes: ballots.jsonl' })
  ballots?: PublicResultChainDto;

  @ApiPropertyOptional({ type: PublicResultChainDto, description: 'Secret votes: roll.jsonl' })
  roll?: PublicResultChainDto;

  @ApiPropertyOptional({ type: PublicResultChainDto, description: 'Secret votes: box.jsonl' })
  box?: PublicResultChainDto;
}

export class PublicResultThresholdDto {
  @ApiProperty()
  numerator!: number;

  @ApiProperty()
  denominator!: number;

  @ApiProperty({ enum: ['at-least', 'more-than', 'at-most'], enumName: 'PublicResultComparison' })
  comparison!: Comparison;
}

export class PublicResultConditionDto {
  @ApiProperty({ enum: CONDITION_IDS, enumName: 'PublicResultConditionId' })
  id!: ConditionId;

  @ApiProperty({ enum: ['quorum', 'decision', 'validity'], enumName: 'PublicResultConditionRole' })
  role!: ConditionRole;

  @ApiProperty({ type: String, nullable: true, description: 'Conditions sharing a group are alternatives' })
  anyOf!: string | null;

  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'PublicResultRuleSetId', description: 'The rule set whose statute imposes the condition' })
  source!: RuleSetId;

  @ApiProperty({ enum: ['area', 'persons', 'households', 'ballots'], enumName: 'PublicResultMeasure', description: 'Areas are in 1/100 m²' })
  measure!: Measure;

  @ApiProperty()
  numerator!: number;

  @ApiProperty()
  denominator!: number;

  @ApiProperty({ type: PublicResultThresholdDto })
  threshold!: PublicResultThresholdDto;

  @ApiProperty()
  met!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '70.21', description: 'numerator / denominator in percent, two decimals; null when the denominator is 0' })
  percent!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'A poll’s majority: the option with most ballots' })
  option!: string | null;
}

export class PublicResultMeasureDto {
  @ApiProperty()
  persons!: number;

  @ApiProperty({ type: Number, nullable: true, description: '1/100 m²; null when the rule does not weigh by area' })
  area!: number | null;
}

export class PublicResultGroupDto extends PublicResultMeasureDto {
  @ApiProperty({ type: Number, nullable: true })
  households!: number | null;
}

export class PublicResultOptionCountDto {
  @ApiProperty()
  option!: string;

  @ApiProperty()
  persons!: number;
}

export class PublicResultBallotCountsDto {
  @ApiProperty() received!: number;
  @ApiProperty() counted!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() online!: number;
  @ApiProperty() paper!: number;
  @ApiProperty() meeting!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Secret votes: ballots in the box' })
  inBox!: number | null;
}

export class PublicResultFiguresDto {
  @ApiProperty({ type: PublicResultGroupDto }) electorate!: PublicResultGroupDto;
  @ApiProperty({ type: PublicResultGroupDto }) participating!: PublicResultGroupDto;
  @ApiProperty({ type: PublicResultMeasureDto }) approve!: PublicResultMeasureDto;
  @ApiProperty({ type: PublicResultMeasureDto }) oppose!: PublicResultMeasureDto;
  @ApiProperty({ type: PublicResultMeasureDto }) abstain!: PublicResultMeasureDto;
  @ApiProperty({ type: PublicResultMeasureDto }) withoutChoice!: PublicResultMeasureDto;
  @ApiProperty() spoilt!: number;

  @ApiProperty({ type: [PublicResultOptionCountDto], nullable: true })
  options!: PublicResultOptionCountDto[] | null;

  @ApiProperty({ type: PublicResultBallotCountsDto })
  ballots!: PublicResultBallotCountsDto;
}

/** The normative part of result.json: what a recount reproduces exactly. */
export class PublicResultTallyDto {
  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'PublicResultRuleSetId' })
  ruleSet!: RuleSetId;

  @ApiProperty({ enum: ['named', 'secret'], enumName: 'Secrecy' })
  secrecy!: 'named' | 'secret';

  @ApiProperty({ enum: MATTER_KINDS, enumName: 'PublicResultMatterKind', isArray: true, nullable: true, description: 'Matters the body may not decide (nothing was counted)' })
  refusedMatters!: MatterKind[] | null;

  @ApiProperty({ type: Boolean, nullable: true })
  quorumMet!: boolean | null;

  @ApiProperty()
  valid!: boolean;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ type: String, nullable: true })
  winningOption!: string | null;

  @ApiProperty({ type: [PublicResultConditionDto] })
  conditions!: PublicResultConditionDto[];

  @ApiProperty({ type: PublicResultFiguresDto })
  figures!: PublicResultFiguresDto;
}

/**
 * Voting opened before its notice period ran out. Today: the reason the convenor recorded.
 * (The approval of a supervising second person, being added to opening, belongs here too:
 * who approved, when, and their note.)
 */
export class PublicResultEarlyOpeningDto {
  @ApiProperty({ description: 'Why it opened early, as recorded when it opened' })
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;
}

export class PublicResultDto {
  @ApiProperty({ description: 'The key of this page (canonical form)', example: 'k7qm3xfa9pztw2hd0c4vbn6ejr8sgy5a' })
  token!: string;

  @ApiProperty({ description: 'The page in the web app', example: '/r/k7qm-3xfa-9pzt-w2hd-0c4v-bn6e-jr8s' })
  path!: string;

  @ApiProperty({ example: '御水岸' })
  unitName!: string;

  @ApiProperty({ type: String, nullable: true, example: '大圩社区', description: 'The community above the unit' })
  communityName!: string | null;

  @ApiProperty({ type: PublicResultTextDto })
  title!: PublicResultTextDto;

  @ApiProperty({ type: PublicResultTextDto })
  question!: PublicResultTextDto;

  @ApiProperty({ enum: ['motion', 'options', 'assembly'], enumName: 'QuestionKind' })
  questionKind!: 'motion' | 'options' | 'assembly';

  @ApiProperty({ type: [PublicResultOptionDto], nullable: true })
  options!: PublicResultOptionDto[] | null;

  @ApiProperty({ type: [MatterViewDto], nullable: true, description: 'An assembly’s ballot: its matters in the order of the paper' })
  matters!: MatterViewDto[] | null;

  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'PublicResultRuleSetId' })
  ruleSet!: RuleSetId;

  @ApiProperty({ type: PublicResultRuleDto })
  rule!: PublicResultRuleDto;

  @ApiProperty({ enum: ['named', 'secret'], enumName: 'Secrecy' })
  secrecy!: 'named' | 'secret';

  @ApiProperty({ format: 'date-time', description: 'When the vote was announced (its notice period ran from here)' })
  announcedAt!: string;

  @ApiProperty({ format: 'date-time' })
  opensAt!: string;

  @ApiProperty({ format: 'date-time' })
  closesAt!: string;

  @ApiProperty({ enum: ['provisional', 'final'], enumName: 'ResultStage', description: 'Provisional notice with its objection window, or the final notice' })
  stage!: 'provisional' | 'final';

  @ApiProperty({ format: 'date-time', description: 'When the provisional result was published' })
  publishedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalAt!: string | null;

  @ApiProperty()
  objectionDays!: number;

  @ApiProperty({ format: 'date-time', description: 'Objections are taken (signed in, by the unit’s people) until then' })
  objectionUntil!: string;

  @ApiProperty({ type: PublicResultEarlyOpeningDto, nullable: true })
  earlyOpening!: PublicResultEarlyOpeningDto | null;

  @ApiProperty({
    type: SafeguardsDto,
    nullable: true,
    description: 'The notice and voting period the vote kept, or the approved shortening: why, who asked, and which supervisor approved it (null for votes opened before it was recorded)',
  })
  safeguards!: SafeguardsDto | null;

  @ApiProperty({ description: 'The chain head printed on the notice: the recount must end on it', pattern: '^[0-9a-f]{64}$' })
  closingHash!: string;

  @ApiProperty({ description: 'SHA-256 of the frozen electorate (electorate.json), as vote.json binds it', pattern: '^[0-9a-f]{64}$' })
  electorateSha256!: string;

  @ApiProperty({ type: PublicResultChainsDto })
  chains!: PublicResultChainsDto;

  @ApiProperty({ type: PublicResultTallyDto, nullable: true, description: 'A motion or poll; null for an assembly’s ballot (`assembly`)' })
  tally!: PublicResultTallyDto | null;

  @ApiProperty({ type: PublicResultSentencesDto, nullable: true, description: 'The result in sentences a resident reads; an assembly’s are per matter' })
  explanation!: PublicResultSentencesDto | null;

  @ApiProperty({ type: AssemblyResultDto, nullable: true, description: 'An assembly’s ballot: every matter’s figures, verdict and elected candidates' })
  assembly!: AssemblyResultDto | null;

  @ApiProperty({ description: 'The recount kit’s file name (download it from …/recount-kit)', example: 'yishi-vote-0b7e….zip' })
  kitFileName!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the convenor made the board of receipts public here; null: it is not' })
  boardPublishedAt!: string | null;
}

export class PublicResultBoardEntryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Line in the chain (null for a secret vote’s box)' })
  seq!: number | null;

  @ApiProperty({ example: 'b-3f9a0c71d2e4', description: 'The receipt code the voter holds' })
  receipt!: string;

  @ApiProperty({ nullable: true, enum: ['online', 'paper', 'meeting'], enumName: 'Channel' })
  channel!: 'online' | 'paper' | 'meeting' | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at!: string | null;

  @ApiProperty({ description: 'A named voter’s earlier cast, replaced by a later one' })
  superseded!: boolean;
}

export class PublicResultBoardDto {
  @ApiProperty({ type: String, nullable: true })
  chainHead!: string | null;

  @ApiProperty()
  chainLength!: number;

  @ApiProperty({ type: [PublicResultBoardEntryDto] })
  entries!: PublicResultBoardEntryDto[];
}

/** For the signed-in: where the result's public page is, and whether its board is public. */
export class VotePublicLinkDto {
  @ApiProperty({ description: 'The key of the public page (canonical form)' })
  token!: string;

  @ApiProperty({ description: 'The public page in the web app, as printed', example: '/r/k7qm-3xfa-9pzt-w2hd-0c4v-bn6e-jr8s' })
  path!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  boardPublishedAt!: string | null;

  @ApiProperty({ description: 'The caller may publish the board (convenors and staff of the unit)' })
  canPublishBoard!: boolean;
}
