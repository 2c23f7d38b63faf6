import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSULTATION_PHASES, INTAKE_CHANNELS } from '@yishi/contracts';
import type { ConsultationPhase, IntakeChannel } from '@yishi/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { OfficialReplyDto } from './comment.dto';
import { IsOmittable } from '../../common/validation';

/** Opinions in a page of the adoption report, unless the request asks for another number (at most ADOPTION_REPORT_MAX_PAGE). */
export const ADOPTION_REPORT_PAGE = 100;
export const ADOPTION_REPORT_MAX_PAGE = 500;

export class AdoptionReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the opinions on this published version (default: all versions)' })
  @IsOmittable()
  @IsUUID()
  versionId?: string;
}

export class AdoptionReportPageQueryDto extends AdoptionReportQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'From the opinion at this position in the report (0 = the first; from `next`)' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: ADOPTION_REPORT_MAX_PAGE, default: ADOPTION_REPORT_PAGE, description: 'Opinions in this page' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ADOPTION_REPORT_MAX_PAGE)
  limit?: number;
}

export class AdoptionReportItemDto {
  @ApiProperty({ description: 'Running number in the report (序号)' }) seq!: number;
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The opinion; null when it was hidden (see hiddenReason)' }) body!: string | null;
  @ApiProperty() hidden!: boolean;
  @ApiProperty({ type: String, nullable: true }) hiddenReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null when anonymous' }) authorName!: string | null;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ enum: INTAKE_CHANNELS, enumName: 'IntakeChannel' }) channel!: IntakeChannel;
  @ApiProperty({ type: String, nullable: true, description: 'Offline: who collected it' }) collectorName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Offline: when it was collected' }) collectedOn!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When it was written (online) or entered (offline)' }) createdAt!: string;
  @ApiProperty({ type: OfficialReplyDto, nullable: true, description: 'Null: 待答复 (no answer yet)' }) reply!: OfficialReplyDto | null;
}

export class AdoptionReportSectionDto {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty() versionTitle!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: opinions on the whole draft (listed first)' }) clauseId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) clauseNumber!: number | null;
  @ApiProperty({ type: String, nullable: true }) clauseHeading!: string | null;
  @ApiProperty({ description: 'Opinions in this section of the whole report; a page may hold only some of them' }) count!: number;
  @ApiProperty({ type: [AdoptionReportItemDto], description: 'This page’s opinions of the section' }) items!: AdoptionReportItemDto[];
}

export class AdoptionTotalsDto {
  @ApiProperty() total!: number;
  @ApiProperty() adopted!: number;
  @ApiProperty() partly_adopted!: number;
  @ApiProperty() not_adopted!: number;
  @ApiProperty() noted!: number;
  @ApiProperty({ description: 'Not answered yet (待答复)' }) pending!: number;
  @ApiProperty({ description: 'Of the total, received offline' }) offline!: number;
}

export class AdoptionReportDto {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONSULTATION_PHASES, enumName: 'ConsultationPhase' }) phase!: ConsultationPhase;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: AdoptionTotalsDto, description: 'Of the whole report, not only this page' }) totals!: AdoptionTotalsDto;
  @ApiProperty({ type: [AdoptionReportSectionDto], description: 'This page’s opinions by version, then the whole draft first, then 第1条, 第2条…' })
  sections!: AdoptionReportSectionDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'The offset of the next page; null on the last' }) next!: number | null;
}
