import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SESSION_KINDS } from '@yishi/domain';
import type { SessionKind } from '@yishi/domain';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { IsOmittable } from '../../common/validation';
import { SESSION_INVITES } from '../entities/discussion-session.entity';
import type { SessionInvite } from '../entities/discussion-session.entity';
import { OFFICER_ROLES } from '../entities/session-officer.entity';
import type { OfficerRole } from '../entities/session-officer.entity';

export const SESSION_LIMITS = { title: 200, place: 200, jointUnits: 100, maxHours: 12 } as const;
export const SESSION_STATUSES = ['draft', 'announced', 'cancelled'] as const;
export const ATTENDEE_TYPES = ['owner', 'member'] as const;
export const PROXY_AGENT_TYPES = ['owner', 'member', 'guest'] as const;
export const AGENDA_KINDS = ['topic', 'draft', 'vote', 'free'] as const;
export const AGENDA_LIMITS = { items: 50, reason: 500 } as const;

// --- Requests ------------------------------------------------------------------------------

export class CreateSessionDto {
  @ApiProperty({ enum: SESSION_KINDS, enumName: 'SessionKind', description: 'consultative 议事会; owners_meeting 业主大会会议; member_assembly 成员大会; representative_assembly 成员代表大会; joint_meeting 联席会议' })
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

  @ApiPropertyOptional({ enum: SESSION_INVITES, enumName: 'SessionInvite', description: 'Who is invited: everyone on the rolls (default), or — for a consultative session or a joint meeting — the building heads (楼长) among them' })
  @IsOmittable()
  @IsIn(SESSION_INVITES)
  invite?: SessionInvite;

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
  @ApiProperty({ enum: ATTENDEE_TYPES, enumName: 'AttendeeType', description: 'An owner of a compound’s roll, or a member of a cooperative’s' })
  @IsIn(ATTENDEE_TYPES)
  personType!: (typeof ATTENDEE_TYPES)[number];

  @ApiProperty({ format: 'uuid', description: 'The roll entry (as the voter list and the roll show it)' })
  @IsUUID('all')
  personId!: string;
}

export class AddAgendaItemDto {
  @ApiProperty({ enum: AGENDA_KINDS, enumName: 'AgendaItemKind', description: 'topic: a topic of the unit; draft: a published version of a consultation’s draft (its 宣讲); vote: a vote of the unit the session is the meeting of; free' })
  @IsIn(AGENDA_KINDS)
  kind!: (typeof AGENDA_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'kind topic' })
  @IsOmittable()
  @IsUUID('all')
  topicId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind draft' })
  @IsOmittable()
  @IsUUID('all')
  versionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind vote' })
  @IsOmittable()
  @IsUUID('all')
  voteId?: string;

  @ApiPropertyOptional({ maxLength: SESSION_LIMITS.title, description: 'Needed for a free item; otherwise the linked topic’s, draft’s or vote’s title' })
  @IsOmittable()
  @PlainText(1, SESSION_LIMITS.title)
  title?: string;

  @ApiPropertyOptional({ maxLength: AGENDA_LIMITS.reason, description: 'Needed once the notice is up: why the item cannot wait for another session' })
  @IsOmittable()
  @PlainText(1, AGENDA_LIMITS.reason, { multiLine: true })
  urgentReason?: string;
}

export class ReorderAgendaDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every item of the agenda, in the new order' })
  @IsArray()
  @ArrayMaxSize(AGENDA_LIMITS.items)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  itemIds!: string[];
}

export class DeferAgendaItemDto {
  @ApiProperty({ maxLength: AGENDA_LIMITS.reason, description: 'Why the item is put off (shown with it)' })
  @PlainText(1, AGENDA_LIMITS.reason, { multiLine: true })
  reason!: string;
}

export class RecordProxyDto {
  @ApiProperty({ enum: ATTENDEE_TYPES, enumName: 'AttendeeType', description: 'Who is represented: on an invited roll, not in the room' })
  @IsIn(ATTENDEE_TYPES)
  principalType!: (typeof ATTENDEE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  principalId!: string;

  @ApiProperty({ enum: PROXY_AGENT_TYPES, enumName: 'ProxyAgentType', description: 'Who holds the proxy, checked in: a person of the rolls, or (owners only: they may authorise anyone) a guest on no roll' })
  @IsIn(PROXY_AGENT_TYPES)
  agentType!: (typeof PROXY_AGENT_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  agentId!: string;

  @ApiProperty({ description: 'A signed, written authorisation was shown (no other counts: 409 `proxy_rejected`, details.rule `proxy-not-written`)' })
  @IsBoolean()
  written!: boolean;
}

export class SelfCheckInDto {
  @ApiProperty({ description: 'The code of the QR shown in the room (it changes every 30 seconds)', example: '7f3a9c21d0' })
  @IsString()
  @Length(4, 64)
  code!: string;
}

export class PeopleQueryDto {
  @ApiProperty({ description: 'A name, a unit number (1-101) or a household number (NC-007) to look for', minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  q!: string;
}

export class SessionShorteningRequestDto {
  @ApiProperty({ maxLength: AGENDA_LIMITS.reason, description: 'Why the notice must be shorter than the body’s period: at least 15 letters or digits, not filler' })
  @PlainText(1, AGENDA_LIMITS.reason, { multiLine: true })
  reason!: string;
}

export class SessionShorteningDecisionDto {
  @ApiProperty({ enum: ['approved', 'refused'], enumName: 'ShorteningOutcome' })
  @IsIn(['approved', 'refused'])
  outcome!: 'approved' | 'refused';

  @ApiProperty({ maxLength: AGENDA_LIMITS.reason, description: 'The supervisor’s note, shown with the decision' })
  @PlainText(2, AGENDA_LIMITS.reason, { multiLine: true })
  note!: string;
}

// --- Responses -----------------------------------------------------------------------------

export class CheckInCodeDto {
  @ApiProperty({ description: 'The code for the room’s QR: good until `validUntil`' })
  code!: string;

  @ApiProperty({ description: 'The page a phone opens by the QR (a path of the web app)', example: '/sessions/…/check-in?c=7f3a9c21d0' })
  path!: string;

  @ApiProperty({ format: 'date-time', description: 'When the screen shows the next code' })
  rotatesAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When this code stops working (one rotation after it is replaced)' })
  validUntil!: string;
}

/** A person of an invited roll, as the desk and the attendance list name them. */
export class RollPersonDto {
  @ApiProperty({ enum: ATTENDEE_TYPES, enumName: 'AttendeeType' })
  personType!: (typeof ATTENDEE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The invited unit whose roll holds the person' })
  unitId!: string;

  @ApiProperty({ description: 'The building (车位 for a parking space) or the household number' })
  groupLabel!: string;

  @ApiProperty({ type: [String], description: 'An owner’s exclusive units' })
  unitLabels!: string[];
}

export class InvitedPersonDto extends RollPersonDto {
  @ApiProperty({ description: 'Whether this person counts toward the quorum (a member with full capacity, an owner casting their units, a representative)' })
  counts!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  leftAt!: string | null;
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '1, 2, … in the agenda’s order' })
  position!: number;

  @ApiProperty({ enum: AGENDA_KINDS, enumName: 'AgendaItemKind' })
  kind!: (typeof AGENDA_KINDS)[number];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  topicId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  versionId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  voteId!: string | null;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Why an item added after the notice could not wait' })
  urgentReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deferredAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  deferredReason!: string | null;
}

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
  @ApiProperty({ enum: ['area', 'persons'], enumName: 'QuorumMeasureId', description: 'area: exclusive area in 1/100 m²; persons: counting persons (one per owner, per member, per representative)' })
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

export class OfficerDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: OFFICER_ROLES, enumName: 'OfficerRole' }) role!: OfficerRole;
  @ApiProperty() name!: string;
}

export class GuestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() affiliation!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leftAt!: string | null;
}

export class AgendaCandidateDto {
  @ApiProperty({ enum: ['topic', 'draft', 'vote'], enumName: 'AgendaCandidateKind' }) kind!: 'topic' | 'draft' | 'vote';
  @ApiProperty({ format: 'uuid', description: 'The topicId, versionId or voteId to add' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Its state: a topic open or accepted, a vote scheduled or open, a draft’s version number' }) state!: string;
}

export class SessionShorteningDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'refused'], enumName: 'ShorteningStatus' }) status!: 'pending' | 'approved' | 'refused';
  @ApiProperty() reason!: string;
  @ApiProperty() requestedByName!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ description: 'Whether I may decide it (I supervise the unit from above, and neither asked nor scheduled the session)' }) mayDecide!: boolean;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The unit holding the session, or the community of a joint meeting' })
  nodeId!: string;

  @ApiProperty()
  nodeName!: string;

  @ApiProperty({ enum: SESSION_KINDS, enumName: 'SessionKind' })
  kind!: SessionKind;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  place!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ enum: SESSION_STATUSES, enumName: 'SessionStatus' })
  status!: (typeof SESSION_STATUSES)[number];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  announcedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The end of the body’s notice period from the announcement' })
  noticeEndsAt!: string | null;

  @ApiProperty({ type: [SessionUnitDto], description: 'The units whose rolls are invited' })
  units!: SessionUnitDto[];

  @ApiProperty({ enum: SESSION_INVITES, enumName: 'SessionInvite', description: 'Everyone on those rolls, or the building heads among them' })
  invite!: SessionInvite;

  @ApiProperty({ type: QuorumDto, description: 'Live: who is in the room against the rule' })
  quorum!: QuorumDto;

  @ApiProperty({ type: [AgendaItemDto], description: 'In order; deferred items stay, marked' })
  agenda!: AgendaItemDto[];

  @ApiProperty({ type: [OfficerDto], description: 'Who runs the room: chair, recorder, tellers, scrutineers' })
  officers!: OfficerDto[];

  @ApiProperty({ type: [GuestDto], description: 'Named guests on no roll (never counted)' })
  guests!: GuestDto[];

  @ApiProperty({ type: SessionShorteningDto, nullable: true, description: 'The latest request to put the notice up for less than the body’s notice period' })
  shortening!: SessionShorteningDto | null;
}

export class AttendanceEntryDto extends RollPersonDto {
  @ApiProperty({ description: 'Exclusive area carried, in 1/100 m² (0 for members)' })
  area!: number;

  @ApiProperty({ enum: ['desk', 'phone'], enumName: 'CheckInMethod' })
  method!: 'desk' | 'phone';

  @ApiProperty({ format: 'date-time' })
  checkedInAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  leftAt!: string | null;

  @ApiProperty({ description: 'Whether this person counts toward the quorum' })
  counted!: boolean;
}

export class DoorProxyDto {
  @ApiProperty({ enum: ATTENDEE_TYPES, enumName: 'AttendeeType' })
  principalType!: (typeof ATTENDEE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  principalId!: string;

  @ApiProperty()
  principalName!: string;

  @ApiProperty()
  agentName!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ description: 'Whether the principal counts toward the quorum now (the agent is in the room, the principal is not)' })
  counted!: boolean;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto], description: 'In order of arrival' })
  entries!: AttendanceEntryDto[];

  @ApiProperty({ type: [DoorProxyDto], description: 'Written proxies recorded at the door' })
  proxies!: DoorProxyDto[];

  @ApiProperty({ type: [GuestDto], description: 'Named guests on no roll, with their arrival (never counted)' })
  guests!: GuestDto[];

  @ApiProperty({ type: QuorumDto })
  quorum!: QuorumDto;
}

export class SelfCheckInResultDto {
  @ApiProperty({ type: [String], description: 'The roll entries of my account checked in now (names as the roll holds them)' })
  checkedIn!: string[];

  @ApiProperty({ type: [String], description: 'Those already checked in before' })
  already!: string[];

  @ApiProperty({ type: QuorumDto })
  quorum!: QuorumDto;
}
