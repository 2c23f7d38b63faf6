import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { Actor } from '../common/actor';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { AuditPage } from './audit.service';
import { AuditService } from './audit.service';
import { IsOmittable } from '../common/validation';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Return entries older than this id (from `next`)' })
  @IsOmittable()
  @Matches(/^\d{1,18}$/)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only this action or family, e.g. `role` or `role.grant`' })
  @IsOmittable()
  @Matches(/^[a-z][a-z0-9_.]{0,60}$/)
  action?: string;
}

class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) nodeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) nodeName!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The thing before the change, as recorded' }) before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The thing after the change, as recorded' }) after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export class AuditPageDto implements AuditPage {
  @ApiProperty({ type: [AuditEntryDto] }) entries!: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

/** The audit trail is read-only through the API: there is no route that changes it. */
@ApiTags('audit')
@Controller('nodes/:nodeId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Permission('audit.read', { on: 'node', param: 'nodeId' })
  @ApiOperation({ operationId: 'listAudit', summary: 'The audit trail of a node and everything below it, newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.listFor(actor, nodeId, { before: query.before, limit: query.limit ?? 50, action: query.action });
  }
}
