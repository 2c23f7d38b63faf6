import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { CurrentActor, Permission, SignedIn } from '../auth/access.decorators';
import { PlainText } from '../common/plain-text';
import { CancelVoteDto, CastDto, CastReceiptDto, CreateVoteDto, ResultExportQueryDto, VoteDetailDto, VoteSummaryDto } from './dto/vote.dto';
import { CastingService } from './casting.service';
import { ResultExportService } from './result-export.service';
import { ResultsService } from './results.service';
import { VotesService } from './votes.service';

class ObjectionDto {
  @ApiProperty() @PlainText(1, 2000, { multiLine: true }) body!: string;
}

class AnswerDto {
  @ApiProperty() @PlainText(1, 2000, { multiLine: true }) answer!: string;
}

class CreatedIdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

@ApiTags('votes')
@Controller()
export class VotesController {
  constructor(
    private readonly votes: VotesService,
    private readonly casting: CastingService,
    private readonly results: ResultsService,
    private readonly exports: ResultExportService,
  ) {}

  @Post('units/:unitId/votes')
  @Permission('consultation.manage')
  @ApiOperation({ operationId: 'createVote', summary: 'Announce a vote of the unit’s body under a rule set (the notice period starts)' })
  @ApiCreatedResponse({ type: VoteDetailDto })
  create(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: CreateVoteDto): Promise<VoteDetailDto> {
    return this.votes.create(actor, unitId, body);
  }

  @Get('units/:unitId/votes')
  @Permission('consultation.read')
  @ApiOperation({ operationId: 'listVotes', summary: 'The votes of a unit, newest first' })
  @ApiOkResponse({ type: [VoteSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string): Promise<VoteSummaryDto[]> {
    return this.votes.listForUnit(actor, unitId);
  }

  @Get('votes/:id')
  @Permission('consultation.read')
  @ApiOperation({ operationId: 'getVote', summary: 'A vote, and the voters I may cast for in it' })
  @ApiOkResponse({ type: VoteDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoteDetailDto> {
    return this.votes.detail(actor, id);
  }

  @Post('votes/:id/open')
  @Permission('consultation.manage')
  @HttpCode(204)
  @ApiOperation({ operationId: 'openVote', summary: 'Open now: freeze the electorate (before the notice ends, or with a shorter window, only under an approved shortening)' })
  @ApiNoContentResponse()
  open(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.votes.open(actor, id);
  }

  @Post('votes/:id/cancel')
  @Permission('consultation.manage')
  @HttpCode(204)
  @ApiOperation({ operationId: 'cancelVote', summary: 'Cancel a scheduled or open vote, with a reason' })
  @ApiNoContentResponse()
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CancelVoteDto): Promise<void> {
    return this.votes.cancel(actor, id, body.reason);
  }

  @Post('votes/:id/ballots')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ operationId: 'castBallot', summary: 'Cast (or, where allowed, change) my ballot online; returns the receipt' })
  @ApiOkResponse({ type: CastReceiptDto })
  cast(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CastDto): Promise<CastReceiptDto> {
    return this.casting.castOnline(actor, id, body.choice, body.voterId);
  }

  @Get('votes/:id/turnout')
  @Permission('consultation.read')
  @ApiOperation({ operationId: 'getVoteTurnout', summary: 'Live turnout against the rule’s thresholds (no choices revealed)' })
  @ApiOkResponse({ schema: { type: 'object' } })
  turnout(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<unknown> {
    return this.results.turnout(actor, id);
  }

  @Get('votes/:id/board')
  @Permission('consultation.read')
  @ApiOperation({ operationId: 'getVoteBoard', summary: 'The bulletin board: every receipt in the chain' })
  @ApiOkResponse({ schema: { type: 'object' } })
  board(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<unknown> {
    return this.results.board(actor, id);
  }

  @Get('votes/:id/result')
  @Permission('consultation.read')
  @ApiOperation({ operationId: 'getVoteResult', summary: 'The published result: every figure, the explanation, the chain heads' })
  @ApiOkResponse({ schema: { type: 'object' } })
  result(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<unknown> {
    return this.results.result(actor, id);
  }

  @Get('votes/:id/result/export')
  @Permission('consultation.read')
  @ApiOperation({
    operationId: 'exportVoteResult',
    summary: 'The published result as CSV (UTF-8 with BOM) or XLSX: every figure, the explanation, the closing hash, and for a named vote the counted ballots unit by unit',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportResult(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ResultExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.export(actor, id, query.format ?? 'xlsx');
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Get('votes/:id/recount-kit')
  @Permission('consultation.read')
  @ApiOperation({ operationId: 'downloadRecountKit', summary: 'The recount kit (zip) of a counted vote: run `npm run recount -- <folder>` on it' })
  @ApiProduces('application/zip')
  async kit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { fileName, bytes } = await this.results.kit(actor, id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.end(Buffer.from(bytes));
  }

  @Post('votes/:id/objections')
  @Permission('participate')
  @ApiOperation({ operationId: 'objectToResult', summary: 'Object to the provisional result while it is on notice' })
  @ApiCreatedResponse({ type: CreatedIdDto })
  object(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ObjectionDto): Promise<CreatedIdDto> {
    return this.results.object(actor, id, body.body);
  }

  @Get('votes/:id/objections')
  @Permission('consultation.read')
  @ApiOperation({ operationId: 'listObjections', summary: 'Objections to the result and their answers' })
  @ApiOkResponse({ schema: { type: 'array' } })
  objections(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<unknown> {
    return this.results.objections(actor, id);
  }

  @Post('objections/:id/answer')
  @Permission('consultation.manage')
  @HttpCode(204)
  @ApiOperation({ operationId: 'answerObjection', summary: 'Answer an objection (the final notice waits for every answer)' })
  @ApiNoContentResponse()
  answer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AnswerDto): Promise<void> {
    return this.results.answer(actor, id, body.answer);
  }
}
