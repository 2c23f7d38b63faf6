import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSULTATION_PHASES } from '@yishi/contracts';
import type { ConsultationPhase } from '@yishi/contracts';
import { RULE_SET_IDS } from '@yishi/domain';
import type { RuleSetId } from '@yishi/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { IsOmittable } from '../../common/validation';

export class PhasePlanDto {
  @ApiProperty({ enum: CONSULTATION_PHASES, enumName: 'ConsultationPhase' })
  @IsIn(CONSULTATION_PHASES)
  phase!: ConsultationPhase;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsDateString({ strict: true })
  endsAt?: string;
}

export class CreateConsultationDto {
  @ApiProperty({ example: '南村地块土地整理方案' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ description: 'What the matter is about, in a few sentences' })
  @IsOmittable()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId', description: 'The rule under which the competent body will decide' })
  @IsIn(RULE_SET_IDS)
  ruleSet!: RuleSetId;

  @ApiPropertyOptional({ type: [String], description: 'Units concerned (default: the node itself, when it is a unit)' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds?: string[];

  @ApiPropertyOptional({ type: [PhasePlanDto], description: 'Planned dates; the consultation moves on when the next phase starts' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(7)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PhasePlanDto)
  phases?: PhasePlanDto[];
}

export class UpdateConsultationDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({ type: [PhasePlanDto], description: 'Replaces the whole plan' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(7)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PhasePlanDto)
  phases?: PhasePlanDto[];
}

export class ChangePhaseDto {
  @ApiProperty({ enum: CONSULTATION_PHASES, enumName: 'ConsultationPhase' })
  @IsIn(CONSULTATION_PHASES)
  to!: ConsultationPhase;

  @ApiPropertyOptional({ description: 'Required when going back to an earlier phase (recorded in the audit trail)' })
  @IsOmittable()
  @IsString()
  @Length(2, 500)
  reason?: string;
}

export class ConsultationUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['cooperative', 'compound'], enumName: 'UnitKind' }) kind!: 'cooperative' | 'compound';
}

export class PhasePlanViewDto {
  @ApiProperty({ enum: CONSULTATION_PHASES, enumName: 'ConsultationPhase' }) phase!: ConsultationPhase;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endsAt!: string | null;
}

export class ConsultationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: RULE_SET_IDS, enumName: 'RuleSetId' }) ruleSet!: RuleSetId;
  @ApiProperty({ enum: CONSULTATION_PHASES, enumName: 'ConsultationPhase' }) phase!: ConsultationPhase;
  @ApiProperty({ format: 'date-time' }) phaseChangedAt!: string;
  @ApiProperty({ format: 'uuid' }) ownerNodeId!: string;
  @ApiProperty() ownerNodeName!: string;
  @ApiProperty({ type: [ConsultationUnitDto] }) units!: ConsultationUnitDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Number of the latest published draft version' }) currentVersion!: number | null;
  @ApiProperty() commentCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MyConsultationRightsDto {
  @ApiProperty() canManage!: boolean;
  @ApiProperty() canParticipate!: boolean;
  @ApiProperty() canRecordOffline!: boolean;
  @ApiProperty() canModerate!: boolean;
}

export class ConsultationDetailDto extends ConsultationSummaryDto {
  @ApiProperty({ type: [PhasePlanViewDto] }) phases!: PhasePlanViewDto[];
  @ApiProperty({ description: 'The competent body, in Chinese and English' }) bodyZh!: string;
  @ApiProperty() bodyEn!: string;
  @ApiProperty({ type: MyConsultationRightsDto }) me!: MyConsultationRightsDto;
}
