import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrors } from '../openapi/api-errors.decorator';
import type { Upload } from '../storage/stored-files.service';
import { uploadLimits } from '../storage/stored-files.service';
import { CorrectMinutesDto, CreateFollowUpDto, EditMinutesDto, FollowUpDto, FollowUpUpdateFieldsDto, FollowUpUpdateUploadDto, MinutesDto } from './dto/minutes.dto';
import { SessionMinutesService } from './session-minutes.service';

const OFFICER = { on: 'session', param: 'id', allow: ['sessionOfficer'] } as const;

/**
 * The minutes and the follow-up of a session. Writing routes let in those who run the unit's
 * sessions and the session's officers; the service asks for the role the work needs: drafting and
 * editing the recorder (403 `not_recorder`), confirming the chair or a scrutineer, publishing and
 * follow-up the chair (403 `not_chair`) — the chair's and recorder's work also falls to those who run the sessions.
 */
@ApiTags('sessions')
@Controller('sessions/:id')
export class SessionMinutesController {
  constructor(private readonly minutes: SessionMinutesService) {}

  @Get('minutes')
  @Permission('consultation.read', OFFICER)
  @ApiOperation({ operationId: 'getSessionMinutes', summary: 'The minutes: every published version (residents), and the version being written (officers and those who run the sessions)' })
  @ApiOkResponse({ type: MinutesDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MinutesDto> {
    return this.minutes.minutes(actor, id);
  }

  @Post('minutes')
  @Permission('consultation.manage', OFFICER)
  @ApiOperation({ operationId: 'draftSessionMinutes', summary: 'The recorder drafts the minutes from the record: attendance and quorum, each item’s gist, each vote’s result (409 `minutes_exist`, `not_started`)' })
  @ApiCreatedResponse({ type: MinutesDto })
  @ApiErrors('CONFLICT')
  draft(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MinutesDto> {
    return this.minutes.draft(actor, id);
  }

  @Put('minutes')
  @Permission('consultation.manage', OFFICER)
  @ApiOperation({ operationId: 'editSessionMinutes', summary: 'The recorder completes the open version (confirmations given to the earlier text are withdrawn; 409 `no_minutes`)' })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors('CONFLICT')
  edit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: EditMinutesDto): Promise<MinutesDto> {
    return this.minutes.edit(actor, id, body.body);
  }

  @Post('minutes/confirm')
  @Permission('consultation.manage', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'confirmSessionMinutes', summary: 'The chair or a scrutineer confirms the open version (two different people; 403 `not_scrutineer`; 409 `already_confirmed`)' })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors('CONFLICT')
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MinutesDto> {
    return this.minutes.confirm(actor, id);
  }

  @Post('minutes/publish')
  @Permission('consultation.manage', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'publishSessionMinutes', summary: 'The chair publishes the confirmed version to the invited units’ residents (409 `not_confirmed`)' })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors('CONFLICT')
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MinutesDto> {
    return this.minutes.publish(actor, id);
  }

  @Post('minutes/corrections')
  @Permission('consultation.manage', OFFICER)
  @HttpCode(200)
  @ApiOperation({ operationId: 'correctSessionMinutes', summary: 'Correct the published minutes: a new version from the published text, with the reason (409 `not_published`)' })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors('CONFLICT')
  correct(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectMinutesDto): Promise<MinutesDto> {
    return this.minutes.correct(actor, id, body.reason);
  }

  @Get('follow-ups')
  @Permission('consultation.read', { on: 'session', param: 'id' })
  @ApiOperation({ operationId: 'listSessionFollowUps', summary: 'The follow-up of the session’s decisions: who, by when, how it stands (overdue marked)' })
  @ApiOkResponse({ type: [FollowUpDto] })
  followUps(@Param('id', ParseUUIDPipe) id: string): Promise<FollowUpDto[]> {
    return this.minutes.followUps(id);
  }

  @Post('follow-ups')
  @Permission('consultation.manage', OFFICER)
  @ApiOperation({ operationId: 'addSessionFollowUp', summary: 'The chair turns a decision into a follow-up item: responsible, due date' })
  @ApiCreatedResponse({ type: [FollowUpDto] })
  @ApiErrors('CONFLICT')
  addFollowUp(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateFollowUpDto): Promise<FollowUpDto[]> {
    return this.minutes.addFollowUp(actor, id, body);
  }

  @Post('follow-ups/:followUpId/updates')
  @Permission('consultation.manage', OFFICER)
  @UseInterceptors(FileInterceptor('file', uploadLimits(1)))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: FollowUpUpdateUploadDto })
  @ApiOperation({ operationId: 'updateSessionFollowUp', summary: 'A status update of a follow-up item, with a photo of the work if there is one' })
  @ApiCreatedResponse({ type: [FollowUpDto] })
  @ApiErrors('CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('followUpId', ParseUUIDPipe) followUpId: string,
    @Body() body: FollowUpUpdateFieldsDto,
    @UploadedFile() file: Upload | undefined,
  ): Promise<FollowUpDto[]> {
    return this.minutes.update(actor, id, followUpId, body, file);
  }

  @Get('follow-ups/:followUpId/photos/:fileId')
  @Permission('consultation.read', { on: 'session', param: 'id' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ operationId: 'getSessionFollowUpPhoto', summary: 'A photo of a follow-up update' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  photo(@Param('id', ParseUUIDPipe) id: string, @Param('followUpId', ParseUUIDPipe) followUpId: string, @Param('fileId', ParseUUIDPipe) fileId: string, @Res() res: FastifyReply): Promise<void> {
    return this.minutes.sendPhoto(id, followUpId, fileId, res);
  }
}
