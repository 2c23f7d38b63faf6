import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import { BriefingsService } from './briefings.service';
import { BriefingDto, BriefingSignupDto, CancelBriefingDto, CreateBriefingDto, RecordAttendanceDto, UpdateBriefingDto } from './dto/briefing.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** Briefings (宣讲): sessions on a consultation, sign-ups within capacity, attendance. */
@ApiTags('briefings')
@Controller()
export class BriefingsController {
  constructor(private readonly briefings: BriefingsService) {}

  @Post('consultations/:id/briefings')
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'createBriefing', summary: 'Schedule a briefing session: time, place, capacity' })
  @ApiCreatedResponse({ type: BriefingDto })
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateBriefingDto): Promise<BriefingDto> {
    return this.briefings.create(actor, id, body);
  }

  @Get('consultations/:id/briefings')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'listBriefings', summary: 'The briefing sessions of a consultation with seats taken and whether I signed up' })
  @ApiOkResponse({ type: [BriefingDto] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefingDto[]> {
    return this.briefings.list(actor, id);
  }

  @Patch('briefings/:id')
  @Permission('consultation.manage', { on: 'briefing', param: 'id' })
  @ApiOperation({ operationId: 'updateBriefing', summary: 'Change the time, place, capacity (not below the seats taken) or notes' })
  @ApiOkResponse({ type: BriefingDto })
  @ApiErrors('CONFLICT')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateBriefingDto): Promise<BriefingDto> {
    return this.briefings.update(actor, id, body);
  }

  @Post('briefings/:id/cancel')
  @Permission('consultation.manage', { on: 'briefing', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'cancelBriefing', summary: 'Cancel a session (kept, marked cancelled)' })
  @ApiOkResponse({ type: BriefingDto })
  @ApiErrors('CONFLICT')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CancelBriefingDto): Promise<BriefingDto> {
    return this.briefings.cancel(actor, id, body);
  }

  @Put('briefings/:id/signup')
  @Permission('participate', { on: 'briefing', param: 'id' })
  @ApiOperation({ operationId: 'signUpForBriefing', summary: 'Sign me up (409 with details.reason `full` when no seat is left)' })
  @ApiOkResponse({ type: BriefingDto })
  @ApiErrors('CONFLICT')
  signUp(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefingDto> {
    return this.briefings.signUp(actor, id);
  }

  @Delete('briefings/:id/signup')
  @Permission('participate', { on: 'briefing', param: 'id' })
  @ApiOperation({ operationId: 'withdrawBriefingSignup', summary: 'Withdraw my sign-up before the session starts' })
  @ApiOkResponse({ type: BriefingDto })
  @ApiErrors('CONFLICT')
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefingDto> {
    return this.briefings.withdraw(actor, id);
  }

  @Get('briefings/:id/signups')
  @Permission('offline.record', { on: 'briefing', param: 'id' })
  @ApiOperation({ operationId: 'listBriefingSignups', summary: 'Who signed up and who came (for those who run it or record attendance)' })
  @ApiOkResponse({ type: [BriefingSignupDto] })
  signups(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefingSignupDto[]> {
    return this.briefings.signups(actor, id);
  }

  @Post('briefings/:id/attendance')
  @Permission('offline.record', { on: 'briefing', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordBriefingAttendance', summary: 'Mark signed-up people present (or not) and count the walk-ins' })
  @ApiOkResponse({ type: BriefingDto })
  @ApiErrors('CONFLICT')
  attendance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RecordAttendanceDto): Promise<BriefingDto> {
    return this.briefings.recordAttendance(actor, id, body);
  }
}
