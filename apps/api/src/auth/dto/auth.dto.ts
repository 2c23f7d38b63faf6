import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SessionState, SessionUser, RoleGrantView } from '@yishi/contracts';
import { ORG_NODE_KINDS, ROLES } from '@yishi/contracts';
import type { OrgNodeKind, Role } from '@yishi/contracts';
import { IsIn, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
export const MOBILE_MESSAGE = 'phone must be a mainland mobile number of 11 digits starting with 1';

export class LoginDto {
  @ApiProperty({ example: '13800000011' })
  @Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;

  @ApiProperty({ example: 'yishi-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class SmsCodeRequestDto {
  @ApiProperty({ example: '13900000001' })
  @Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;

  @ApiProperty({ enum: ['signup', 'reset'], enumName: 'SmsCodePurpose', example: 'signup', description: 'signup: a new account; reset: a new password for an existing one' })
  @IsIn(['signup', 'reset'])
  purpose!: 'signup' | 'reset';
}

export class SmsCodeSentDto {
  @ApiProperty({ description: 'Seconds the code stays valid' })
  expiresInSeconds!: number;

  @ApiProperty({ description: 'Seconds before another code may be requested' })
  resendAfterSeconds!: number;
}

export class SignupDto {
  @ApiProperty({ example: '13900000001' })
  @Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;

  @ApiProperty({ description: 'The 6-digit code sent by SMS', example: '123456' })
  @Matches(/^\d{6}$/, { message: 'smsCode must be the 6 digits of the SMS' })
  smsCode!: string;

  @ApiProperty({ description: 'At least 8 characters, not a common password, not the phone number' })
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({ description: 'The code printed on an invitation letter; links the account to its roll entry when the phone number is the one the roll holds' })
  @IsOmittable()
  @IsString()
  @Length(8, 40)
  invitationCode?: string;

  @ApiPropertyOptional({ description: 'How to call the person; taken from the roll when an invitation code is given' })
  @IsOmittable()
  @IsString()
  @Length(1, 40)
  displayName?: string;
}

export class RoleGrantViewDto implements RoleGrantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid' }) nodeId!: string;
  @ApiProperty() nodeName!: string;
  @ApiProperty({ enum: ORG_NODE_KINDS, enumName: 'OrgNodeKind' }) nodeKind!: OrgNodeKind;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) buildingId!: string | null;
  @ApiProperty({ type: String, nullable: true }) buildingName!: string | null;
}

export class SessionUserDto implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [RoleGrantViewDto] }) grants!: RoleGrantViewDto[];
}

export class SessionStateDto implements SessionState {
  @ApiProperty({ type: SessionUserDto, nullable: true }) user!: SessionUserDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Send back in X-CSRF-Token on every write' }) csrfToken!: string | null;
}

export class SignupResultDto extends SessionStateDto {
  @ApiProperty({
    enum: ['linked', 'proof_needed'],
    enumName: 'SignupInvitationOutcome',
    nullable: true,
    description:
      'The invitation code given: linked (the number is the one the roll holds), proof_needed (the account exists unlinked; prove the letter is yours at POST /api/me/invitations), or null without a code',
  })
  invitation!: 'linked' | 'proof_needed' | null;
}

export class PasswordResetDto {
  @ApiProperty({ example: '13900000001' })
  @Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;

  @ApiProperty({ description: 'The 6-digit code sent by SMS for a reset', example: '123456' })
  @Matches(/^\d{6}$/, { message: 'smsCode must be the 6 digits of the SMS' })
  smsCode!: string;

  @ApiProperty({ description: 'The new password: at least 8 characters, not a common password, not the phone number' })
  @IsString()
  @MaxLength(128)
  password!: string;
}
