import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@yishi/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, ValidateNested, IsObject } from 'class-validator';
import { IsOmittable } from '../../common/validation';

/** Limits of a draft beyond the shared LIMITS (the database checks the title and bodies too). */
export const DRAFT_LIMITS = {
  title: 200,
  preamble: LIMITS.clauseBody,
  changeNote: 2000,
  heading: 100,
  changeReason: LIMITS.reason,
  attachmentTitle: 200,
  attachmentsPerVersion: 10,
} as const;

// --- Requests -------------------------------------------------------------------------------

export class ClauseInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A clause of this version to keep under its id (links to it stay valid); omit for a new clause' })
  @IsOmittable()
  @IsUUID('all')
  id?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DRAFT_LIMITS.heading, example: '垃圾分类', description: 'Optional heading, one line' })
  @IsOptional()
  @IsString()
  @MaxLength(DRAFT_LIMITS.heading)
  heading?: string | null;

  @ApiProperty({ maxLength: LIMITS.clauseBody, example: '生活垃圾每周清运一次。' })
  @IsString()
  @MaxLength(LIMITS.clauseBody)
  body!: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The clause of the previous version this one continues (each at most once); omitted or null: a new clause. Send it back as read, or continuity is lost' })
  @IsOptional()
  @IsUUID('all')
  previousClauseId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DRAFT_LIMITS.changeReason, description: 'Why it changed from the clause it continues' })
  @IsOptional()
  @IsString()
  @MaxLength(DRAFT_LIMITS.changeReason)
  changeReason?: string | null;
}

/** The whole editable content of a version: what is sent is what is stored (clauses numbered 1..n in order). */
export class UpdateVersionDto {
  @ApiProperty({ maxLength: DRAFT_LIMITS.title, example: '人居环境整治长效管理机制自治公约（草案）' })
  @IsString()
  @MaxLength(DRAFT_LIMITS.title)
  title!: string;

  @ApiPropertyOptional({ maxLength: DRAFT_LIMITS.preamble, description: 'Text before the first article (default: none)' })
  @IsOmittable()
  @IsString()
  @MaxLength(DRAFT_LIMITS.preamble)
  preamble?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DRAFT_LIMITS.changeNote, description: 'What changed from the previous version and why (needed to publish version 2 and later)' })
  @IsOptional()
  @IsString()
  @MaxLength(DRAFT_LIMITS.changeNote)
  changeNote?: string | null;

  @ApiProperty({ type: [ClauseInputDto], maxItems: LIMITS.clausesPerVersion })
  @IsArray()
  @ArrayMaxSize(LIMITS.clausesPerVersion)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ClauseInputDto)
  clauses!: ClauseInputDto[];
}

/** The text fields of an attachment upload (the multipart body besides the file). */
export class AttachmentFieldsDto {
  @ApiProperty({ maxLength: DRAFT_LIMITS.attachmentTitle, example: '地块规划图' })
  @IsString()
  @MaxLength(DRAFT_LIMITS.attachmentTitle)
  title!: string;
}

/** The whole multipart body, for the API document. */
export class AttachmentUploadDto extends AttachmentFieldsDto {
  @ApiProperty({ type: 'string', format: 'binary', description: `A PDF or a photo (JPEG, PNG, WebP), at most ${LIMITS.fileBytes / 1024 / 1024} MB` })
  file!: unknown;
}

// --- Responses ------------------------------------------------------------------------------

export class VersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() published!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty() clauseCount!: number;
  @ApiProperty() attachmentCount!: number;
}

export class ClauseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '第N条' }) number!: number;
  @ApiProperty({ type: String, nullable: true }) heading!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) previousClauseId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Its number in the previous version' }) previousNumber!: number | null;
  @ApiProperty({ type: String, nullable: true }) changeReason!: string | null;
}

export class VersionAttachmentDto {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], enumName: 'AttachmentMime' }) mime!: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'The name the file had when it was uploaded' }) originalName!: string;
  @ApiProperty({ description: 'Where to download it (API path)' }) url!: string;
}

export class VersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() preamble!: string;
  @ApiProperty({ type: String, nullable: true }) changeNote!: string | null;
  @ApiProperty() published!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Whether I may still change it (its convenor, before it is published)' }) editable!: boolean;
  @ApiProperty({ type: [ClauseDto] }) clauses!: ClauseDto[];
  @ApiProperty({ type: [VersionAttachmentDto] }) attachments!: VersionAttachmentDto[];
}

export class DiffSegmentDto {
  @ApiProperty({ enum: ['equal', 'insert', 'delete'], enumName: 'DiffOp' }) op!: 'equal' | 'insert' | 'delete';
  @ApiProperty() text!: string;
}

export class ClauseDiffDto {
  @ApiProperty({ enum: ['unchanged', 'changed', 'added', 'removed'], enumName: 'ClauseDiffStatus' }) status!: 'unchanged' | 'changed' | 'added' | 'removed';
  @ApiProperty({ type: Number, nullable: true, description: 'Number in this version (null when removed)' }) number!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Number in the previous version (null when added)' }) previousNumber!: number | null;
  @ApiProperty({ description: 'Continued under another number (not a change by itself)' }) renumbered!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) clauseId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) previousClauseId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As it now reads (a removed clause: as it read)' }) heading!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) changeReason!: string | null;
  @ApiProperty({ type: [DiffSegmentDto], nullable: true, description: 'Character diff of the heading, when changed' }) headingDiff!: DiffSegmentDto[] | null;
  @ApiProperty({ type: [DiffSegmentDto], nullable: true, description: 'Character diff of the body, when changed' }) bodyDiff!: DiffSegmentDto[] | null;
}

export class ClauseDiffCountsDto {
  @ApiProperty() unchanged!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() added!: number;
  @ApiProperty() removed!: number;
  @ApiProperty() renumbered!: number;
}

export class VersionDiffDto {
  @ApiProperty() number!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The version compared with (null for the first)' }) previousNumber!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) previousTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What changed and why, in the convenor’s words' }) changeNote!: string | null;
  @ApiProperty({ type: [DiffSegmentDto], nullable: true, description: 'Character diff of the preamble, when changed' }) preambleDiff!: DiffSegmentDto[] | null;
  @ApiProperty({ type: [ClauseDiffDto] }) clauses!: ClauseDiffDto[];
  @ApiProperty({ type: ClauseDiffCountsDto }) counts!: ClauseDiffCountsDto;
}
