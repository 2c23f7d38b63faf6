import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@yishi/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDateString, IsInt, IsUUID, Max, Min } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { IsOmittable } from '../../common/validation';

export const BRIEFING_LIMITS = { place: 200, notes: 1000, capacity: 10_000, walkIns: 10_000, attendanceBatch: 2000 } as const;

// --- Requests ------------------------------------------------------------------------------

export class CreateBriefingDto {
  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiProperty({ maxLength: BRIEFING_LIMITS.place, example: '南村经济社党支部组织生活馆' })
  @PlainText(1, BRIEFING_LIMITS.place)
  place!: string;

  @ApiProperty({ minimum: 1, maximum: BRIEFING_LIMITS.capacity, description: 'Seats that can be signed up for' })
  @IsInt()
  @Min(1)
  @Max(BRIEFING_LIMITS.capacity)
  capacity!: number;

  @ApiPropertyOptional({ maxLength: BRIEFING_LIMITS.notes, description: 'What to bring, who speaks, how to get there' })
  @IsOmittable()
  @PlainText(0, BRIEFING_LIMITS.notes, { multiLine: true })
  notes?: string;
}

export class UpdateBriefingDto {
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsDateString({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsDateString({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional({ maxLength: BRIEFING_LIMITS.place })
  @IsOmittable()
  @PlainText(1, BRIEFING_LIMITS.place)
  place?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: BRIEFING_LIMITS.capacity, description: 'Not below the seats already taken' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(BRIEFING_LIMITS.capacity)
  capacity?: number;

  @ApiPropertyOptional({ maxLength: BRIEFING_LIMITS.notes })
  @IsOmittable()
  @PlainText(0, BRIEFING_LIMITS.notes, { multiLine: true })
  notes?: string;
}

export class CancelBriefingDto {
  @ApiPropertyOptional({ maxLength: LIMITS.reason, description: 'Why (recorded in the audit trail)' })
  @IsOmittable()
  @PlainText(1, LIMITS.reason, { multiLine: true })
  reason?: string;
}

export class RecordAttendanceDto {
  @ApiPropertyOptional({ type: [String], description: 'Signed-up people who came' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(BRIEFING_LIMITS.attendanceBatch)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  present?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Signed-up people marked present by mistake' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(BRIEFING_LIMITS.attendanceBatch)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  absent?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: BRIEFING_LIMITS.walkIns, description: 'People who came without signing up (replaces the count)' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(BRIEFING_LIMITS.walkIns)
  walkIns?: number;
}

// --- Responses -----------------------------------------------------------------------------

export class MyBriefingDto {
  @ApiProperty() signedUp!: boolean;
  @ApiProperty() attended!: boolean;
}

export class BriefingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty() notes!: string;
  @ApiProperty({ description: 'Seats signed up for' }) taken!: number;
  @ApiProperty({ description: 'Signed-up people recorded present' }) attended!: number;
  @ApiProperty({ description: 'People who came without signing up' }) walkIns!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) cancelledAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: MyBriefingDto }) mine!: MyBriefingDto;
}

export class BriefingSignupDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'date-time' }) signedUpAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) attendedAt!: string | null;
}
