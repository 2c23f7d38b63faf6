import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { IsOmittable } from '../../common/validation';
import { FOLLOW_UP_STATES } from '../entities/follow-up.entity';
import type { FollowUpState } from '../entities/follow-up.entity';

export const MINUTES_LIMITS = { body: 40_000, reason: 500, title: 200, responsible: 100, note: 2000 } as const;

export class EditMinutesDto {
  @ApiProperty({ maxLength: MINUTES_LIMITS.body, description: 'The minutes’ text as the recorder completes it (confirmations given before are withdrawn)' })
  @PlainText(1, MINUTES_LIMITS.body, { multiLine: true })
  body!: string;
}

export class CorrectMinutesDto {
  @ApiProperty({ maxLength: MINUTES_LIMITS.reason, description: 'Why the published minutes are corrected (shown with the new version)' })
  @PlainText(1, MINUTES_LIMITS.reason, { multiLine: true })
  reason!: string;
}

export class CreateFollowUpDto {
  @ApiProperty({ format: 'uuid', description: 'The agenda item whose decision it carries out' })
  @IsUUID('all')
  itemId!: string;

  @ApiProperty({ maxLength: MINUTES_LIMITS.title, example: '完成南村地块测绘并公示' })
  @PlainText(1, MINUTES_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: MINUTES_LIMITS.responsible, example: '经济社理事会' })
  @PlainText(1, MINUTES_LIMITS.responsible)
  responsible!: string;

  @ApiProperty({ format: 'date', example: '2027-01-31', description: 'Due by this day (the statutory time zone)' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueOn!: string;
}

/** The text fields of a status update (the multipart body besides an optional photo). */
export class FollowUpUpdateFieldsDto {
  @ApiProperty({ enum: FOLLOW_UP_STATES, enumName: 'FollowUpState' })
  @IsIn(FOLLOW_UP_STATES)
  state!: FollowUpState;

  @ApiProperty({ maxLength: MINUTES_LIMITS.note, example: '测绘队已进场，预计下周完成。' })
  @PlainText(1, MINUTES_LIMITS.note, { multiLine: true })
  note!: string;
}

export class FollowUpUpdateUploadDto extends FollowUpUpdateFieldsDto {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'A photo of the work (JPEG, PNG or WebP), at most 10 MB' })
  @IsOmittable()
  file?: unknown;
}

export class MinutesVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why this version corrects the one before' }) correctionReason!: string | null;
  @ApiProperty() editedBy!: string;
  @ApiProperty({ format: 'date-time' }) editedAt!: string;
  @ApiProperty({ type: String, nullable: true }) chairConfirmedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) chairConfirmedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) scrutineerConfirmedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scrutineerConfirmedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class MinutesDto {
  @ApiProperty({ type: [MinutesVersionDto], description: 'The newest first; residents see the published versions only' }) versions!: MinutesVersionDto[];
  @ApiProperty({ description: 'I may draft or edit the text (the recorder, or one who runs the sessions)' }) mayEdit!: boolean;
  @ApiProperty({ nullable: true, enum: ['chair', 'scrutineer'], enumName: 'MinutesConfirmer', description: 'As whom I may confirm the open version now' })
  mayConfirmAs!: 'chair' | 'scrutineer' | null;
  @ApiProperty({ description: 'I may publish once both have confirmed' }) mayPublish!: boolean;
}

export class FollowUpUpdateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATES, enumName: 'FollowUpState' }) state!: FollowUpState;
  @ApiProperty() note!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) photoIds!: string[];
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() responsible!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATES, enumName: 'FollowUpState' }) state!: FollowUpState;
  @ApiProperty({ description: 'Past its day and not done' }) overdue!: boolean;
  @ApiProperty({ type: [FollowUpUpdateDto] }) updates!: FollowUpUpdateDto[];
}
