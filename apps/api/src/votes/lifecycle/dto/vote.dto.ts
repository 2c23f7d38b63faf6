import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATTER_KINDS, RULE_SET_IDS } from '@yishi/domain';
import type { MatterKind, RuleSetId } from '@yishi/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  IsObject,
  ValidateIf,
} from 'class-validator';
import { MESSAGE_LIMITS, POLL_OPTION_ID, VOTE_DEFAULTS, VOTE_LIMITS, VOTER_ID } from '@yishi/contracts';
import { PlainText } from '../../../common/plain-text';
import { VOTE_STATUSES } from '../../entities/vote.entity';
import type { VoteStatus } from '../../entities/vote.entity';
import { IsOmittable } from '../../../common/validation';
import { MarkInputDto, MarksField, MarkViewDto, MatterInputDto, MatterViewDto } from '../../assembly/dto/assembly.dto';
import { Lml63Dto, VoteAttachmentInputDto } from './vote-parts.dto';

export { Lml63Dto, VoteAttachmentInputDto };

export class PollOptionDto {
  @ApiProperty({ example: 'a', description: 'Short id, unique in the poll' })
  @Matches(POLL_OPTION_ID)
  id!: string;

  @ApiProperty({ example: '12月7日（周日）上午' })
  @PlainText(1, VOTE_LIMITS.optionLabel)
  label!: string;

  @ApiPropertyOptional({ example: 'Sunday 7 December, morning' })
  @IsOmittable()
  @PlainText(1, VOTE_LIMITS.optionLabel)
  labelEn?: string;
}

export class VoteAttachmentDto {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], enumName: 'AttachmentMime' }) mime!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the file as announced: anyone can check a copy against it' }) sha256!: string;
  @ApiProperty({ description: 'Where to open it' }) url!: string;
  @ApiProperty({ type: String, nullable: true, description: 'An assembly’s ballot: the matter it belongs to (null: the whole ballot)' }) matterId!: string | null;
}

export class UploadedVoteFileDto {
  @ApiProperty({ format: 'uuid', description: 'To name in `attachments` when announcing the vote' }) fileId!: string;
  @ApiProperty() originalName!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
}

export class CreateVoteDto {
  @ApiProperty({ example: '御水岸地下车库充电设施管理办法表决' })
  @PlainText(1, VOTE_LIMITS.title)
  title!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @PlainText(1, VOTE_LIMITS.title)
  titleEn?: string;

  @ApiProperty({ example: '是否同意《地下车库充电设施管理办法》？' })
  @PlainText(1, VOTE_LIMITS.question, { multiLine: true })
  question!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @PlainText(1, VOTE_LIMITS.question, { multiLine: true })
  questionEn?: string;

  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId', description: 'The rule set it decides under; an assembly’s ballot (`matters`) takes each matter’s own and ignores this' })
  @ValidateIf((o: CreateVoteDto) => o.matters === undefined)
  @IsIn(RULE_SET_IDS)
  ruleSet!: RuleSetId;

  @ApiPropertyOptional({
    type: [MatterInputDto],
    description: `An assembly’s ballot (表决票): 1 to ${VOTE_LIMITS.matters} matters on one paper, each under its own rule set, an election among them; \`question\` is then the ballot’s heading`,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(VOTE_LIMITS.matters)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MatterInputDto)
  matters?: MatterInputDto[];

  @ApiProperty({
    enum: MATTER_KINDS,
    enumName: 'MatterKind',
    isArray: true,
    description: 'What the vote decides (Civil Code art. 278 items, RCEO Law, Village Committee Law matters, or `other` for an informal poll); only the rule sets listed for every matter named may decide it',
  })
  @ValidateIf((o: CreateVoteDto) => o.matters === undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MATTER_KINDS.length)
  @ArrayUnique()
  @IsIn(MATTER_KINDS, { each: true })
  matterKinds!: MatterKind[];

  @ApiPropertyOptional({ type: Lml63Dto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => Lml63Dto)
  lml63?: Lml63Dto;

  @ApiPropertyOptional({ type: [PollOptionDto], description: 'A poll (simple-majority only): the options to choose from' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(VOTE_LIMITS.optionsMin)
  @ArrayMaxSize(VOTE_LIMITS.optionsMax)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PollOptionDto)
  options?: PollOptionDto[];

  @ApiPropertyOptional({ enum: ['named', 'secret'], enumName: 'Secrecy', default: 'named' })
  @IsOmittable()
  @IsIn(['named', 'secret'])
  secrecy?: 'named' | 'secret';

  @ApiPropertyOptional({ default: true, description: 'Named online ballots may be changed until close' })
  @IsOmittable()
  @IsBoolean()
  allowChange?: boolean;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  opensAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  closesAt!: string;

  @ApiPropertyOptional({ default: false, description: 'Residents may watch turnout while it is open' })
  @IsOmittable()
  @IsBoolean()
  turnoutPublic?: boolean;

  @ApiPropertyOptional({ default: VOTE_DEFAULTS.proxyCap, minimum: VOTE_LIMITS.proxyCapMin, maximum: VOTE_LIMITS.proxyCapMax, description: 'Most principals one agent may vote for' })
  @IsOmittable()
  @IsInt()
  @Min(VOTE_LIMITS.proxyCapMin)
  @Max(VOTE_LIMITS.proxyCapMax)
  proxyCap?: number;

  @ApiPropertyOptional({ default: VOTE_DEFAULTS.objectionDays, minimum: VOTE_LIMITS.objectionDaysMin, maximum: VOTE_LIMITS.objectionDaysMax, description: 'Days for objections after the provisional result' })
  @IsOmittable()
  @IsInt()
  @Min(VOTE_LIMITS.objectionDaysMin)
  @Max(VOTE_LIMITS.objectionDaysMax)
  objectionDays?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The consultation this vote decides' })
  @IsOmittable()
  @IsUUID()
  consultationId?: string;

  @ApiPropertyOptional({
    description:
      'Required when voting opens before the legal notice has run or lasts less than the rule set’s shortest window: a reason of substance. The vote is announced with a shortening request that staff of the community or street must approve before it opens.',
  })
  @IsOmittable()
  @PlainText(1, VOTE_LIMITS.reason, { multiLine: true })
  shorteningReason?: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [72, 24],
    description: `Hours before closing at which those who have not taken part are reminded (at most ${MESSAGE_LIMITS.remindersPerVote}, each after voting opens); none when omitted`,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MESSAGE_LIMITS.remindersPerVote)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MESSAGE_LIMITS.reminderMaxHours, { each: true })
  reminderHoursBefore?: number[];

  @ApiPropertyOptional({
    type: [VoteAttachmentInputDto],
    description: `Documents the vote is about (quotes, contracts, plans; PDF or photos), uploaded first; at most ${VOTE_LIMITS.attachments}. They are announced with the vote and never change afterwards.`,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(VOTE_LIMITS.attachments)
  @ValidateNested({ each: true })
  @Type(() => VoteAttachmentInputDto)
  attachments?: VoteAttachmentInputDto[];
}

export class RequestShorteningDto {
  @ApiProperty({ description: 'Why the notice or the voting window must be shorter: at least 15 letters or digits, not filler' })
  @PlainText(1, VOTE_LIMITS.reason, { multiLine: true })
  reason!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When voting is to open; default: the vote’s announced opening. A time already past means: as soon as it is approved.' })
  @IsOmittable()
  @IsDateString({ strict: true })
  opensAt?: string;
}

export const SHORTENING_OUTCOMES = ['approved', 'refused'] as const;

export class DecideShorteningDto {
  @ApiProperty({ enum: SHORTENING_OUTCOMES, enumName: 'ShorteningOutcome' })
  @IsIn(SHORTENING_OUTCOMES)
  outcome!: (typeof SHORTENING_OUTCOMES)[number];

  @ApiProperty({ description: 'The approver’s note, shown with the decision' })
  @PlainText(VOTE_LIMITS.noteMin, VOTE_LIMITS.reason, { multiLine: true })
  note!: string;
}

export class ShorteningDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'refused'], enumName: 'ShorteningStatus' }) status!: 'pending' | 'approved' | 'refused';
  @ApiProperty({ description: 'Opening before the legal notice has run' }) shortensNotice!: boolean;
  @ApiProperty({ description: 'A voting window shorter than the rule set’s shortest' }) shortensWindow!: boolean;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedByName!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When voting is to open' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ format: 'date-time' }) noticeEndsAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, enum: ['staff', 'admin'], enumName: 'SupervisingRole', description: 'The supervising role the decision was made in' }) deciderRole!: 'staff' | 'admin' | null;
  @ApiProperty({ type: String, nullable: true, description: 'The community or street that role is granted on' }) deciderNodeName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
}

export class ShorteningVoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId' }) ruleSet!: RuleSetId;
  @ApiProperty({ format: 'date-time' }) announcedAt!: string;
}

export class PendingShorteningDto extends ShorteningDto {
  @ApiProperty({ type: ShorteningVoteDto }) vote!: ShorteningVoteDto;
}

export class CancelVoteDto {
  @ApiProperty()
  @PlainText(VOTE_LIMITS.noteMin, VOTE_LIMITS.reason)
  reason!: string;
}

export class CastDto {
  @ApiPropertyOptional({ description: '"approve", "oppose", "abstain", or an option id of a poll (not for an assembly’s ballot: `marks`)', example: 'approve' })
  @ValidateIf((o: CastDto) => o.marks === undefined)
  @IsString()
  @Length(1, VOTE_LIMITS.choice)
  choice?: string;

  @MarksField('An assembly’s ballot: a mark per matter; a matter not given is left blank (the ballot still takes part)')
  marks?: MarkInputDto[];

  @ApiPropertyOptional({ description: 'Which of my voters (when I hold several roll entries or vote as an agent); default: my own' })
  @IsOmittable()
  @Matches(VOTER_ID)
  voterId?: string;
}

export class VoteOptionViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() labelEn!: string;
}

export class VoteSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) consultationId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ enum: ['motion', 'options', 'assembly'], enumName: 'QuestionKind' }) questionKind!: 'motion' | 'options' | 'assembly';
  @ApiProperty({ type: [MatterViewDto], nullable: true, description: 'An assembly’s ballot: its matters in the order of the paper' }) matters!: MatterViewDto[] | null;
  @ApiProperty({ type: [VoteOptionViewDto], nullable: true }) options!: VoteOptionViewDto[] | null;
  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId' }) ruleSet!: RuleSetId;
  @ApiProperty({ enum: MATTER_KINDS, enumName: 'MatterKind', isArray: true, description: 'What it decides (empty for votes announced before this was asked)' }) matterKinds!: MatterKind[];
  @ApiProperty({ enum: ['named', 'secret'], enumName: 'Secrecy' }) secrecy!: 'named' | 'secret';
  @ApiProperty() allowChange!: boolean;
  @ApiProperty({ enum: VOTE_STATUSES, enumName: 'VoteStatus' }) status!: VoteStatus;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ format: 'date-time' }) announcedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the legal notice runs out: opening earlier needs an approved shortening' }) noticeEndsAt!: string;
  @ApiProperty() turnoutPublic!: boolean;
  @ApiProperty() proxyCap!: number;
  @ApiProperty() objectionDays!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'End of the objection window' }) objectionUntil!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The verdict once tallied' }) passed!: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: 'Head of the ballot chain, published at close' }) closingHash!: string | null;
}

export class MyVoterDto {
  @ApiProperty() voterId!: string;
  @ApiProperty({ description: 'Whose vote: my own roll entry, or a principal I hold a written proxy for' }) name!: string;
  @ApiProperty({ enum: ['self', 'proxy'], enumName: 'VotingAs' }) as!: 'self' | 'proxy';
  @ApiProperty({ type: [String], description: 'Units (compound) this vote covers' }) unitLabels!: string[];
  @ApiProperty() voted!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Named votes: my counted choice' }) choice!: string | null;
  @ApiProperty({ type: [MarkViewDto], nullable: true, description: 'Named votes, an assembly’s ballot: my counted marks, matter by matter' }) marks!: MarkViewDto[] | null;
  @ApiProperty({ nullable: true, enum: ['online', 'paper', 'meeting'], enumName: 'Channel' }) channel!: 'online' | 'paper' | 'meeting' | null;
  @ApiProperty({ type: String, nullable: true, description: 'Receipt code to find on the bulletin board' }) receipt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'An online ballot a paper ballot superseded' }) supersededReceipt!: string | null;
  @ApiProperty({ description: 'I may cast (again) now' }) canCast!: boolean;
}

export class VoteDetailDto extends VoteSummaryDto {
  @ApiProperty({ description: 'The deciding body, in Chinese' }) bodyZh!: string;
  @ApiProperty() bodyEn!: string;
  @ApiProperty({ type: [MyVoterDto], description: 'The voters I may cast for in this vote' }) myVoters!: MyVoterDto[];
  @ApiProperty({ description: 'I run it (open, close, paper ballots, proxies)' }) canManage!: boolean;
  @ApiProperty({ type: [VoteAttachmentDto], description: 'The documents announced with the vote, in order' }) attachments!: VoteAttachmentDto[];
  @ApiProperty({ type: 'integer', description: 'Legal notice in days before opening (15 owners, 10 member assembly)' }) noticeDays!: number;
  @ApiProperty({ description: 'The shortest voting window (hours) when it was announced; 0 for a poll' }) minVotingHours!: number;
  @ApiProperty({
    type: ShorteningDto,
    nullable: true,
    description: 'The latest request to open early or with a shorter window: approved ones for everyone, pending and refused ones for those who run or supervise the vote',
  })
  shortening!: ShorteningDto | null;
  @ApiProperty({ description: 'I supervise the unit (staff or admin of its community or street) and did not ask for nor announce it: I may decide its shortening' }) canDecideShortening!: boolean;
}

export class CastReceiptDto {
  @ApiProperty({ description: 'Your receipt: find it on the bulletin board of the vote' }) receipt!: string;
  @ApiProperty() voterId!: string;
  @ApiProperty({ format: 'date-time' }) castAt!: string;
  @ApiProperty({ description: 'False when the same ballot was already recorded (a retried submit)' }) changed!: boolean;
}

export const RESULT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class ResultExportQueryDto {
  @ApiPropertyOptional({ enum: RESULT_EXPORT_FORMATS, enumName: 'ResultExportFormat', default: 'xlsx' })
  @IsOmittable()
  @IsIn(RESULT_EXPORT_FORMATS)
  format?: (typeof RESULT_EXPORT_FORMATS)[number];
}
