import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import type { Upload } from '../storage/stored-files.service';
import { uploadLimits } from '../storage/stored-files.service';
import {
  AcceptTopicDto,
  CreateTopicDto,
  DeclineTopicDto,
  MergeTopicDto,
  RecordOfflineTopicDto,
  TopicDto,
  TopicListQueryDto,
  TopicPageDto,
  TopicPhotoUploadDto,
  TopicSecondStateDto,
} from './dto/topic.dto';
import { TopicsService } from './topics.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** Topics (议题): intake online and offline, seconding, photos, and screening. */
@ApiTags('topics')
@Controller()
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Post('units/:unitId/topics')
  @Permission('participate', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'submitTopic', summary: 'Raise a topic in my unit (photos are added afterwards, one at a time)' })
  @ApiCreatedResponse({ type: TopicDto })
  @ApiErrors('TOO_MANY_REQUESTS')
  submit(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: CreateTopicDto): Promise<TopicDto> {
    return this.topics.submit(actor, unitId, body);
  }

  @Post('units/:unitId/topics/offline')
  @Permission('offline.record', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'recordOfflineTopic', summary: 'Enter a topic received offline: channel, collector, date, the resident’s name or anonymous' })
  @ApiCreatedResponse({ type: TopicDto })
  recordOffline(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: RecordOfflineTopicDto): Promise<TopicDto> {
    return this.topics.recordOffline(actor, unitId, body);
  }

  @Get('units/:unitId/topics')
  @Permission('consultation.read', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'listTopics', summary: 'The topics of a unit, newest first, by status and channel' })
  @ApiOkResponse({ type: TopicPageDto })
  list(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: TopicListQueryDto): Promise<TopicPageDto> {
    return this.topics.list(actor, unitId, query);
  }

  @Get('topics/:id')
  @Permission('consultation.read', { on: 'topic', param: 'id' })
  @ApiOperation({ operationId: 'getTopic', summary: 'A topic with its seconds, photos and screening decision' })
  @ApiOkResponse({ type: TopicDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TopicDto> {
    return this.topics.detail(actor, id);
  }

  @Post('topics/:id/photos')
  @Permission('offline.record', { on: 'topic', param: 'id', allow: ['author'] })
  @UseInterceptors(FileInterceptor('file', uploadLimits(1)))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: TopicPhotoUploadDto })
  @ApiOperation({
    operationId: 'addTopicPhoto',
    summary: 'Add a photo (at most three) while the topic is open: its online author, or for an offline topic those who record offline input',
  })
  @ApiCreatedResponse({ type: TopicDto })
  @ApiErrors('CONFLICT')
  addPhoto(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: Upload | undefined): Promise<TopicDto> {
    return this.topics.addPhoto(actor, id, file);
  }

  @Get('topics/:id/photos/:fileId')
  @Permission('consultation.read', { on: 'topic', param: 'id' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ operationId: 'getTopicPhoto', summary: 'A photo of a topic' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  photo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res() res: FastifyReply,
  ): Promise<void> {
    return this.topics.sendPhoto(actor, id, fileId, res);
  }

  @Put('topics/:id/second')
  @Permission('participate', { on: 'topic', param: 'id' })
  @ApiOperation({ operationId: 'secondTopic', summary: 'Second (附议) a topic of my unit: once, not my own, while it is open' })
  @ApiOkResponse({ type: TopicSecondStateDto })
  @ApiErrors('CONFLICT')
  second(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TopicSecondStateDto> {
    return this.topics.second(actor, id, true);
  }

  @Delete('topics/:id/second')
  @Permission('participate', { on: 'topic', param: 'id' })
  @ApiOperation({ operationId: 'withdrawTopicSecond', summary: 'Withdraw my second while the topic is open' })
  @ApiOkResponse({ type: TopicSecondStateDto })
  @ApiErrors('CONFLICT')
  withdrawSecond(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TopicSecondStateDto> {
    return this.topics.second(actor, id, false);
  }

  @Post('topics/:id/accept')
  @Permission('consultation.manage', { on: 'topic', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'acceptTopic', summary: 'Screening: accept into an existing consultation of the unit, or into a new one' })
  @ApiOkResponse({ type: TopicDto })
  @ApiErrors('CONFLICT')
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AcceptTopicDto): Promise<TopicDto> {
    return this.topics.accept(actor, id, body);
  }

  @Post('topics/:id/merge')
  @Permission('consultation.manage', { on: 'topic', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'mergeTopic', summary: 'Screening: merge into another open or accepted topic of the unit (its seconds carry over)' })
  @ApiOkResponse({ type: TopicDto })
  @ApiErrors('CONFLICT')
  merge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: MergeTopicDto): Promise<TopicDto> {
    return this.topics.merge(actor, id, body);
  }

  @Post('topics/:id/decline')
  @Permission('consultation.manage', { on: 'topic', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'declineTopic', summary: 'Screening: decline with a reason that is shown publicly' })
  @ApiOkResponse({ type: TopicDto })
  @ApiErrors('CONFLICT')
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DeclineTopicDto): Promise<TopicDto> {
    return this.topics.decline(actor, id, body);
  }
}
