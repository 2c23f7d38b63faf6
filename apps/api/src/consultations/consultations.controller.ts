import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CONSULTATION_PHASES } from '@yishi/contracts';
import type { ConsultationPhase } from '@yishi/contracts';
import { IsIn } from 'class-validator';
import type { Actor } from '../common/actor';
import { CurrentActor, Permission } from '../auth/access.decorators';
import { ConsultationsService } from './consultations.service';
import { ChangePhaseDto, ConsultationDetailDto, ConsultationSummaryDto, CreateConsultationDto, UpdateConsultationDto } from './dto/consultation.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { IsOmittable } from '../common/validation';

export class ConsultationListQueryDto {
  @ApiPropertyOptional({ enum: CONSULTATION_PHASES, enumName: 'ConsultationPhase' })
  @IsOmittable()
  @IsIn(CONSULTATION_PHASES)
  phase?: ConsultationPhase;
}

@ApiTags('consultations')
@Controller()
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post('nodes/:nodeId/consultations')
  @Permission('consultation.manage', { on: 'node', param: 'nodeId' })
  @ApiOperation({ operationId: 'createConsultation', summary: 'Open a consultation on a unit, or on a community for several units' })
  @ApiCreatedResponse({ type: ConsultationDetailDto })
  create(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Body() body: CreateConsultationDto): Promise<ConsultationDetailDto> {
    return this.consultations.create(actor, nodeId, body);
  }

  @Get('units/:unitId/consultations')
  @Permission('consultation.read', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'listConsultations', summary: 'The consultations of a unit, newest first' })
  @ApiOkResponse({ type: [ConsultationSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: ConsultationListQueryDto): Promise<ConsultationSummaryDto[]> {
    return this.consultations.listForUnit(actor, unitId, query.phase);
  }

  @Get('consultations/:id')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'getConsultation', summary: 'A consultation with its phases and what I may do in it' })
  @ApiOkResponse({ type: ConsultationDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ConsultationDetailDto> {
    return this.consultations.detail(actor, id);
  }

  @Patch('consultations/:id')
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'updateConsultation', summary: 'Change the title, summary or planned phase dates' })
  @ApiOkResponse({ type: ConsultationDetailDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateConsultationDto): Promise<ConsultationDetailDto> {
    return this.consultations.update(actor, id, body);
  }

  @Post('consultations/:id/phase')
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'changeConsultationPhase', summary: 'Move to another phase (going back needs a reason)' })
  @ApiOkResponse({ type: ConsultationDetailDto })
  @ApiErrors('CONFLICT')
  changePhase(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ChangePhaseDto): Promise<ConsultationDetailDto> {
    return this.consultations.changePhase(actor, id, body);
  }
}
