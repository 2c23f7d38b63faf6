import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { Upload } from '../storage/stored-files.service';
import { uploadLimits } from '../storage/stored-files.service';
import { DraftsService } from './drafts.service';
import { AttachmentFieldsDto, AttachmentUploadDto, UpdateVersionDto, VersionAttachmentDto, VersionDiffDto, VersionDto, VersionSummaryDto } from './dto/drafts.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** A version number in the path: anything but an integer names no version. */
const VersionNumber = new ParseIntPipe({ exceptionFactory: () => new DomainError('NOT_FOUND', 'There is no such version of the draft.') });

/** The draft of a consultation, by version and clause, with attachments and a diff between versions. */
@ApiTags('drafts')
@Controller('consultations/:id/versions')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Post()
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'createDraftVersion', summary: 'Start the next version: empty for the first, else a copy of the latest published one' })
  @ApiCreatedResponse({ type: VersionDto })
  @ApiErrors('CONFLICT')
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VersionDto> {
    return this.drafts.create(actor, id);
  }

  @Get()
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'listDraftVersions', summary: 'The versions I may read (those who run it also see the one being edited)' })
  @ApiOkResponse({ type: [VersionSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VersionSummaryDto[]> {
    return this.drafts.list(actor, id);
  }

  @Get(':number')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'getDraftVersion', summary: 'A version with its clauses and attachments' })
  @ApiOkResponse({ type: VersionDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('number', VersionNumber) number: number): Promise<VersionDto> {
    return this.drafts.get(actor, id, number);
  }

  @Put(':number')
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'updateDraftVersion', summary: 'Replace the title, preamble, change note and clauses of the version being edited (409 once published)' })
  @ApiOkResponse({ type: VersionDto })
  @ApiErrors('CONFLICT')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', VersionNumber) number: number,
    @Body() body: UpdateVersionDto,
  ): Promise<VersionDto> {
    return this.drafts.update(actor, id, number, body);
  }

  @Post(':number/publish')
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'publishDraftVersion', summary: 'Publish the version being edited; from then on its text never changes' })
  @ApiOkResponse({ type: VersionDto })
  @ApiErrors('CONFLICT')
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('number', VersionNumber) number: number): Promise<VersionDto> {
    return this.drafts.publish(actor, id, number);
  }

  @Get(':number/diff')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'getDraftVersionDiff', summary: 'Clause by clause, what this version changed from the previous one and why' })
  @ApiOkResponse({ type: VersionDiffDto })
  diff(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('number', VersionNumber) number: number): Promise<VersionDiffDto> {
    return this.drafts.diff(actor, id, number);
  }

  @Post(':number/attachments')
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @UseInterceptors(FileInterceptor('file', uploadLimits(1)))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadDto })
  @ApiOperation({ operationId: 'addDraftAttachment', summary: 'Attach a PDF or a photo, with a title, to the version being edited' })
  @ApiCreatedResponse({ type: VersionAttachmentDto })
  @ApiErrors('CONFLICT')
  addAttachment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', VersionNumber) number: number,
    @UploadedFile() file: Upload | undefined,
    @Body() body: AttachmentFieldsDto,
  ): Promise<VersionAttachmentDto> {
    return this.drafts.addAttachment(actor, id, number, file, body.title);
  }

  @Get(':number/attachments/:fileId')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ operationId: 'downloadDraftAttachment', summary: 'The attached file itself, for anyone who may read the version' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', VersionNumber) number: number,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() res: FastifyReply,
  ): Promise<void> {
    return this.drafts.sendAttachment(actor, id, number, fileId, res);
  }

  @Delete(':number/attachments/:fileId')
  @Permission('consultation.manage', { on: 'consultation', param: 'id' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'removeDraftAttachment', summary: 'Take an attachment off the version being edited' })
  @ApiNoContentResponse()
  @ApiErrors('CONFLICT')
  removeAttachment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', VersionNumber) number: number,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<void> {
    return this.drafts.removeAttachment(actor, id, number, fileId);
  }
}
