import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PlainText } from '../../../common/plain-text';
import { IsOmittable } from '../../../common/validation';
import { CONTACT_OUTCOMES } from '../../entities/vote-contact.entity';
import type { ContactOutcome } from '../../entities/vote-contact.entity';

export class MissingQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A building of the compound: its list of who has not taken part (a building head names their own building)' })
  @IsOmittable()
  @IsUUID('all')
  buildingId?: string;

  @ApiPropertyOptional({ description: 'A group as the electorate files it (a household number of a cooperative), for those who see every group', maxLength: 50 })
  @IsOmittable()
  @IsString()
  @Length(1, 50)
  group?: string;
}

export class RecordContactDto {
  @ApiProperty({ description: 'The voter visited (as the missing list names them)', example: 'v-1a2b3c4d' })
  @Matches(/^v-[0-9a-f]{8,}$/)
  voterId!: string;

  @ApiProperty({ enum: CONTACT_OUTCOMES, enumName: 'ContactOutcome', description: 'will_come: visited, will come to the desk or vote; refused; not_home' })
  @IsIn(CONTACT_OUTCOMES)
  outcome!: ContactOutcome;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @PlainText(0, 200)
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The building the voter is in (a building head names their own)' })
  @IsOmittable()
  @IsUUID('all')
  buildingId?: string;
}

export class GroupTurnoutDto {
  @ApiProperty({ description: 'The building (compound) or household (cooperative)' }) group!: string;
  @ApiProperty() voters!: number;
  @ApiProperty({ description: 'Of them, those who have taken part (a ballot, or a secret vote’s mark on the roll)' }) voted!: number;
}

export class ContactDto {
  @ApiProperty({ enum: CONTACT_OUTCOMES, enumName: 'ContactOutcome' }) outcome!: ContactOutcome;
  @ApiProperty() note!: string;
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class MissingVoterDto {
  @ApiProperty() voterId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) unitLabels!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The phone number the roll holds (personal information: each view is audited)' }) phone!: string | null;
  @ApiProperty({ type: ContactDto, nullable: true, description: 'The latest door-to-door visit' }) lastContact!: ContactDto | null;
}

/** `GET /votes/:id/missing`: turnout per group, and for one group who has not taken part — never how anyone voted. */
export class MissingListDto {
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ enum: ['named', 'secret'], enumName: 'Secrecy' }) secrecy!: 'named' | 'secret';
  @ApiProperty({ type: String, nullable: true, description: 'The group listed (a building’s name or a household number); null: the summary only' }) group!: string | null;
  @ApiProperty({ type: [GroupTurnoutDto] }) groups!: GroupTurnoutDto[];
  @ApiProperty({ type: [MissingVoterDto], description: 'Who of the group has not taken part yet (empty without a group)' }) missing!: MissingVoterDto[];
}
