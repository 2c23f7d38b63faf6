import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SESSION_KINDS } from '@yishi/domain';
import type { SessionKind } from '@yishi/domain';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDateString, IsIn, IsUUID } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { IsOmittable } from '../../common/validation';

export const SESSION_LIMITS = { title: 200, place: 200, jointUnits: 100, maxHours: 12 } as const;
export const SESSION_STATUSES = ['draft', 'announced', 'cancelled'] as const;
export const ATTENDEE_TYPES = ['owner', 'member'] as const;

// --- Requests ------------------------------------------------------------------------------

export class CreateSessionDto {
  @ApiProperty({ enum: SESSION_KINDS, description: 'consultative 议事会; owners_meeting 业主大会会议; member_assembly 成员大会; representative_assembly 成员代表大会; joint_meeting 联席会议' })
  @IsIn(SESSION_KINDS)
  kind!: SessionKind;

  @ApiProperty({ maxLength: SESSION_LIMITS.title, example: '南村地块土地整理方案成员大会' })
  @PlainText(1, SESSION_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: SESSION_LIMITS.place, example: '南村经济社党支部组织生活馆' })
  @PlainText(1, SESSION_LIMITS.place)
  place!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: `At most ${SESSION_LIMITS.maxHours} hours after the start` })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'A joint meeting only: the units of the community whose rolls are invited (two or more)' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(SESSION_LIMITS.jointUnits)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

export class AttendeeDto {
  @ApiProperty({ enum: ATTENDEE_TYPES, description: 'An owner of a compound’s roll, or a member of a cooperative’s' })
  @IsIn(ATTENDEE_TYPES)
  personType!: (typeof ATTENDEE_TYPES)[number];

  @ApiProperty({ format: 'uuid', description: 'The roll entry (as the voter list and the roll show it)' })
  @IsUUID('all')
  personId!: string;
}

// --- Responses -----------------------------------------------------------------------------

export class SessionUnitDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class QuorumThresholdDto {
  @ApiProperty({ example: 2 })
  numerator!: number;

  @ApiProperty({ example: 3 })
  denominator!: number;
}

export class QuorumMeasureDto {
  @ApiProperty({ enum: ['area', 'persons'], description: 'area: exclusive area in 1/100 m²; persons: counting persons (one per owner, per member, per representative)' })
  id!: 'area' | 'persons';

  @ApiProperty()
  present!: number;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: QuorumThresholdDto, description: 'At least this share of the total' })
  threshold!: QuorumThresholdDto;

  @ApiProperty()
  met!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '70.21', description: 'Two decimals, never contradicting `met`; null on an empty roll' })
  percent!: string | null;

  @ApiProperty({ description: 'How many more (persons, or 1/100 m²) reach the threshold; 0 once met' })
  missing!: number;
}

export class QuorumDto {
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the room may decide; null where no statute sets a quorum (a consultative session, a joint meeting)' })
  met!: boolean | null;

  @ApiProperty({ type: [QuorumMeasureDto] })
  measures!: QuorumMeasureDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The statute, in Chinese' })
  statute!: string | null;

  @ApiProperty({ type: String, nullable: true })
  statuteEn!: string | null;

  @ApiProperty({ description: 'Checked in and not left' })
  present!: number;

  @ApiProperty({ description: 'Present but no counting person of the rule (a minor, a member who is not a representative)' })
  notCounted!: number;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The unit holding the session, or the community of a joint meeting' })
  nodeId!: string;

  @ApiProperty()
  nodeName!: string;

  @ApiProperty({ enum: SESSION_KINDS })
  kind!: SessionKind;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  place!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: (typeof SESSION_STATUSES)[number];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  announcedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The end of the body’s notice period from the announcement' })
  noticeEndsAt!: string | null;

  @ApiProperty({ type: [SessionUnitDto], description: 'The units whose rolls are invited' })
  units!: SessionUnitDto[];

  @ApiProperty({ type: QuorumDto, description: 'Live: who is in the room against the rule' })
  quorum!: QuorumDto;
}

export class AttendanceEntryDto {
  @ApiProperty({ enum: ATTENDEE_TYPES })
  personType!: (typeof ATTENDEE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty({ description: 'The building (车位 for a parking space) or the household number' })
  groupLabel!: string;

  @ApiProperty({ type: [String], description: 'An owner’s exclusive units' })
  unitLabels!: string[];

  @ApiProperty({ description: 'Exclusive area carried, in 1/100 m² (0 for members)' })
  area!: number;

  @ApiProperty({ enum: ['desk', 'phone'] })
  method!: 'desk' | 'phone';

  @ApiProperty({ format: 'date-time' })
  checkedInAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  leftAt!: string | null;

  @ApiProperty({ description: 'Whether this person counts toward the quorum' })
  counted!: boolean;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto], description: 'In order of arrival' })
  entries!: AttendanceEntryDto[];

  @ApiProperty({ type: QuorumDto })
  quorum!: QuorumDto;
}
