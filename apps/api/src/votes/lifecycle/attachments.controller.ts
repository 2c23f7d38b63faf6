import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Permission } from '../../auth/access.decorators';
import type { Actor } from '../../common/actor';
import type { Upload } from '../../storage/stored-files.service';
import { uploadLimits } from '../../storage/stored-files.service';
import { VoteAttachmentsService } from './attachments.service';
import { UploadedVoteFileDto } from './dto/vote.dto';

/** The documents of a vote: uploaded before it is announced, opened by everyone who may see the vote. */
@ApiTags('votes')
@Controller()
export class VoteAttachmentsController {
  constructor(private readonly attachments: VoteAttachmentsService) {}

  @Post('units/:unitId/vote-attachments')
  @HttpCode(201)
  @Permission('consultation.manage', { on: 'unit', param: 'unitId' })
  @UseInterceptors(FileInterceptor('file', uploadLimits(1)))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'A PDF or a photo (JPEG, PNG, WebP)' } } } })
  @ApiOperation({ operationId: 'uploadVoteAttachment', summary: 'Upload a document (a quote, a contract, a plan) to announce with a vote of this unit; name it in `attachments` within a day' })
  @ApiCreatedResponse({ type: UploadedVoteFileDto })
  upload(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @UploadedFile() file: Upload | undefined): Promise<UploadedVoteFileDto> {
    return this.attachments.upload(actor, unitId, file);
  }

  @Get('votes/:id/attachments/:fileId')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter', 'proxyAgent'] })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ operationId: 'downloadVoteAttachment', summary: 'A document the vote was announced with, as announced' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  download(@Param('id', ParseUUIDPipe) id: string, @Param('fileId', ParseUUIDPipe) fileId: string, @Res() res: FastifyReply): Promise<void> {
    return this.attachments.send(id, fileId, res);
  }
}
