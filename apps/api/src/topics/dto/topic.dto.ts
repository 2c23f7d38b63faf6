import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_CHANNELS, LIMITS, OFFLINE_CHANNELS, TOPIC_STATUSES } from '@yishi/contracts';
import type { IntakeChannel, OfflineChannel, TopicStatus } from '@yishi/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsUUID, Matches, Max, Min, ValidateNested, IsObject } from 'class-validator';
import { CreateConsultationDto } from '../../consultations/dto/consultation.dto';
import { PlainText } from '../../common/plain-text';
import { IsOmittable } from '../../common/validation';

/** How long a name written on paper (the resident's, the collector's) may be. */
export const PERSON_NAME_MAX = 50;

// --- Requests ------------------------------------------------------------------------------

export class CreateTopicDto {
  @ApiProperty({ maxLength: LIMITS.topicTitle, example: '小区东门晚上太暗，建议加装路灯' })
  @PlainText(1, LIMITS.topicTitle)
  title!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.topicBody, description: 'The matter in the resident’s words (plain text, line breaks kept)' })
  @IsOmittable()
  @PlainText(0, LIMITS.topicBody, { multiLine: true })
  body?: string;

  @ApiPropertyOptional({ default: false, description: 'Hide my name from everyone who reads the topic' })
  @IsOmittable()
  @IsBoolean()
  anonymous?: boolean;
}

export class RecordOfflineTopicDto {
  @ApiProperty({ enum: OFFLINE_CHANNELS, enumName: 'OfflineChannel', description: 'How it reached us' })
  @IsIn(OFFLINE_CHANNELS)
  channel!: OfflineChannel;

  @ApiProperty({ maxLength: LIMITS.topicTitle })
  @PlainText(1, LIMITS.topicTitle)
  title!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.topicBody, description: 'What the paper or the caller said' })
  @IsOmittable()
  @PlainText(0, LIMITS.topicBody, { multiLine: true })
  body?: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX, example: '1栋楼长 潘志明', description: 'Who collected it, as written on the paper' })
  @PlainText(1, PERSON_NAME_MAX)
  collectorName!: string;

  @ApiProperty({ format: 'date', example: '2026-11-20', description: 'The day it was collected (not in the future)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'collectedOn must be a date as YYYY-MM-DD' })
  collectedOn!: string;

  @ApiPropertyOptional({ maxLength: PERSON_NAME_MAX, description: 'The resident’s name; leave out when anonymous' })
  @IsOmittable()
  @PlainText(1, PERSON_NAME_MAX)
  residentName?: string;

  @ApiPropertyOptional({ default: false, description: 'The resident did not give a name' })
  @IsOmittable()
  @IsBoolean()
  anonymous?: boolean;
}

export class TopicListQueryDto {
  @ApiPropertyOptional({ enum: TOPIC_STATUSES, enumName: 'TopicStatus' })
  @IsOmittable()
  @IsIn(TOPIC_STATUSES)
  status?: TopicStatus;

  @ApiPropertyOptional({ enum: INTAKE_CHANNELS, enumName: 'IntakeChannel' })
  @IsOmittable()
  @IsIn(INTAKE_CHANNELS)
  channel?: IntakeChannel;

  @ApiPropertyOptional({ default: false, description: 'Only the topics I submitted' })
  @IsOmittable()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class AcceptTopicDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing consultation of the topic’s unit, not past its comment period' })
  @IsOmittable()
  @IsUUID()
  consultationId?: string;

  @ApiPropertyOptional({ type: CreateConsultationDto, description: 'Or a new consultation, opened on the topic’s unit in the same step' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CreateConsultationDto)
  newConsultation?: CreateConsultationDto;

  @ApiPropertyOptional({ maxLength: LIMITS.reason, description: 'A note shown with the decision' })
  @IsOmittable()
  @PlainText(1, LIMITS.reason, { multiLine: true })
  note?: string;
}

export class MergeTopicDto {
  @ApiProperty({ format: 'uuid', description: 'An open or accepted topic of the same unit' })
  @IsUUID()
  intoTopicId!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.reason, description: 'A note shown with the decision' })
  @IsOmittable()
  @PlainText(1, LIMITS.reason, { multiLine: true })
  note?: string;
}

export class DeclineTopicDto {
  @ApiProperty({ minLength: 2, maxLength: LIMITS.reason, description: 'Why, in words residents understand: shown publicly with the topic' })
  @PlainText(2, LIMITS.reason, { multiLine: true })
  reason!: string;
}

export class TopicPhotoUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'One photo (JPEG, PNG or WebP), at most 10 MB' })
  file!: unknown;
}

// --- Responses -----------------------------------------------------------------------------

export class TopicPhotoDto {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ minimum: 1, maximum: 3 }) position!: number;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'], enumName: 'PhotoMime' }) mime!: string;
  @ApiProperty({ description: 'Where to download it' }) url!: string;
}

export class TopicOfflineDto {
  @ApiProperty({ type: String, nullable: true }) collectorName!: string | null;
  @ApiProperty({ format: 'date' }) collectedOn!: string;
  @ApiProperty({ description: 'Who entered it' }) recordedByName!: string;
}

export class TopicDecisionDto {
  @ApiProperty({ enum: ['accepted', 'merged', 'declined'], enumName: 'TopicOutcome' }) outcome!: Exclude<TopicStatus, 'open'>;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was declined, or a note on acceptance or merging (public)' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) consultationId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null while the consultation is still a draft you cannot read' }) consultationTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) mergedIntoId!: string | null;
  @ApiProperty({ type: String, nullable: true }) mergedIntoTitle!: string | null;
  @ApiProperty({ format: 'date-time' }) screenedAt!: string;
  @ApiProperty({ type: String, nullable: true }) screenedByName!: string | null;
}

export class MyTopicRightsDto {
  @ApiProperty() canSecond!: boolean;
  @ApiProperty() canAddPhotos!: boolean;
  @ApiProperty() canScreen!: boolean;
}

export class TopicDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: INTAKE_CHANNELS, enumName: 'IntakeChannel' }) channel!: IntakeChannel;
  @ApiProperty({ enum: TOPIC_STATUSES, enumName: 'TopicStatus' }) status!: TopicStatus;
  @ApiProperty({ description: 'The submitter gave no name (or asked to hide it): no name is shown to anyone' }) anonymous!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Who raised it: the online author, or the name given offline; null when anonymous' })
  submitterName!: string | null;
  @ApiProperty({ description: 'I submitted it online' }) mine!: boolean;
  @ApiProperty({ type: TopicOfflineDto, nullable: true, description: 'Provenance of a topic received offline' }) offline!: TopicOfflineDto | null;
  @ApiProperty({ description: 'Residents seconding it (including those carried over from topics merged into it)' }) secondCount!: number;
  @ApiProperty() secondedByMe!: boolean;
  @ApiProperty({ type: [TopicPhotoDto] }) photos!: TopicPhotoDto[];
  @ApiProperty({ type: TopicDecisionDto, nullable: true }) decision!: TopicDecisionDto | null;
  @ApiProperty({ description: 'Topics merged into this one' }) mergedTopicCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: MyTopicRightsDto }) me!: MyTopicRightsDto;
}

export class TopicPageDto {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [TopicDto] }) items!: TopicDto[];
}

export class TopicSecondStateDto {
  @ApiProperty({ format: 'uuid' }) topicId!: string;
  @ApiProperty() secondCount!: number;
  @ApiProperty() secondedByMe!: boolean;
}
