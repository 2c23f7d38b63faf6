import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import type { LetterCheck, PersonType, ProofMethods } from '../invitation-types';
import { LETTER_LANGUAGES } from '../letter-sheet';
import type { LetterLanguage } from '../letter-sheet';

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

  @ApiPropertyOptional({ enum: LETTER_LANGUAGES, enumName: 'LetterLanguage', description: 'Language of the printed letters (zh-CN unless asked otherwise)' })
  @IsOmittable()
  @IsIn(LETTER_LANGUAGES)
  language?: LetterLanguage;
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

export class UnlinkDto {
  @ApiProperty({ description: 'Why the link is undone (kept in the audit trail and told to the person)', minLength: 4, maxLength: 500 })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  reason!: string;
}

export class UnlinkResultDto {
  @ApiProperty({ description: 'Open votes in which a ballot was cast online through this link (it stays; a paper ballot of the person supersedes it)' })
  openVotesWithBallot!: number;
}

export class LetterCodeDto {
  @ApiProperty({ example: '4821 0937 5512' })
  @IsString()
  @Length(8, 40)
  code!: string;
}

export class RedeemInvitationDto extends LetterCodeDto {
  @ApiPropertyOptional({ description: 'The whole identity number (18 characters) the roll holds for the person', example: '99010119520315001X' })
  @IsOmittable()
  @IsString()
  @Length(15, 24)
  idNumber?: string;

  @ApiPropertyOptional({ description: 'The 6-digit code sent to the phone number the roll holds (POST /api/me/invitations/phone-code)', example: '123456' })
  @IsOmittable()
  @Matches(/^\d{6}$/, { message: 'phoneCode must be the 6 digits of the SMS' })
  phoneCode?: string;
}

export class ProofMethodsDto implements ProofMethods {
  @ApiProperty({ description: "The account's verified phone number is the one the roll holds: nothing more to prove" }) phoneMatches!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The roll's phone number, masked, where a code can be sent", example: '138****0011' }) rollPhone!: string | null;
  @ApiProperty({ description: 'The roll holds an identity number to check against' }) idNumber!: boolean;
}

export class LetterCheckDto implements LetterCheck {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: PERSON_TYPES, enumName: 'PersonType' }) personType!: PersonType;
  @ApiProperty({ description: 'Household number, or the exclusive units of the person' }) label!: string;
  @ApiProperty({ type: ProofMethodsDto }) methods!: ProofMethodsDto;
}

export class LinkCodeSentDto {
  @ApiProperty({ description: 'The number the code went to, masked', example: '138****0011' }) sentTo!: string;
  @ApiProperty() expiresInSeconds!: number;
  @ApiProperty() resendAfterSeconds!: number;
}
