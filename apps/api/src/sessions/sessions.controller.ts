import type { MessageEvent } from '@nestjs/common';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Sse } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AddAgendaItemDto, AgendaCandidateDto, AttendanceDto, AttendeeDto, CheckInCodeDto, CreateSessionDto, DeferAgendaItemDto, InvitedPersonDto, PeopleQueryDto, RecordProxyDto, ReorderAgendaDto, SelfCheckInDto, SelfCheckInResultDto, SessionDto, SessionShorteningDecisionDto, SessionShorteningRequestDto } from './dto/session.dto';
import type { Observable } from 'rxjs';
import { SessionEvents } from './session-events';
import { SessionDeskService } from './session-desk.service';
import { SessionsService } from './sessions.service';

/** Discussion sessions (议事会): scheduling, the notice, check-ins at the desk and the live quorum. */
@ApiTags('sessions')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly desk: SessionDeskService,
    private readonly events: SessionEvents,
  ) {}

  @Post('nodes/:nodeId/sessions')
  @Permission('consultation.manage', { on: 'node', param: 'nodeId' })
  @ApiOperation({ operationId: 'createDiscussionSession', summary: 'Schedule a session of a unit, or a joint meeting of a community over some of its units (a draft until its notice goes up)' })
  @ApiCreatedResponse({ type: SessionDto })
  create(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Body() body: CreateSessionDto): Promise<SessionDto> {
    return this.sessions.create(actor, nodeId, body);
  }

  @Get('nodes/:nodeId/sessions')
  @Permission('consultation.read', { on: 'node', param: 'nodeId' })
  @ApiOperation({ operationId: 'listDiscussionSessions', summary: 'The sessions a node holds or is invited to, latest first (drafts for those who run them)' })
  @ApiOkResponse({ type: [SessionDto] })
  list(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string): Promise<SessionDto[]> {
    return this.sessions.list(actor, nodeId);
  }

  @Get('sessions/:id')
  @Permission('consultation.read', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'getDiscussionSession', summary: 'A session with its live quorum' })
  @ApiOkResponse({ type: SessionDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SessionDto> {
    return this.sessions.get(actor, id);
  }

  @Sse('sessions/:id/events')
  @Permission('consultation.read', { on: 'session', param: 'id' })
  @ApiOperation({
    operationId: 'watchDiscussionSession',
    summary: 'Server-sent events while a session is watched: `ready` once, then `change` with what changed (attendance, agenda, session) — from any API instance, within a second',
  })
  @ApiOkResponse({ description: 'An event stream (text/event-stream)', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  watch(@Param('id', ParseUUIDPipe) id: string): Observable<MessageEvent> {
    return this.events.stream(id);
  }

  @Post('sessions/:id/announce')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'announceDiscussionSession', summary: 'Put the notice up (409 `notice_too_short` when the body’s notice period would not have run by the start)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('CONFLICT')
  announce(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SessionDto> {
    return this.sessions.announce(actor, id);
  }

  @Post('sessions/:id/shortenings')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'requestSessionShortening', summary: 'Ask a supervisor to approve a notice shorter than the body’s period, with the reason (409 `not_needed`, `shortening_pending`, `not_a_draft`)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('CONFLICT')
  requestShortening(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SessionShorteningRequestDto): Promise<SessionDto> {
    return this.sessions.requestShortening(actor, id, body.reason);
  }

  @Post('sessions/:id/shortenings/decision')
  @Permission('vote.supervise', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'decideSessionShortening', summary: 'Staff or admin above the unit approve or refuse the waiting request, with a note (403 `same_person`, `not_supervisor`; 409 `already_decided`)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('CONFLICT')
  decideShortening(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SessionShorteningDecisionDto): Promise<SessionDto> {
    return this.sessions.decideShortening(actor, id, body.outcome, body.note);
  }

  @Post('sessions/:id/agenda')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'addAgendaItem', summary: 'Add an item at the end of the agenda: a topic, a published draft version, a vote of an invited unit, or a free item (after the notice, with `urgentReason`)' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors('CONFLICT')
  addAgendaItem(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddAgendaItemDto): Promise<SessionDto> {
    return this.sessions.addAgendaItem(actor, id, body);
  }

  @Get('sessions/:id/agenda-candidates')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'listAgendaCandidates', summary: 'What may go on the agenda and is not on it yet: the invited units’ published drafts, votes not yet counted, and topics open or accepted' })
  @ApiOkResponse({ type: [AgendaCandidateDto] })
  agendaCandidates(@Param('id', ParseUUIDPipe) id: string): Promise<AgendaCandidateDto[]> {
    return this.sessions.agendaCandidates(id);
  }

  @Put('sessions/:id/agenda/order')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'reorderAgenda', summary: 'Put the agenda in a new order (every item, each once)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('CONFLICT')
  reorderAgenda(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReorderAgendaDto): Promise<SessionDto> {
    return this.sessions.reorderAgenda(actor, id, body);
  }

  @Post('sessions/:id/agenda/:itemId/defer')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'deferAgendaItem', summary: 'Put an item off: it stays on the agenda, marked, with the reason' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors('CONFLICT')
  deferAgendaItem(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: DeferAgendaItemDto,
  ): Promise<SessionDto> {
    return this.sessions.deferAgendaItem(actor, id, itemId, body);
  }

  @Get('sessions/:id/people')
  @Permission('offline.record', { on: 'session', param: 'id', allow: ['sessionOfficer'] })
  @ApiOperation({ operationId: 'searchSessionInvitees', summary: 'The invited people matching a name, a unit or a household number, for the desk and the tellers (at most 20, those not yet checked in first)' })
  @ApiOkResponse({ type: [InvitedPersonDto] })
  people(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: PeopleQueryDto): Promise<InvitedPersonDto[]> {
    return this.desk.people(actor, id, query.q);
  }

  @Post('sessions/:id/check-ins')
  @Permission('offline.record', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'checkInAtSession', summary: 'Check a person of an invited roll in at the desk (409 `already_checked_in`, `not_invited`, `check_in_closed`)' })
  @ApiOkResponse({ type: AttendanceDto })
  @ApiErrors('CONFLICT')
  checkIn(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AttendeeDto): Promise<AttendanceDto> {
    return this.desk.checkIn(actor, id, body);
  }

  @Get('sessions/:id/check-in-code')
  @Permission('offline.record', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'getSessionCheckInCode', summary: 'The code of the room’s QR now (it changes every 30 seconds), for the screen or the desk' })
  @ApiOkResponse({ type: CheckInCodeDto })
  @ApiErrors('CONFLICT')
  checkInCode(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CheckInCodeDto> {
    return this.desk.checkInCode(actor, id);
  }

  @Post('sessions/:id/self-check-ins')
  @Permission('participate', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'checkMeInAtSession', summary: 'Check myself in by the room’s QR code: every entry of the invited rolls linked to my account (409 `code_expired`, `not_invited`, `already_checked_in`)' })
  @ApiOkResponse({ type: SelfCheckInResultDto })
  @ApiErrors('CONFLICT', 'TOO_MANY_REQUESTS')
  selfCheckIn(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SelfCheckInDto): Promise<SelfCheckInResultDto> {
    return this.desk.selfCheckIn(actor, id, body.code);
  }

  @Post('sessions/:id/proxies')
  @Permission('offline.record', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordSessionProxy', summary: 'Record a written proxy at the door: an absent person of the rolls represented by one who is checked in (409 `proxy_rejected` with details.rule where the body’s rule counts no such proxy)' })
  @ApiOkResponse({ type: AttendanceDto })
  @ApiErrors('CONFLICT')
  recordProxy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RecordProxyDto): Promise<AttendanceDto> {
    return this.desk.recordProxy(actor, id, body);
  }

  @Post('sessions/:id/departures')
  @Permission('offline.record', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordSessionDeparture', summary: 'Record that a person checked in has left: they no longer count toward the quorum' })
  @ApiOkResponse({ type: AttendanceDto })
  @ApiErrors('CONFLICT')
  depart(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AttendeeDto): Promise<AttendanceDto> {
    return this.desk.depart(actor, id, body);
  }

  @Get('sessions/:id/attendance')
  @Permission('offline.record', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'getDiscussionSessionAttendance', summary: 'Who checked in, in order of arrival, with what each carries, and the quorum' })
  @ApiOkResponse({ type: AttendanceDto })
  attendance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AttendanceDto> {
    return this.desk.attendance(actor, id);
  }
}
