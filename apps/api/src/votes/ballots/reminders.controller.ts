import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Permission } from '../../auth/access.decorators';
import type { Actor } from '../../common/actor';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { SetRemindersDto, VoteRemindersDto } from './dto/reminders.dto';
import { RemindersService } from './reminders.service';

/** The reminders of a vote: set by its convenor, sent to those who have not taken part. */
@ApiTags('votes')
@Controller('votes/:id/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'getVoteReminders', summary: 'The reminders of a vote: when each is due, when it went out and to how many' })
  @ApiOkResponse({ type: VoteRemindersDto })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<VoteRemindersDto> {
    return this.reminders.list(id);
  }

  @Put()
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'setVoteReminders', summary: 'Set the hours before closing at which those who have not taken part are reminded (409 `reminders_closed` once voting has ended)' })
  @ApiOkResponse({ type: VoteRemindersDto })
  @ApiErrors('CONFLICT')
  set(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SetRemindersDto): Promise<VoteRemindersDto> {
    return this.reminders.set(actor, id, body.hoursBefore);
  }
}
