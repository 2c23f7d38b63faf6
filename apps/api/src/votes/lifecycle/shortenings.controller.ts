import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor, Permission } from '../../auth/access.decorators';
import { DecideShorteningDto, PendingShorteningDto, RequestShorteningDto, ShorteningDto } from './dto/vote.dto';
import { ShorteningsService } from './shortenings.service';

/** Shortening a vote's notice or window: the convenor asks, staff of the community or street decide. */
@ApiTags('votes')
@Controller()
export class ShorteningsController {
  constructor(private readonly shortenings: ShorteningsService) {}

  @Post('votes/:id/shortenings')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'requestShortening', summary: 'Ask to open a scheduled vote before its notice has run, or with a shorter window: a reason, for a supervisor to decide' })
  @ApiCreatedResponse({ type: ShorteningDto })
  request(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RequestShorteningDto): Promise<ShorteningDto> {
    return this.shortenings.requestFor(actor, id, body);
  }

  @Get('nodes/:nodeId/shortenings')
  @Permission('vote.supervise', { on: 'node', param: 'nodeId' })
  @ApiOperation({ operationId: 'listPendingShortenings', summary: 'Requests to shorten a vote waiting for my decision, in the units below a community or street I supervise' })
  @ApiOkResponse({ type: [PendingShorteningDto] })
  pending(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string): Promise<PendingShorteningDto[]> {
    return this.shortenings.pendingUnder(actor, nodeId);
  }

  @Post('shortenings/:id/decision')
  @Permission('vote.supervise', { on: 'shortening', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'decideShortening', summary: 'Approve or refuse a request to shorten a vote, with a note (staff of the community or street; not who asked or announced it)' })
  @ApiOkResponse({ type: ShorteningDto })
  decide(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DecideShorteningDto): Promise<ShorteningDto> {
    return this.shortenings.decide(actor, id, body.outcome, body.note);
  }
}
