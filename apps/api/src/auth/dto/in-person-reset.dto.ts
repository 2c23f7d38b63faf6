import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { MAINLAND_MOBILE, MOBILE_MESSAGE } from './auth.dto';

export class InPersonResetDto {
  @ApiProperty({ example: '13800000012', description: 'The number the resident signs in with' })
  @Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The building (a building head names their own)' })
  @IsOmittable()
  @IsUUID('all')
  buildingId?: string;
}

export class ResetPlaceDto {
  @ApiProperty({ enum: ['member', 'owner', 'tenant'], enumName: 'PersonType' }) personType!: 'owner' | 'member' | 'tenant';
  @ApiProperty({ description: 'The name on the roll' }) name!: string;
  @ApiProperty({ description: 'The unit number (or household number)' }) place!: string;
  @ApiProperty({ type: String, nullable: true }) building!: string | null;
}

export class ResetLookupDto {
  @ApiProperty({ description: 'The name the account goes by' }) displayName!: string;
  @ApiProperty({ type: [ResetPlaceDto], description: 'Where the roll has this person: to compare with their identity card before issuing a code' }) places!: ResetPlaceDto[];
}

export class IssuedResetCodeDto {
  @ApiProperty({ example: '482913', description: 'The one-time code, shown once: write it down for the resident, who enters it on the 找回密码 page with their number' }) code!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() displayName!: string;
}
