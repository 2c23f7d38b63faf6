import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  AddGuestDto,
  DeskSpeakerDto,
  EnterSlipDto,
  GistDto,
  GuestDto,
  HandsDto,
  OfficerCandidateDto,
  OfficerDto,
  RoomBallotDto,
  RoomBallotResultDto,
  RoomDto,
  SetCurrentItemDto,
  SetOfficersDto,
  SlipDto,
} from './dto/room.dto';
import { PeopleQueryDto } from './dto/session.dto';
import { SessionOfficersService } from './session-officers.service';
import { SessionRoomService } from './session-room.service';
import { SessionSpeakersService } from './session-speakers.service';

const OFFICER = { on: 'session', param: 'id', allow: ['sessionOfficer'] } as const;

/**
 * The room of a session: its officers and guests; the item on the screen, voting in the room,
 * slips and shows of hands, the gist, the speakers' queue. Routes that name an officer's work let
 * in those who run the unit's sessions and the session's officers; the service then asks for the
 * role the work needs (the chair's and recorder's work also falls to those who run the sessions;
 * a slip is entered by a teller and confirmed by a scrutineer only): 403 `not_chair`, `not_recorder`,
 * `not_teller`, `not_scrutineer`.
 */
@ApiTags('sessions')
@Controller('sessions/:id')
export class SessionRoomController {
  constructor(
    private readonly officers: SessionOfficersService,
    private readonly room: SessionRoomService,
    private readonly speakers: SessionSpeakersService,
  ) {}

  @Put('officers')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'setSessionOfficers', summary: 'Name the chair, the recorder, the tellers and the scrutineers (accounts with a role on the session’s units or above; nobody both teller and scrutineer)' })
  @ApiOkResponse({ type: [OfficerDto] })
  @ApiErrors('CONFLICT')
  setOfficers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SetOfficersDto): Promise<OfficerDto[]> {
    return this.officers.setOfficers(actor, id, body);
  }

  @Get('officer-candidates')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'searchSessionOfficerCandidates', summary: 'Accounts that may be named officers, by name or the last digits of their phone (at most 20)' })
  @ApiOkResponse({ type: [OfficerCandidateDto] })
  candidates(@Param('id', ParseUUIDPipe) id: string, @Query() query: PeopleQueryDto): Promise<OfficerCandidateDto[]> {
    return this.officers.candidates(id, query.q);
  }

  @Post('guests')
  @Permission('consultation.manage', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'addSessionGuest', summary: 'Invite a named guest on no roll (the property company, community staff): listed and checked in, never counted' })
  @ApiOkResponse({ type: [GuestDto] })
  @ApiErrors('CONFLICT')
  addGuest(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddGuestDto): Promise<GuestDto[]> {
    return this.officers.addGuest(actor, id, body);
  }

  @Post('guests/:guestId/check-in')
  @Permission('offline.record', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'checkInSessionGuest', summary: 'A guest arrives at the desk (409 `already_checked_in`)' })
  @ApiOkResponse({ type: [GuestDto] })
  @ApiErrors('CONFLICT')
  guestArrives(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('guestId', ParseUUIDPipe) guestId: string): Promise<GuestDto[]> {
    return this.officers.guestAtDesk(actor, id, guestId, 'arrive');
  }

  @Post('guests/:guestId/departure')
  @Permission('offline.record', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordSessionGuestDeparture', summary: 'A guest leaves (409 `not_checked_in`, `already_left`)' })
  @ApiOkResponse({ type: [GuestDto] })
  @ApiErrors('CONFLICT')
  guestLeaves(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('guestId', ParseUUIDPipe) guestId: string): Promise<GuestDto[]> {
    return this.officers.guestAtDesk(actor, id, guestId, 'leave');
  }

  @Get('room')
  @Permission('consultation.read', OFFICER)
  @ApiOperation({ operationId: 'getSessionRoom', summary: 'The room now: the item and clause on the screen, each item’s record (a vote’s progress and result, a show of hands, the gist), the speakers, and my roles' })
  @ApiOkResponse({ type: RoomDto })
  getRoom(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoomDto> {
    return this.room.room(actor, id);
  }

  @Put('room/current')
  @Permission('consultation.manage', OFFICER)
  @ApiOperation({ operationId: 'setSessionCurrentItem', summary: 'The chair puts an item (for a draft, the clause being read) on the screen' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  setCurrent(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SetCurrentItemDto): Promise<RoomDto> {
    return this.room.setCurrent(actor, id, body);
  }

  @Post('agenda/:itemId/room-voting/open')
  @Permission('consultation.manage', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'openRoomVoting', summary: 'The chair opens voting in the room on a vote item (409 `no_quorum` with the measures short, `not_started`, `closed`, `already_open`)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  openVoting(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string): Promise<RoomDto> {
    return this.room.openRoomVoting(actor, id, itemId);
  }

  @Post('agenda/:itemId/room-voting/close')
  @Permission('consultation.manage', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'closeRoomVoting', summary: 'The chair closes voting in the room on the item (the vote itself closes at its own time)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  closeVoting(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string): Promise<RoomDto> {
    return this.room.closeRoomVoting(actor, id, itemId);
  }

  @Post('agenda/:itemId/ballots')
  @Permission('participate', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'castInRoom',
    summary: 'Vote on my phone in the room, while voting there is open: for myself, or for one whose written proxy I hold at the door (403 `not_present`; 409 `room_voting_closed`, `change_not_allowed`, `paper_settled`, `already_voted`)',
  })
  @ApiOkResponse({ type: RoomBallotResultDto })
  @ApiErrors('CONFLICT')
  cast(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: RoomBallotDto): Promise<RoomBallotResultDto> {
    return this.room.castInRoom(actor, id, itemId, body);
  }

  @Get('agenda/:itemId/slips')
  @Permission('offline.record', OFFICER)
  @ApiOperation({ operationId: 'listRoomSlips', summary: 'The paper slips of a vote item: entered, counted or refused (with the reason)' })
  @ApiOkResponse({ type: [SlipDto] })
  slips(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string): Promise<SlipDto[]> {
    return this.room.slips(actor, id, itemId);
  }

  @Post('agenda/:itemId/slips')
  @Permission('offline.record', OFFICER)
  @ApiOperation({ operationId: 'enterRoomSlip', summary: 'A teller enters a paper slip handed in in the room (403 `not_teller`, `not_present`; 409 `slip_exists`, `room_voting_closed`)' })
  @ApiCreatedResponse({ type: [SlipDto] })
  @ApiErrors('CONFLICT')
  enterSlip(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: EnterSlipDto): Promise<SlipDto[]> {
    return this.room.enterSlip(actor, id, itemId, body);
  }

  @Post('agenda/:itemId/slips/:slipId/confirm')
  @Permission('offline.record', OFFICER)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmRoomSlip',
    summary: 'A scrutineer (not the teller who entered it) confirms a slip: counted on the channel `meeting`, or refused with the reason where the voter’s earlier ballot stands (403 `not_scrutineer`; 409 `same_person`, `not_entered`)',
  })
  @ApiOkResponse({ type: [SlipDto] })
  @ApiErrors('CONFLICT')
  confirmSlip(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Param('slipId', ParseUUIDPipe) slipId: string,
  ): Promise<SlipDto[]> {
    return this.room.confirmSlip(actor, id, itemId, slipId);
  }

  @Post('agenda/:itemId/hands')
  @Permission('offline.record', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordShowOfHands', summary: 'A teller records a show of hands on an item that is no legal vote: the room’s indication, never a decision (409 `a_vote_item`, `already_recorded`)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  hands(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: HandsDto): Promise<RoomDto> {
    return this.room.recordHands(actor, id, itemId, body);
  }

  @Put('agenda/:itemId/gist')
  @Permission('consultation.manage', OFFICER)
  @ApiOperation({ operationId: 'setAgendaItemGist', summary: 'The recorder notes the gist of what was said on an item' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  gist(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: GistDto): Promise<RoomDto> {
    return this.room.setGist(actor, id, itemId, body);
  }

  @Post('speakers/me')
  @Permission('participate', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'askToSpeak', summary: 'Ask to speak from my phone (403 `not_present`; 409 `already_waiting`)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  askToSpeak(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoomDto> {
    return this.speakers.askToSpeak(actor, id);
  }

  @Post('speakers/me/withdraw')
  @Permission('participate', { on: 'session', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'withdrawRequestToSpeak', summary: 'Withdraw my request to speak before I am called' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoomDto> {
    return this.speakers.withdrawMine(actor, id);
  }

  @Post('speakers')
  @Permission('offline.record', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'addSpeakerAtDesk', summary: 'The desk puts a person in the room, or a guest, on the speakers’ queue' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  deskSpeaker(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DeskSpeakerDto): Promise<RoomDto> {
    return this.speakers.deskSpeaker(actor, id, body);
  }

  @Post('speakers/next')
  @Permission('consultation.manage', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'callNextSpeaker', summary: 'The chair ends the current speech and calls the next in the queue' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('CONFLICT')
  next(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoomDto> {
    return this.speakers.callNext(actor, id);
  }
}
