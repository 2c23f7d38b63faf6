import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_SOURCES, EXCLUSIVE_UNIT_KINDS, UNIT_KINDS } from '@yishi/contracts';
import type { AreaSource, ExclusiveUnitKind, UnitKind } from '@yishi/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { OWNER_KINDS, ROLL_KINDS, ROLL_REVISION_SOURCES } from '../roll-kinds';
import type { OwnerKind, RollKind, RollRevisionSource } from '../roll-kinds';
import { ROLL_PROBLEM_CODES } from '../import/problems';
import type { RollProblemCode } from '../import/problems';
import { IsOmittable } from '../../common/validation';

export const ROLL_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type RollFileFormat = (typeof ROLL_FILE_FORMATS)[number];

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() || undefined : value);

// --- Queries -------------------------------------------------------------------------------

export class RollSearchQueryDto {
  @ApiPropertyOptional({ description: 'Text to look for in numbers, names, addresses, phone numbers, or the last four of an identity number', maxLength: 50 })
  @IsOmittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ExclusiveUnitSearchQueryDto extends RollSearchQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this building’s units' })
  @IsOmittable()
  @IsUUID()
  buildingId?: string;
}

export class RevisionsQueryDto {
  @ApiPropertyOptional({ description: 'Revisions older than this number (from `next`)' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class RollFileFormatQueryDto {
  @ApiPropertyOptional({ enum: ROLL_FILE_FORMATS, enumName: 'RollFileFormat', default: 'xlsx' })
  @IsOmittable()
  @IsIn(ROLL_FILE_FORMATS)
  format?: RollFileFormat;
}

export class RollUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The roll as .xlsx or .csv (UTF-8 or GB18030), at most 10 MB' })
  file!: unknown;
}

// --- Revisions -----------------------------------------------------------------------------

export class RollKindCountsDto {
  @ApiProperty({ enum: ROLL_KINDS, enumName: 'RollKind' }) kind!: RollKind;
  @ApiProperty() added!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() removed!: number;
  @ApiProperty() unchanged!: number;
}

export class RollRevisionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Rows on the roll after this revision, per kind (households, members, buildings, exclusiveUnits, owners, ownerships, tenants)' })
  counts!: Record<string, number>;

  @ApiPropertyOptional({ type: [RollKindCountsDto] })
  changes?: RollKindCountsDto[];

  @ApiPropertyOptional()
  note?: string;
}

export class RollRevisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '1, 2, 3, … within the unit' }) number!: number;
  @ApiProperty({ enum: ROLL_REVISION_SOURCES, enumName: 'RollRevisionSource' }) source!: RollRevisionSource;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the imported file (hex)' }) fileSha256!: string | null;
  @ApiProperty({ type: RollRevisionSummaryDto }) summary!: RollRevisionSummaryDto;
  @ApiProperty({ type: String, nullable: true }) createdById!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RollRevisionListDto {
  @ApiProperty({ type: [RollRevisionDto] }) items!: RollRevisionDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `before` for older revisions; null at the end' }) next!: number | null;
}

// --- The roll ------------------------------------------------------------------------------

export class RollUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind' }) kind!: UnitKind;
}

export class RollMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ description: 'Of age and so of full civil capacity today' }) fullCapacity!: boolean;
  @ApiProperty() isHouseholdHead!: boolean;
  @ApiProperty() isHouseholdRepresentative!: boolean;
  @ApiProperty() isMemberRepresentative!: boolean;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Last four characters of the identity number' }) idLast4!: string | null;
  @ApiProperty({ description: 'An account is linked to this entry (实名)' }) linked!: boolean;
  @ApiProperty({ description: 'An invitation letter with a live code is out' }) liveInvitation!: boolean;
}

export class RollHouseholdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: [RollMemberDto] }) members!: RollMemberDto[];
}

export class RollHouseholdPageDto {
  @ApiProperty({ type: RollUnitDto }) unit!: RollUnitDto;
  @ApiProperty({ type: RollRevisionDto, nullable: true, description: 'The roll’s latest revision' }) revision!: RollRevisionDto | null;
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [RollHouseholdDto] }) items!: RollHouseholdDto[];
}

export class RollOwnerDto {
  @ApiProperty({ format: 'uuid', description: 'The owner (the same person across their units)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ownershipId!: string;
  @ApiProperty({ enum: OWNER_KINDS, enumName: 'OwnerKind' }) kind!: OwnerKind;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) idLast4!: string | null;
  @ApiProperty({ description: 'Casts this unit’s vote (sole owner, or the designated co-owner)' }) isDesignatedVoter!: boolean;
  @ApiProperty({ description: 'How many units of the compound this owner holds' }) unitCount!: number;
  @ApiProperty() linked!: boolean;
  @ApiProperty() liveInvitation!: boolean;
}

export class RollTenantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() linked!: boolean;
  @ApiProperty() liveInvitation!: boolean;
}

export class RollExclusiveUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) buildingId!: string | null;
  @ApiProperty({ type: String, nullable: true }) buildingName!: string | null;
  @ApiProperty({ enum: EXCLUSIVE_UNIT_KINDS, enumName: 'ExclusiveUnitKind' }) kind!: ExclusiveUnitKind;
  @ApiProperty({ description: 'Floor area in 1/100 m²' }) areaCentiM2!: number;
  @ApiProperty({ enum: AREA_SOURCES, enumName: 'AreaSource' }) areaSource!: AreaSource;
  @ApiProperty({ type: [RollOwnerDto] }) owners!: RollOwnerDto[];
  @ApiProperty({ type: [RollTenantDto] }) tenants!: RollTenantDto[];
}

export class RollBuildingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() exclusiveUnits!: number;
}

export class RollExclusiveUnitPageDto {
  @ApiProperty({ type: RollUnitDto }) unit!: RollUnitDto;
  @ApiProperty({ type: RollRevisionDto, nullable: true }) revision!: RollRevisionDto | null;
  @ApiProperty({ type: [RollBuildingDto], description: 'Every current building, for a filter' }) buildings!: RollBuildingDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [RollExclusiveUnitDto] }) items!: RollExclusiveUnitDto[];
}

// --- Import --------------------------------------------------------------------------------

export class RollProblemDto {
  @ApiProperty({ description: 'Row as numbered in Excel (the header is row 1 in a file that starts with it)' }) row!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The column’s header as in the file' }) column!: string | null;
  @ApiProperty({ enum: ROLL_PROBLEM_CODES, enumName: 'RollProblemCode' }) code!: RollProblemCode;
  @ApiProperty({ description: 'Reason in Chinese (zh-CN)' }) reason!: string;
  @ApiProperty({ description: 'Reason in English' }) reasonEn!: string;
}

export class RollChangeDto {
  @ApiProperty({ enum: ROLL_KINDS, enumName: 'RollKind' }) kind!: RollKind;
  @ApiProperty({ enum: ['add', 'change', 'remove'], enumName: 'RollChangeOp' }) op!: 'add' | 'change' | 'remove';
  @ApiProperty({ description: 'e.g. `NC-007 陈志伟`, `2-803`' }) label!: string;
  @ApiProperty({ type: [String], description: 'Changed fields, e.g. `phone`, `isHouseholdHead`, `idNumber`' }) fields!: string[];
  @ApiProperty({ description: 'A person to be removed has a linked account' }) linked!: boolean;
  @ApiProperty({ description: 'A person to be removed holds a live invitation code' }) liveInvitation!: boolean;
}

export class RollImportPreviewDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Commit this id; null when the file has problems' }) importId!: string | null;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind' }) unitKind!: UnitKind;
  @ApiProperty({ description: 'True when the file has no problems (warnings allowed)' }) valid!: boolean;
  @ApiProperty({ description: 'Committed already' }) committed!: boolean;
  @ApiProperty() fileName!: string;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ enum: ROLL_FILE_FORMATS, enumName: 'RollFileFormat' }) format!: RollFileFormat;
  @ApiProperty({ type: String, nullable: true, description: 'Text encoding of a CSV file (utf-8, gb18030)' }) encoding!: string | null;
  @ApiProperty({ description: 'Data rows read (below the header)' }) dataRows!: number;
  @ApiProperty({ type: [RollProblemDto], description: 'Problems that stop the import (at most 1000 listed)' }) problems!: RollProblemDto[];
  @ApiProperty({ description: 'How many problems there are in all' }) problemCount!: number;
  @ApiProperty({ type: [RollProblemDto], description: 'Warnings: the import may go ahead' }) warnings!: RollProblemDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'The roll revision the preview compares with' }) baseRevision!: number | null;
  @ApiProperty({ description: 'Committing would change the roll' }) hasChanges!: boolean;
  @ApiProperty({ type: [RollKindCountsDto] }) summary!: RollKindCountsDto[];
  @ApiProperty({ type: [RollChangeDto], description: 'What would change (at most 1000 listed)' }) changes!: RollChangeDto[];
  @ApiProperty() changesTruncated!: boolean;
  @ApiProperty({ description: 'People to be removed who have an account linked or a live invitation' }) linkedPeopleRemoved!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) expiresAt!: string | null;
}

export class RollImportCommitDto {
  @ApiProperty({ type: RollRevisionDto, nullable: true, description: 'The new revision; null when the file changed nothing' }) revision!: RollRevisionDto | null;
  @ApiProperty({ type: [RollKindCountsDto] }) summary!: RollKindCountsDto[];
}
