import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Role } from '@yishi/contracts';
import { ROLES } from '@yishi/contracts';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { IsOmittable } from '../common/validation';

export class GrantRoleDto {
  @ApiProperty({ example: '13900000001', description: 'The account to grant the role to (it must exist)' })
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be a mainland mobile number of 11 digits starting with 1' })
  phone!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a building head: the building of the compound' })
  @IsOmittable()
  @IsUUID()
  buildingId?: string;
}

export class NodeRoleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() phone!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) buildingId!: string | null;
  @ApiProperty({ type: String, nullable: true }) buildingName!: string | null;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ type: String, nullable: true }) grantedByName!: string | null;
}
