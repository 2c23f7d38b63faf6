import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_CHANNELS, LIMITS, OFFLINE_CHANNELS, REPLY_OUTCOMES } from '@yishi/contracts';
import type { IntakeChannel, OfflineChannel, ReplyOutcome } from '@yishi/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation';

/** Lengths checked by the service (in characters, after trimming): see plain-text.ts. */
export const NAME_MAX = 50;
/** An official reply explains a decision: as long as an opinion may be (the database allows the same). */
export const REPLY_REASON_MAX = LIMITS.commentBody;

// --- Requests -------------------------------------------------------------------------------

export class CommentListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only comments on this published version' })
  @IsOmittable()
  @IsUUID()
  versionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only comments on this clause' })
  @IsOmittable()
  @IsUUID()
  clauseId?: string;

  @ApiPropertyOptional({ description: 'Only comments on the whole draft (not on a clause)', default: false })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  @IsBoolean()
  wholeDraft?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Older than this top-level comment (from `next`)' })
  @IsOmittable()
  @IsUUID()
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CreateCommentDto {
  @ApiProperty({ description: `Plain text, at most ${LIMITS.commentBody} characters; never rendered as HTML` })
  @IsString()
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A clause of the current version; omit for the whole draft (or for a reply)' })
  @IsOmittable()
  @IsUUID()
  clauseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Answer this top-level comment (same version and place)' })
  @IsOmittable()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The version the writer read: refused with 409 when a newer one has been published meanwhile' })
  @IsOmittable()
  @IsUUID()
  versionId?: string;
}

export class CreateOfflineCommentDto {
  @ApiProperty({ description: `The opinion as received, plain text, at most ${LIMITS.commentBody} characters` })
  @IsString()
  body!: string;

  @ApiProperty({ enum: OFFLINE_CHANNELS, enumName: 'OfflineChannel' })
  @IsIn(OFFLINE_CHANNELS)
  channel!: OfflineChannel;

  @ApiProperty({ description: `Who collected it (building head, staff member…), at most ${NAME_MAX} characters` })
  @IsString()
  collectorName!: string;

  @ApiProperty({ format: 'date', example: '2026-05-12', description: 'When it was collected (not in the future)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'collectedOn must be a date as YYYY-MM-DD' })
  collectedOn!: string;

  @ApiPropertyOptional({ default: false, description: 'The resident asked not to be named (or gave no name)' })
  @IsOmittable()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: `The resident's name; required unless anonymous, at most ${NAME_MAX} characters` })
  @ValidateIf((o: CreateOfflineCommentDto) => o.residentName !== undefined && o.residentName !== null)
  @IsString()
  residentName?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'A clause of that version; omit for the whole draft' })
  @IsOmittable()
  @IsUUID()
  clauseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The published version it is about (default: the current one)' })
  @IsOmittable()
  @IsUUID()
  versionId?: string;
}

export class HideCommentDto {
  @ApiProperty({ description: `Shown to the author and, in place of the text, to everyone; at most ${LIMITS.reason} characters` })
  @IsString()
  reason!: string;
}

export class UnhideCommentDto {
  @ApiPropertyOptional({ description: `Why it is shown again (recorded in the audit trail); at most ${LIMITS.reason} characters` })
  @IsOmittable()
  @IsString()
  reason?: string;
}

export class ReportCommentDto {
  @ApiProperty({ description: `What is wrong with it; at most ${LIMITS.reason} characters` })
  @IsString()
  reason!: string;
}

export class OfficialReplyInputDto {
  @ApiProperty({ enum: REPLY_OUTCOMES, enumName: 'ReplyOutcome' })
  @IsIn(REPLY_OUTCOMES)
  outcome!: ReplyOutcome;

  @ApiProperty({ description: `Why, in words residents understand; at most ${REPLY_REASON_MAX} characters` })
  @IsString()
  reason!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The clause of a later published version that carries the change' })
  @ValidateIf((o: OfficialReplyInputDto) => o.linkedClauseId !== undefined && o.linkedClauseId !== null)
  @IsUUID()
  linkedClauseId?: string | null;
}

// --- Responses ------------------------------------------------------------------------------

export class LinkedClauseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty() number!: number;
  @ApiProperty({ type: String, nullable: true }) heading!: string | null;
}

export class OfficialReplyDto {
  @ApiProperty({ enum: REPLY_OUTCOMES, enumName: 'ReplyOutcome' }) outcome!: ReplyOutcome;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: LinkedClauseDto, nullable: true }) linkedClause!: LinkedClauseDto | null;
  @ApiProperty({ description: 'Who gave (or last changed) the answer' }) repliedByName!: string;
  @ApiProperty({ format: 'date-time' }) repliedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class OfflineProvenanceDto {
  @ApiProperty() collectorName!: string;
  @ApiProperty({ format: 'date' }) collectedOn!: string;
  @ApiProperty({ description: 'Who entered it' }) recordedByName!: string;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: on the whole draft' }) clauseId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) clauseNumber!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Plain text; null when hidden (except for its author and moderators)' }) body!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The writer (online) or the resident named on an offline opinion; null when anonymous' })
  authorName!: string | null;
  @ApiProperty({ description: 'No name is shown (an offline opinion given anonymously)' }) anonymous!: boolean;
  @ApiProperty({ enum: INTAKE_CHANNELS, enumName: 'IntakeChannel' }) channel!: IntakeChannel;
  @ApiProperty({ type: OfflineProvenanceDto, nullable: true, description: 'How an offline opinion arrived; null online' }) offline!: OfflineProvenanceDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'I wrote it' }) mine!: boolean;
  @ApiProperty() reportedByMe!: boolean;
  @ApiProperty() hidden!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) hiddenAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was hidden, shown to everyone in place of the text' }) hiddenReason!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Abuse reports (moderators only; null for others)' }) reportCount!: number | null;
}

export class ThreadDto extends CommentDto {
  @ApiProperty({ type: OfficialReplyDto, nullable: true }) officialReply!: OfficialReplyDto | null;
  @ApiProperty({ type: [CommentDto], description: 'Replies, oldest first' }) replies!: CommentDto[];
}

export class CommentPlaceCountDto {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clauseId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) clauseNumber!: number | null;
  @ApiProperty({ description: 'Top-level comments (hidden ones included)' }) comments!: number;
  @ApiProperty() replies!: number;
}

export class CommentPageDto {
  @ApiProperty({ type: [ThreadDto], description: 'Top-level comments, newest first, each with its replies' }) items!: ThreadDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next page' }) next!: string | null;
  @ApiProperty({ type: [CommentPlaceCountDto], description: 'Counts per place (whole draft, each clause) of the version asked for, or of all versions' })
  counts!: CommentPlaceCountDto[];
}

export class CommentReportItemDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CommentReportListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [CommentReportItemDto], description: 'Newest first; reporters are not named' }) items!: CommentReportItemDto[];
}
