import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@yishi/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { MarkInputDto, MarksField } from '../../assembly/dto/assembly.dto';
import { PlainText } from '../../../common/plain-text';
import { PAPER_DISPUTE_FIELDS, PAPER_STATUSES, PAPER_VOID_KINDS } from '../../entities/ballot-paper.entity';
import type { PaperDisputeField, PaperStatus, PaperVoidKind } from '../../entities/ballot-paper.entity';
import { IsOmittable } from '../../../common/validation';

const VOTER_ID = /^v-[0-9a-f]{8,}$/;

// --- Requests -------------------------------------------------------------------------------

export class IssuePapersDto {
  @ApiPropertyOptional({ description: 'Every voter of the electorate' })
  @IsOmittable()
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Buildings (compound) or households (cooperative), as the voters list names them', example: ['1栋'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  groups?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Listed voters' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @Matches(VOTER_ID, { each: true })
  voterIds?: string[];
}

export class ReturnPapersDto {
  @ApiProperty({ type: [Number], description: 'Serial numbers of the papers that came back' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2_147_483_647, { each: true })
  serials!: number[];
}

/** The text fields of a paper entry (the multipart body besides the scan). */
export class PaperEntryFieldsDto {
  @ApiPropertyOptional({ description: 'What the paper says: "approve", "oppose", "abstain", or an option id of a poll (an assembly’s paper: `marks`)', example: 'approve' })
  @ValidateIf((o: PaperEntryFieldsDto) => o.marks === undefined)
  @IsString()
  @Length(1, 20)
  choice?: string;

  @MarksField(
    'An assembly’s paper, matter by matter (in a multipart body: one field holding the JSON array). A matter not given is blank; "spoilt" where the mark cannot be read; an election with more names ticked than seats is entered as ticked and counts as spoilt on that matter only.',
    { fromForm: true },
  )
  marks?: MarkInputDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The recorded proxy the paper was signed under (by the agent), if any' })
  @IsOmittable()
  @IsUUID()
  proxyId?: string;

  @ApiPropertyOptional({ description: 'The verification code printed on the paper, checked when given', example: '3FA9C2' })
  @IsOmittable()
  @Matches(/^[0-9A-Fa-f]{6}$/)
  code?: string;
}

/** The whole multipart body, for the API document. */
export class PaperEntryUploadDto extends PaperEntryFieldsDto {
  @ApiPropertyOptional({
    type: 'string',
    format: 'binary',
    description: `The scan of the paper (PDF or photo, at most ${LIMITS.fileBytes / 1024 / 1024} MB): required with the first entry, kept`,
  })
  file?: unknown;
}

export class ResolvePaperDto {
  @ApiPropertyOptional({ description: 'What the paper says, as decided: a choice of the vote, or "spoilt" (the whole paper does not count); an assembly’s paper is decided matter by matter in `marks`', example: 'oppose' })
  @ValidateIf((o: ResolvePaperDto) => o.marks === undefined)
  @IsString()
  @Length(1, 20)
  choice?: string;

  @MarksField('An assembly’s paper, as decided, matter by matter')
  marks?: MarkInputDto[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The recorded proxy the paper was signed under, if any' })
  @IsOptional()
  @IsUUID()
  proxyId?: string | null;

  @ApiProperty({ description: 'Why: what the paper shows (kept with the paper and in the audit trail)' })
  @PlainText(2, 500, { multiLine: true })
  note!: string;
}

export class PaperReasonDto {
  @ApiProperty({ description: 'Why (kept with the paper and in the audit trail)', example: '选票遗失' })
  @PlainText(2, 500)
  reason!: string;
}

export class CheckInDto {
  @ApiProperty({ type: [String], description: 'Voters who signed the attendance sheet (签到) at the meeting' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @Matches(VOTER_ID, { each: true })
  voterIds!: string[];
}

export class PaperListQueryDto {
  @ApiPropertyOptional({ description: 'One building or household' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  group?: string;

  @ApiPropertyOptional({ enum: PAPER_STATUSES, enumName: 'PaperStatus' })
  @IsOmittable()
  @IsIn(PAPER_STATUSES)
  status?: PaperStatus;
}

export class VoterListQueryDto {
  @ApiPropertyOptional({ description: 'A name, unit or household to look for' })
  @IsOmittable()
  @IsString()
  @Length(1, 50)
  q?: string;

  @ApiPropertyOptional({ description: 'One building or household' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  group?: string;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

// --- Responses ------------------------------------------------------------------------------

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class PaperProxyDto {
  @ApiProperty({ description: 'The agent as the chain names them (a voter id, or a pseudonym of someone off the roll)' }) agent!: string;
  @ApiProperty() written!: boolean;
}

export class PaperReadingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'The first entry (shown once the paper is disputed or settled, never to the second enterer before they enter)' }) first!: string | null;
  @ApiProperty({ type: String, nullable: true }) second!: string | null;
}

export class PaperDto {
  @ApiProperty() serial!: number;
  @ApiProperty({ description: 'Printed on the paper and checked at entry' }) code!: string;
  @ApiProperty() voterId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Building (compound) or household (cooperative)' }) group!: string;
  @ApiProperty({ type: [String] }) unitLabels!: string[];
  @ApiProperty({ enum: PAPER_STATUSES, enumName: 'PaperStatus' }) status!: PaperStatus;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) returnedAt!: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) enteredBy!: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) enteredAt!: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'The second, independent entry' }) confirmedBy!: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) confirmedAt!: string | null;
  @ApiProperty({ type: PaperReadingsDto, nullable: true, description: 'Named votes: both readings once disputed or settled; secret votes: only while disputed' })
  readings!: PaperReadingsDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Named votes: the counted choice once confirmed' }) choice!: string | null;
  @ApiProperty({ type: PaperProxyDto, nullable: true, description: 'The proxy of the first entry (hidden until the paper is settled or disputed)' })
  proxy!: PaperProxyDto | null;
  @ApiProperty() hasScan!: boolean;
  @ApiProperty({ enum: PAPER_VOID_KINDS, enumName: 'PaperVoidKind', nullable: true, description: 'Why it is void: voided, voided and reissued, or settled as spoilt' }) voidKind!: PaperVoidKind | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reason given for voiding or reissuing it' }) voidReason!: string | null;
  @ApiProperty({ enum: PAPER_DISPUTE_FIELDS, enumName: 'PaperDisputeField', isArray: true, description: 'What the two readings disagreed on (kept once settled)' }) disputedOn!: PaperDisputeField[];
  @ApiProperty({ type: String, nullable: true, description: 'The note of whoever settled the dispute' }) resolution!: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) resolvedBy!: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) resolvedAt!: string | null;
}

export class PaperCountsDto {
  @ApiProperty({ description: 'Live papers handed out (not void)' }) issued!: number;
  @ApiProperty({ description: 'Of those, back (returned, entered, confirmed or disputed)' }) returned!: number;
  @ApiProperty({ description: 'Entered at least once' }) entered!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() disputed!: number;
  @ApiProperty({ description: 'Voided papers (reissued, spoilt, refused)' }) void!: number;
}

export class PaperGroupCountsDto extends PaperCountsDto {
  @ApiProperty({ description: 'Building (compound) or household (cooperative)' }) group!: string;
  @ApiProperty({ description: 'Voters of the electorate in it' }) voters!: number;
}

export class PaperListDto {
  @ApiProperty({ type: PaperCountsDto }) totals!: PaperCountsDto;
  @ApiProperty({ type: [PaperGroupCountsDto] }) groups!: PaperGroupCountsDto[];
  @ApiProperty({ type: [PaperDto] }) papers!: PaperDto[];
}

export class SkippedVoterDto {
  @ApiProperty() voterId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '"has_paper", "already_voted" (secret), or the reason the ballot would not count (e.g. "not-designated-co-owner", "no-full-capacity")' })
  reason!: string;
}

export class IssueResultDto {
  @ApiProperty({ type: [PaperDto] }) issued!: PaperDto[];
  @ApiProperty({ type: [SkippedVoterDto] }) skipped!: SkippedVoterDto[];
}

export class ReturnResultDto {
  @ApiProperty({ type: [Number] }) returned!: number[];
  @ApiProperty({ type: [Number], description: 'Already back (returned, entered, confirmed or disputed)' }) already!: number[];
}

export class PaperEntryResultDto {
  @ApiProperty() serial!: number;
  @ApiProperty({ enum: ['entered', 'confirmed', 'disputed', 'void'], enumName: 'PaperEntryStatus', description: 'entered: waiting for a second person; confirmed: counted; disputed: the two entries differ; void: settled as spoilt' })
  status!: 'entered' | 'confirmed' | 'disputed' | 'void';
  @ApiProperty({ type: String, nullable: true, description: 'Named votes, once confirmed: the ballot’s receipt' }) receipt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The online ballot this paper superseded' }) supersededReceipt!: string | null;
}

export class PrintPaperDto {
  @ApiProperty() serial!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) unitLabels!: string[];
  @ApiProperty({ enum: PAPER_STATUSES, enumName: 'PaperStatus' }) status!: PaperStatus;
}

export class PrintDocumentDto {
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the file as announced, printed so a copy can be checked against the paper', pattern: '^[0-9a-f]{64}$' }) sha256!: string;
}

export class PrintGroupDto {
  @ApiProperty() group!: string;
  @ApiProperty({ type: [PrintPaperDto] }) papers!: PrintPaperDto[];
}

export class PrintChoiceDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
}

/** One matter of an assembly's paper: its question and the boxes to tick. */
export class PrintMatterDto {
  @ApiProperty({ example: 'm3' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ enum: ['motion', 'election'], enumName: 'MatterQuestionKind' }) kind!: 'motion' | 'election';
  @ApiProperty({ type: Number, nullable: true, description: 'An election: tick at most this many' }) seats!: number | null;
  @ApiProperty({ type: [PrintChoiceDto], description: 'A motion’s three boxes, or the candidates in order' }) choices!: PrintChoiceDto[];
  @ApiProperty({ type: [PrintDocumentDto] }) documents!: PrintDocumentDto[];
}

export class PaperPrintDto {
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ type: [PrintChoiceDto] }) choices!: PrintChoiceDto[];
  @ApiProperty({ type: [PrintDocumentDto], description: 'The documents the vote was announced with, in order: the paper lists them' }) documents!: PrintDocumentDto[];
  @ApiProperty({ type: [PrintMatterDto], nullable: true, description: 'An assembly’s ballot: every matter on the one paper' }) matters!: PrintMatterDto[] | null;
  @ApiProperty({ enum: ['named', 'secret'], enumName: 'Secrecy' }) secrecy!: 'named' | 'secret';
  @ApiProperty({ format: 'date-time', description: 'Papers must be back before voting closes' }) closesAt!: string;
  @ApiProperty({ type: [PrintGroupDto] }) groups!: PrintGroupDto[];
}

export class VoteVoterDto {
  @ApiProperty() voterId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() group!: string;
  @ApiProperty({ type: [String] }) unitLabels!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Serial of the live ballot paper' }) paperSerial!: number | null;
  @ApiProperty({ nullable: true, enum: PAPER_STATUSES, enumName: 'PaperStatus' }) paperStatus!: PaperStatus | null;
  @ApiProperty({ description: 'Has a counted ballot (named) or is marked on the roll (secret)' }) voted!: boolean;
  @ApiProperty({ nullable: true, enum: ['online', 'paper', 'meeting'], enumName: 'Channel' }) channel!: 'online' | 'paper' | 'meeting' | null;
  @ApiProperty({ description: 'Signed in at the meeting' }) checkedIn!: boolean;
}

export class CheckInResultDto {
  @ApiProperty({ type: [String] }) checkedIn!: string[];
  @ApiProperty({ type: [String], description: 'Already signed in (a check-in counts once)' }) already!: string[];
  @ApiProperty({ description: 'Voters signed in so far' }) attendance!: number;
}
