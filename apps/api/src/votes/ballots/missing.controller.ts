import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Permission } from '../../auth/access.decorators';
import type { Actor } from '../../common/actor';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { MissingListDto, MissingQueryDto, RecordContactDto } from './dto/missing.dto';
import { MissingService } from './missing.service';

/** Who is still missing in a vote, per building, and the door-to-door visits: building heads for their own building. */
@ApiTags('votes')
@Controller('votes/:id/missing')
export class MissingController {
  constructor(private readonly missing: MissingService) {}

  @Get()
  @Permission('turnout.missing', { on: 'vote', param: 'id', buildingFrom: { query: 'buildingId' } })
  @ApiOperation({
    operationId: 'getVoteMissingList',
    summary: 'Turnout per building (or household), and for one building or group who has not taken part yet, with the phone the roll holds — never how anyone voted; each view of a list of people is audited',
  })
  @ApiOkResponse({ type: MissingListDto })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: MissingQueryDto): Promise<MissingListDto> {
    return this.missing.list(actor, id, query);
  }

  @Post('contacts')
  @Permission('turnout.missing', { on: 'vote', param: 'id', buildingFrom: { body: 'buildingId' } })
  @ApiOperation({ operationId: 'recordVoteContact', summary: 'Record a door-to-door visit to a voter who has not taken part: will come, refused, or not at home (403 `not_your_building`)' })
  @ApiCreatedResponse({ type: MissingListDto })
  @ApiErrors('CONFLICT')
  contact(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RecordContactDto): Promise<MissingListDto> {
    return this.missing.recordContact(actor, id, body);
  }
}
