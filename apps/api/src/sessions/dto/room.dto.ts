import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { IsOmittable } from '../../common/validation';
import { OFFICER_ROLES } from '../entities/session-officer.entity';
import type { OfficerRole } from '../entities/session-officer.entity';
import { ATTENDEE_TYPES } from './session.dto';
export { GuestDto, OfficerDto } from './session.dto';

export const ROOM_LIMITS = { tellers: 10, scrutineers: 10, guestName: 100, affiliation: 100, gist: 4000, hands: 100_000 } as const;

// --- Requests ------------------------------------------------------------------------------

export class SetOfficersDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The account that chairs (主持人): opens items, voting in the room and the speakers’ queue' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  chairId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The account that records (记录人): the gist per item and the minutes' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  recorderId!: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Tellers (计票人): enter the paper slips and count a show of hands' })
  @IsArray()
  @ArrayMaxSize(ROOM_LIMITS.tellers)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  tellerIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Scrutineers (监票人): confirm each slip a teller entered, and the minutes; never also a teller' })
  @IsArray()
  @ArrayMaxSize(ROOM_LIMITS.scrutineers)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  scrutineerIds!: string[];
}

export class AddGuestDto {
  @ApiProperty({ maxLength: ROOM_LIMITS.guestName, example: '王经理' })
  @PlainText(1, ROOM_LIMITS.guestName)
  name!: string;

  @ApiPropertyOptional({ maxLength: ROOM_LIMITS.affiliation, example: '碧桂园物业服务中心' })
  @IsOmittable()
  @PlainText(0, ROOM_LIMITS.affiliation)
  affiliation?: string;
}

export class SetCurrentItemDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agenda item the room is on (null: none, between items)' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  itemId!: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A draft item: the clause being read (of its version)' })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  clauseId?: string | null;
}

export class RoomBallotDto {
  @ApiProperty({ description: 'approve / oppose / abstain, or an option id of the vote', example: 'approve' })
  @PlainText(1, 64)
  choice!: string;

  @ApiPropertyOptional({ enum: ATTENDEE_TYPES, enumName: 'AttendeeType', description: 'Whom I vote for, when my account carries more than one person in the room (myself, or one whose proxy I hold at the door)' })
  @IsOmittable()
  @IsIn(ATTENDEE_TYPES)
  personType?: (typeof ATTENDEE_TYPES)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all')
  personId?: string;
}

export class EnterSlipDto {
  @ApiProperty({ enum: ATTENDEE_TYPES, enumName: 'AttendeeType', description: 'Whose slip: a person checked in at the session (or represented at its door)' })
  @IsIn(ATTENDEE_TYPES)
  personType!: (typeof ATTENDEE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  personId!: string;

  @ApiProperty({ description: 'What the slip says: approve / oppose / abstain, or an option id', example: 'oppose' })
  @PlainText(1, 64)
  choice!: string;
}

export class HandsDto {
  @ApiProperty({ minimum: 0, maximum: ROOM_LIMITS.hands })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(ROOM_LIMITS.hands)
  for!: number;

  @ApiProperty({ minimum: 0, maximum: ROOM_LIMITS.hands })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(ROOM_LIMITS.hands)
  against!: number;

  @ApiProperty({ minimum: 0, maximum: ROOM_LIMITS.hands })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(ROOM_LIMITS.hands)
  abstain!: number;
}

export class GistDto {
  @ApiProperty({ maxLength: ROOM_LIMITS.gist, description: 'What was said on the item (发言要点), as the recorder notes it' })
  @PlainText(0, ROOM_LIMITS.gist, { multiLine: true })
  gist!: string;
}

export class DeskSpeakerDto {
  @ApiPropertyOptional({ enum: ATTENDEE_TYPES, enumName: 'AttendeeType', description: 'A person checked in (or give guestId)' })
  @IsOmittable()
  @IsIn(ATTENDEE_TYPES)
  personType?: (typeof ATTENDEE_TYPES)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all')
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A guest checked in' })
  @IsOmittable()
  @IsUUID('all')
  guestId?: string;
}

// --- Responses -----------------------------------------------------------------------------

export class OfficerCandidateDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The last four digits of the account’s phone, to tell namesakes apart' }) phoneTail!: string;
}

export class ClauseOnScreenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ type: String, nullable: true }) heading!: string | null;
  @ApiProperty() body!: string;
}

export class HandsResultDto {
  @ApiProperty() for!: number;
  @ApiProperty() against!: number;
  @ApiProperty() abstain!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Always true: a show of hands tells the room’s mind; it is never a legal decision' }) indicative!: boolean;
}

export class RoomVoteDto {
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty({ description: 'The vote’s own state (open, counting, closed, final…)' }) status!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ description: 'Voting is open in the room now (the chair opened it and has not closed it)' }) openInRoom!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) roomOpenedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) roomClosedAt!: string | null;
  @ApiProperty({ description: 'Voters on the frozen electorate' }) electorate!: number;
  @ApiProperty({ description: 'Voters with a ballot, by any channel' }) voted!: number;
  @ApiProperty({ description: 'Of them, cast in the room (phone or slip)' }) votedInRoom!: number;
  @ApiProperty({ description: 'Slips entered and not yet confirmed by a scrutineer' }) slipsWaiting!: number;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Once counted: whether it passed' }) passed!: boolean | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Once counted: the explanation, in Chinese' }) explanation!: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) explanationEn!: string[] | null;
}

export class ClauseHeadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ type: String, nullable: true }) heading!: string | null;
}

export class RoomItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: [ClauseHeadDto], description: 'A draft item: its clauses, for the chair to put one on the screen' }) clauses!: ClauseHeadDto[];
  @ApiProperty() gist!: string;
  @ApiProperty({ type: HandsResultDto, nullable: true }) hands!: HandsResultDto | null;
  @ApiProperty({ type: RoomVoteDto, nullable: true, description: 'A vote item' }) vote!: RoomVoteDto | null;
}

export class SpeakerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'A guest on no roll' }) guest!: boolean;
  @ApiProperty({ enum: ['phone', 'desk'], enumName: 'SpeechVia' }) via!: 'phone' | 'desk';
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) calledAt!: string | null;
}

/** `GET /sessions/:id/room`: what the screen and the chair show. */
export class RoomDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) currentItemId!: string | null;
  @ApiProperty({ type: ClauseOnScreenDto, nullable: true, description: 'The clause being read, in full' }) clause!: ClauseOnScreenDto | null;
  @ApiProperty({ type: [RoomItemDto], description: 'Every item’s record in the room, in agenda order' }) items!: RoomItemDto[];
  @ApiProperty({ type: SpeakerDto, nullable: true }) speaking!: SpeakerDto | null;
  @ApiProperty({ type: [SpeakerDto], description: 'Waiting, in the order they asked' }) queue!: SpeakerDto[];
  @ApiProperty({ type: [String], enum: OFFICER_ROLES, enumName: 'OfficerRole', description: 'My roles in this room' }) myRoles!: OfficerRole[];
  @ApiProperty({ description: 'Whether I may chair (the named chair, or one who runs the unit’s sessions)' }) mayChair!: boolean;
  @ApiProperty({ description: 'Whether I may note the gist and write the minutes (the named recorder, or one who runs the unit’s sessions)' }) mayRecord!: boolean;
}

export class RoomBallotResultDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null on a secret vote' }) receipt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The earlier ballot it replaced' }) supersededReceipt!: string | null;
  @ApiProperty({ description: 'False when the same ballot was already counted' }) changed!: boolean;
}

export class SlipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'What it says (null once a secret vote’s slip is counted)' }) choice!: string | null;
  @ApiProperty({ enum: ['entered', 'counted', 'refused'], enumName: 'SlipStatus' }) status!: 'entered' | 'counted' | 'refused';
  @ApiProperty({ description: 'Entered by (a teller)' }) enteredBy!: string;
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
  @ApiProperty({ type: String, nullable: true }) confirmedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was not counted: already_voted, paper_settled, change_not_allowed, closed…' }) refusal!: string | null;
  @ApiProperty({ type: String, nullable: true }) receipt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The online ballot it superseded' }) supersededReceipt!: string | null;
}
