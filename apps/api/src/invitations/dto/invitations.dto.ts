import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { IssuedLetters, LetterPerson, LetterSheet, PersonType } from '../invitations.service';
import { IsOmittable } from '../../common/validation';

const PERSON_TYPES = ['member', 'owner', 'tenant'] as const;

export class IssueInvitationsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this household (cooperative)' })
  @IsOmittable()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this building (compound)' })
  @IsOmittable()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ description: 'Also issue new letters to people holding a live one (their old codes stop working)' })
  @IsOmittable()
  @IsBoolean()
  reissue?: boolean;
}

export class LetterPersonDto implements LetterPerson {
  @ApiProperty({ enum: PERSON_TYPES, enumName: 'PersonType' }) personType!: PersonType;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '4821 0937 5512' }) code!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class LetterSheetDto implements LetterSheet {
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'Household number or exclusive-unit number' }) label!: string;
  @ApiProperty({ type: String, nullable: true }) place!: string | null;
  @ApiProperty({ type: [LetterPersonDto] }) people!: LetterPersonDto[];
}

export class IssuedLettersDto implements IssuedLetters {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['cooperative', 'compound'] }) unitKind!: 'cooperative' | 'compound';
  @ApiProperty() issued!: number;
  @ApiProperty({ type: [LetterSheetDto] }) sheets!: LetterSheetDto[];
}

export class LinkInPersonDto {
  @ApiProperty({ enum: PERSON_TYPES, enumName: 'PersonType' })
  @IsIn(PERSON_TYPES)
  personType!: PersonType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ example: '13900000001' })
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be a mainland mobile number of 11 digits starting with 1' })
  phone!: string;
}

export class RedeemInvitationDto {
  @ApiProperty({ example: '4821 0937 5512' })
  @IsString()
  @Length(8, 40)
  code!: string;
}
