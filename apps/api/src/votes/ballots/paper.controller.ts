import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Permission } from '../../auth/access.decorators';
import type { Actor } from '../../common/actor';
import type { Upload } from '../../storage/stored-files.service';
import { uploadLimits } from '../../storage/stored-files.service';
import {
  CheckInDto,
  CheckInResultDto,
  IssuePapersDto,
  IssueResultDto,
  PaperDto,
  PaperEntryFieldsDto,
  PaperEntryResultDto,
  PaperEntryUploadDto,
  PaperListDto,
  PaperListQueryDto,
  PaperPrintDto,
  PaperReasonDto,
  ResolvePaperDto,
  ReturnPapersDto,
  ReturnResultDto,
  VoterListQueryDto,
  VoteVoterDto,
} from './dto/paper.dto';
import { CheckInsService } from './check-ins.service';
import { PaperEntryService } from './paper-entry.service';
import { PaperIssuingService } from './paper-issuing.service';
import { VoterListService } from './voter-list.service';
import { ApiErrors } from '../../openapi/api-errors.decorator';

/** Paper ballots: issue against the frozen roll, print, mark returned, enter twice, settle disputes; and meeting check-ins. */
@ApiTags('votes')
@Controller('votes/:id')
export class PaperController {
  constructor(
    private readonly voterList: VoterListService,
    private readonly issuing: PaperIssuingService,
    private readonly entry: PaperEntryService,
    private readonly checkIns: CheckInsService,
  ) {}

  @Get('voters')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'listVoteVoters', summary: 'The frozen electorate for staff: find a voter to issue a paper, record a proxy or check in' })
  @ApiOkResponse({ type: [VoteVoterDto] })
  voters(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: VoterListQueryDto): Promise<VoteVoterDto[]> {
    return this.voterList.voters(actor, id, query);
  }

  @Post('papers')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'issueBallotPapers', summary: 'Issue numbered ballot papers: to everyone, per building or household, or to listed voters (one live paper per voter)' })
  @ApiCreatedResponse({ type: IssueResultDto })
  @ApiErrors('CONFLICT')
  issue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: IssuePapersDto): Promise<IssueResultDto> {
    return this.issuing.issue(actor, id, body);
  }

  @Get('papers')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'listBallotPapers', summary: 'Papers with issued / returned / entered / confirmed / disputed counts per building or household' })
  @ApiOkResponse({ type: PaperListDto })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: PaperListQueryDto): Promise<PaperListDto> {
    return this.issuing.list(actor, id, query);
  }

  @Get('papers/print')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'printBallotPapers', summary: 'What to print, per building or household: serial, voter, units, verification code' })
  @ApiOkResponse({ type: PaperPrintDto })
  print(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: PaperListQueryDto): Promise<PaperPrintDto> {
    return this.issuing.print(actor, id, query.group);
  }

  @Post('papers/returned')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'markBallotPapersReturned', summary: 'Mark papers as back (before voting closes)' })
  @ApiOkResponse({ type: ReturnResultDto })
  @ApiErrors('CONFLICT')
  returned(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReturnPapersDto): Promise<ReturnResultDto> {
    return this.issuing.markReturned(actor, id, body.serials);
  }

  @Post('papers/:serial/entries')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', uploadLimits(1)))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ type: PaperEntryUploadDto })
  @ApiOperation({
    operationId: 'enterBallotPaper',
    summary: 'Enter what a paper says: the first entry keeps the scan; a second, different person enters it independently — equal readings count it, different ones dispute it',
  })
  @ApiOkResponse({ type: PaperEntryResultDto })
  @ApiErrors('CONFLICT')
  enter(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('serial', ParseIntPipe) serial: number,
    @UploadedFile() file: Upload | undefined,
    @Body() body: PaperEntryFieldsDto,
  ): Promise<PaperEntryResultDto> {
    return this.entry.enter(actor, id, serial, body, file);
  }

  @Post('papers/:serial/resolve')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'resolveBallotPaper', summary: 'Settle a disputed paper (a third person or the convenor), with a note' })
  @ApiOkResponse({ type: PaperEntryResultDto })
  @ApiErrors('CONFLICT')
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('serial', ParseIntPipe) serial: number, @Body() body: ResolvePaperDto): Promise<PaperEntryResultDto> {
    return this.entry.resolve(actor, id, serial, body);
  }

  @Post('papers/:serial/void')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'voidBallotPaper', summary: 'Void a paper that has not been counted (lost, spoilt, or refused), with a reason' })
  @ApiOkResponse({ type: PaperDto })
  @ApiErrors('CONFLICT')
  voidPaper(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('serial', ParseIntPipe) serial: number, @Body() body: PaperReasonDto): Promise<PaperDto> {
    return this.issuing.voidPaper(actor, id, serial, body.reason);
  }

  @Post('papers/:serial/reissue')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiOperation({ operationId: 'reissueBallotPaper', summary: 'Void a paper not yet entered and issue the voter a new one' })
  @ApiCreatedResponse({ type: PaperDto })
  @ApiErrors('CONFLICT')
  reissue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('serial', ParseIntPipe) serial: number, @Body() body: PaperReasonDto): Promise<PaperDto> {
    return this.issuing.reissue(actor, id, serial, body.reason);
  }

  @Get('papers/:serial/scan')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ operationId: 'getBallotPaperScan', summary: 'The kept scan of a paper' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  scan(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('serial', ParseIntPipe) serial: number, @Res() res: FastifyReply): Promise<void> {
    return this.entry.sendScan(actor, id, serial, res);
  }

  @Post('check-ins')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordCheckIns', summary: 'Voters who signed in at the meeting (签到): attendance, for the rules that count it' })
  @ApiOkResponse({ type: CheckInResultDto })
  @ApiErrors('CONFLICT')
  checkIn(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CheckInDto): Promise<CheckInResultDto> {
    return this.checkIns.checkIn(actor, id, body.voterIds);
  }
}
