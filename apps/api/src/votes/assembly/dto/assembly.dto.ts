import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATTER_KINDS, RULE_SET_IDS } from '@yishi/domain';
import type { MatterKind, RuleSetId } from '@yishi/domain';
import { VOTE_LIMITS } from '@yishi/contracts';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, Equals, IsArray, IsIn, IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { PlainText } from '../../../common/plain-text';
import { IsOmittable } from '../../../common/validation';
import { Lml63Dto, VoteAttachmentInputDto } from '../../lifecycle/dto/vote-parts.dto';

export class CandidateInputDto {
  @ApiProperty({ example: '陈志强', maxLength: VOTE_LIMITS.candidateName })
  @PlainText(1, VOTE_LIMITS.candidateName)
  name!: string;

  @ApiProperty({ example: '3 栋业主，退休工程师，曾参与小区电梯加装协调。', maxLength: VOTE_LIMITS.candidateStatement, description: 'The candidate’s short statement, as they gave it' })
  @PlainText(1, VOTE_LIMITS.candidateStatement, { multiLine: true })
  statement!: string;

  @ApiPropertyOptional({ maxLength: VOTE_LIMITS.candidateStatement })
  @IsOmittable()
  @PlainText(1, VOTE_LIMITS.candidateStatement, { multiLine: true })
  statementEn?: string;

  @ApiProperty({ type: Boolean, description: 'Must be true: the candidate agreed in writing to stand (the convenor keeps the signed form); a candidate stands only with their consent' })
  @Equals(true)
  consent!: true;
}

export class MatterInputDto {
  @ApiProperty({ example: '管理规约', maxLength: VOTE_LIMITS.matterTitle, description: 'A short name for lists and the result' })
  @PlainText(1, VOTE_LIMITS.matterTitle)
  title!: string;

  @ApiPropertyOptional({ maxLength: VOTE_LIMITS.matterTitle })
  @IsOmittable()
  @PlainText(1, VOTE_LIMITS.matterTitle)
  titleEn?: string;

  @ApiProperty({ example: '是否同意《御水岸管理规约（修订稿）》？' })
  @PlainText(1, VOTE_LIMITS.question, { multiLine: true })
  question!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @PlainText(1, VOTE_LIMITS.question, { multiLine: true })
  questionEn?: string;

  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId', description: 'The rule the law sets for this matter (an item-6 repair-fund raising: cc278-major)' })
  @IsIn(RULE_SET_IDS)
  ruleSet!: RuleSetId;

  @ApiProperty({ enum: MATTER_KINDS, enumName: 'MatterKind', isArray: true })
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

  @ApiPropertyOptional({ minimum: 1, maximum: VOTE_LIMITS.seats, description: 'An election: the seats to fill (each voter chooses up to this many)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(VOTE_LIMITS.seats)
  seats?: number;

  @ApiPropertyOptional({ type: [CandidateInputDto], description: 'An election: the candidates, in the order of the paper' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(VOTE_LIMITS.candidates)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CandidateInputDto)
  candidates?: CandidateInputDto[];

  @ApiPropertyOptional({ type: [VoteAttachmentInputDto], description: 'Documents of this matter (the quote, the candidates’ list), uploaded first; with the vote’s own, at most 10 in all' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(VOTE_LIMITS.attachments)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => VoteAttachmentInputDto)
  attachments?: VoteAttachmentInputDto[];
}

export const MARK_CHOICES = ['approve', 'oppose', 'abstain', 'blank', 'spoilt'] as const;

export class MarkInputDto {
  @ApiProperty({ example: 'm1', description: 'The matter (its id on the ballot)' })
  @IsString()
  @Length(1, VOTE_LIMITS.markId)
  matter!: string;

  @ApiPropertyOptional({ enum: MARK_CHOICES, enumName: 'MarkChoice', description: 'A motion: approve, oppose or abstain; "blank" (or omitting the matter) leaves it blank; "spoilt" only on paper, where the mark cannot be read' })
  @IsOmittable()
  @IsIn(MARK_CHOICES)
  choice?: (typeof MARK_CHOICES)[number];

  @ApiPropertyOptional({ type: [String], example: ['c1', 'c3'], description: 'An election: the candidates chosen (at most the seats; none is allowed)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(VOTE_LIMITS.candidates + 1)
  @IsString({ each: true })
  @Length(1, VOTE_LIMITS.markId, { each: true })
  chosen?: string[];
}

export class CandidateViewDto {
  @ApiProperty({ example: 'c1' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() statement!: string;
  @ApiProperty({ type: String, nullable: true }) statementEn!: string | null;
}

export class MatterViewDto {
  @ApiProperty({ example: 'm1' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty() question!: string;
  @ApiProperty({ type: String, nullable: true }) questionEn!: string | null;
  @ApiProperty({ enum: ['motion', 'election'], enumName: 'MatterQuestionKind' }) kind!: 'motion' | 'election';
  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId' }) ruleSet!: RuleSetId;
  @ApiProperty({ enum: MATTER_KINDS, enumName: 'MatterKind', isArray: true }) matterKinds!: MatterKind[];
  @ApiProperty({ type: Number, nullable: true }) seats!: number | null;
  @ApiProperty({ type: [CandidateViewDto], nullable: true }) candidates!: CandidateViewDto[] | null;
}

export class MarkViewDto {
  @ApiProperty({ example: 'm1' }) matter!: string;
  @ApiProperty({ enum: MARK_CHOICES, enumName: 'MarkChoice', nullable: true, description: 'A motion’s choice, or blank/spoilt; null for an election that chose' }) choice!: (typeof MARK_CHOICES)[number] | null;
  @ApiProperty({ type: [String], nullable: true, description: 'An election: the candidates chosen' }) chosen!: string[] | null;
}

/** An assembly's marks as a multipart body carries them: one field holding a JSON array. */
function marksFromForm({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.map((m: unknown) => (typeof m === 'object' && m !== null ? plainToInstance(MarkInputDto, m) : m)) : parsed;
  } catch {
    return value;
  }
}

/**
 * An assembly ballot's `marks` field, validated the same way wherever a ballot is given — a cast,
 * a paper entry (`fromForm`: a multipart field holding the JSON array), a dispute settled.
 */
export function MarksField(description: string, options: { fromForm?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [MarkInputDto], description }),
    IsOmittable(),
    ...(options.fromForm ? [Transform(marksFromForm)] : []),
    IsArray(),
    ArrayMaxSize(VOTE_LIMITS.matters),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => MarkInputDto),
  );
}
