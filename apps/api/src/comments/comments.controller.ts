import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import type { ReportDownload } from './adoption-report.service';
import { AdoptionReportService } from './adoption-report.service';
import { CommentsService } from './comments.service';
import { AdoptionReportDto, AdoptionReportPageQueryDto, AdoptionReportQueryDto } from './dto/adoption-report.dto';
import {
  CommentListQueryDto,
  CommentPageDto,
  CommentReportListDto,
  CreateCommentDto,
  CreateOfflineCommentDto,
  HideCommentDto,
  OfficialReplyInputDto,
  ReportCommentDto,
  ThreadDto,
  UnhideCommentDto,
} from './dto/comment.dto';
import { ModerationService } from './moderation.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

function download(file: ReportDownload): StreamableFile {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(file.bytes, {
    type: file.contentType,
    length: file.bytes.length,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

/**
 * Opinions on a consultation's draft: comments and replies, offline opinions, moderation,
 * official answers and the adoption report. Comments are plain text and are never edited or
 * deleted through the API; moderation hides them with a reason.
 */
@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly moderation: ModerationService,
    private readonly reports: AdoptionReportService,
  ) {}

  @Get('consultations/:id/comments')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'listComments', summary: 'Comments of a consultation, newest first, with replies, official answers and counts per place' })
  @ApiOkResponse({ type: CommentPageDto })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: CommentListQueryDto): Promise<CommentPageDto> {
    return this.comments.list(actor, id, query);
  }

  @Post('consultations/:id/comments')
  @Permission('participate', { on: 'consultation', param: 'id' })
  @ApiOperation({
    operationId: 'createComment',
    summary: 'Comment on the current version (whole draft or one clause) or reply to a comment, during the comment period. Rate-limited; comments cannot be edited or deleted afterwards.',
  })
  @ApiCreatedResponse({ type: ThreadDto })
  @ApiErrors('CONFLICT', 'TOO_MANY_REQUESTS')
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateCommentDto): Promise<ThreadDto> {
    return this.comments.create(actor, id, body);
  }

  @Post('consultations/:id/offline-comments')
  @Permission('offline.record', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'recordOfflineComment', summary: 'Enter an opinion received on paper, at a briefing, by phone… (comment and revision phases)' })
  @ApiCreatedResponse({ type: ThreadDto })
  @ApiErrors('CONFLICT')
  recordOffline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateOfflineCommentDto): Promise<ThreadDto> {
    return this.comments.recordOffline(actor, id, body);
  }

  @Post('comments/:commentId/reports')
  @Permission('consultation.read', { on: 'comment', param: 'commentId' })
  @ApiOperation({ operationId: 'reportComment', summary: 'Report abuse in a comment (once per person)' })
  @ApiCreatedResponse({ type: ThreadDto })
  @ApiErrors('CONFLICT')
  report(@CurrentActor() actor: Actor, @Param('commentId', ParseUUIDPipe) commentId: string, @Body() body: ReportCommentDto): Promise<ThreadDto> {
    return this.moderation.report(actor, commentId, body);
  }

  @Get('comments/:commentId/reports')
  @Permission('comment.moderate', { on: 'comment', param: 'commentId' })
  @ApiOperation({ operationId: 'listCommentReports', summary: 'The abuse reports on a comment, for moderators (reporters are not named)' })
  @ApiOkResponse({ type: CommentReportListDto })
  reportsOf(@CurrentActor() actor: Actor, @Param('commentId', ParseUUIDPipe) commentId: string): Promise<CommentReportListDto> {
    return this.moderation.reports(actor, commentId);
  }

  @Post('comments/:commentId/hide')
  @Permission('comment.moderate', { on: 'comment', param: 'commentId' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'hideComment', summary: 'Hide a comment with a reason its author (and everyone, instead of the text) sees' })
  @ApiOkResponse({ type: ThreadDto })
  @ApiErrors('CONFLICT')
  hide(@CurrentActor() actor: Actor, @Param('commentId', ParseUUIDPipe) commentId: string, @Body() body: HideCommentDto): Promise<ThreadDto> {
    return this.moderation.hide(actor, commentId, body);
  }

  @Post('comments/:commentId/unhide')
  @Permission('comment.moderate', { on: 'comment', param: 'commentId' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'unhideComment', summary: 'Show a hidden comment again' })
  @ApiOkResponse({ type: ThreadDto })
  @ApiErrors('CONFLICT')
  unhide(@CurrentActor() actor: Actor, @Param('commentId', ParseUUIDPipe) commentId: string, @Body() body: UnhideCommentDto): Promise<ThreadDto> {
    return this.moderation.unhide(actor, commentId, body);
  }

  @Put('comments/:commentId/official-reply')
  @Permission('comment.moderate', { on: 'comment', param: 'commentId' })
  @ApiOperation({ operationId: 'replyToComment', summary: 'Answer an opinion officially (adopted / partly adopted / not adopted / noted); answering again replaces the answer' })
  @ApiOkResponse({ type: ThreadDto })
  @ApiErrors('CONFLICT')
  reply(@CurrentActor() actor: Actor, @Param('commentId', ParseUUIDPipe) commentId: string, @Body() body: OfficialReplyInputDto): Promise<ThreadDto> {
    return this.moderation.reply(actor, commentId, body);
  }

  @Get('consultations/:id/adoption-report')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'getAdoptionReport', summary: 'The adoption report (意见采纳情况说明), a page at a time: opinions by clause with their answers, and the totals of all' })
  @ApiOkResponse({ type: AdoptionReportDto })
  adoptionReport(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: AdoptionReportPageQueryDto): Promise<AdoptionReportDto> {
    return this.reports.report(actor, id, query);
  }

  @Get('consultations/:id/adoption-report/xlsx')
  @Permission('consultation.read', { on: 'consultation', param: 'id' })
  @ApiOperation({ operationId: 'exportAdoptionReport', summary: 'The adoption report as an XLSX workbook' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportAdoptionReport(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: AdoptionReportQueryDto): Promise<StreamableFile> {
    return download(await this.reports.xlsx(actor, id, query.versionId));
  }
}
