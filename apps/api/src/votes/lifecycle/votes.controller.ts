import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/actor';
import { CurrentActor, Permission } from '../../auth/access.decorators';
import { PlainText } from '../../common/plain-text';
import { CancelVoteDto, CastDto, CastReceiptDto, CreateVoteDto, ResultExportQueryDto, VoteDetailDto, VoteSummaryDto } from './dto/vote.dto';
import { VoteBoardDto, VoteObjectionDto, VoteResultDto, VoteTurnoutDto } from '../results/dto/results.dto';
import { CastingService } from '../ballots/casting.service';
import { ResultExportService } from '../results/result-export.service';
import { ResultsService } from '../results/results.service';
import { VotesService } from './votes.service';
import { ApiErrors } from '../../openapi/api-errors.decorator';

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
  @Permission('consultation.manage', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'createVote', summary: 'Announce a vote of the unit’s body under a rule set (the notice period starts)' })
  @ApiCreatedResponse({ type: VoteDetailDto })
  create(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: CreateVoteDto): Promise<VoteDetailDto> {
    return this.votes.create(actor, unitId, body);
  }

  @Get('units/:unitId/votes')
  @Permission('consultation.read', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'listVotes', summary: 'The votes of a unit, newest first' })
  @ApiOkResponse({ type: [VoteSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string): Promise<VoteSummaryDto[]> {
    return this.votes.listForUnit(actor, unitId);
  }

  @Get('votes/:id')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter', 'proxyAgent'] })
  @ApiOperation({
    operationId: 'getVote',
    summary: 'A vote, and the voters I may cast for in it',
    description:
      'For readers of the unit (consultation.read), the voters of the vote, and the agent of an accepted proxy for it — who may be of another unit, as an owner may authorise anyone: the agent sees the vote as a voter does (its announcement, and in myVoters the principals they cast for), which is what casting needs and tells nothing of other voters. Its result, objections, proxy list and turnout stay with the unit and its voters.',
  })
  @ApiOkResponse({ type: VoteDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoteDetailDto> {
    return this.votes.detail(actor, id);
  }

  @Post('votes/:id/open')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'openVote', summary: 'Open now: freeze the electorate (before the notice ends, or with a shorter window, only under an approved shortening)' })
  @ApiNoContentResponse()
  @ApiErrors('CONFLICT')
  open(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.votes.open(actor, id);
  }

  @Post('votes/:id/cancel')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'cancelVote', summary: 'Cancel a scheduled or open vote, with a reason' })
  @ApiNoContentResponse()
  @ApiErrors('CONFLICT')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CancelVoteDto): Promise<void> {
    return this.votes.cancel(actor, id, body.reason);
  }

  @Post('votes/:id/ballots')
  @Permission('participate', { on: 'vote', param: 'id', allow: ['voter', 'proxyAgent'] })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'castBallot',
    summary: 'Cast (or, where allowed, change) my ballot online; returns the receipt',
    description: 'For the voters on the electorate frozen when voting opened and the agents of accepted proxies. Someone of the unit who is neither gets 403 (reason not_eligible when their role lets them take part); anyone else 404, as for every request about another unit.',
  })
  @ApiOkResponse({ type: CastReceiptDto })
  @ApiErrors('FORBIDDEN', 'CONFLICT')
  cast(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CastDto): Promise<CastReceiptDto> {
    return this.casting.castOnline(actor, id, { choice: body.choice, marks: body.marks }, body.voterId);
  }

  @Get('votes/:id/turnout')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({ operationId: 'getVoteTurnout', summary: 'Live turnout against the rule’s thresholds (no choices revealed)' })
  @ApiOkResponse({ type: VoteTurnoutDto })
  @ApiErrors('CONFLICT')
  turnout(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoteTurnoutDto> {
    return this.results.turnout(actor, id);
  }

  @Get('votes/:id/board')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter', 'proxyAgent'] })
  @ApiOperation({ operationId: 'getVoteBoard', summary: 'The bulletin board: every receipt in the chain', description: 'For readers of the unit, the voters, and the agents of accepted proxies (to find the receipt of the ballot they cast).' })
  @ApiOkResponse({ type: VoteBoardDto })
  board(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoteBoardDto> {
    return this.results.board(actor, id);
  }

  @Get('votes/:id/result')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({ operationId: 'getVoteResult', summary: 'The published result: every figure, the explanation, the chain heads' })
  @ApiOkResponse({ type: VoteResultDto })
  @ApiErrors('CONFLICT')
  result(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoteResultDto> {
    return this.results.result(actor, id);
  }

  @Get('votes/:id/result/export')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({
    operationId: 'exportVoteResult',
    summary: 'The published result as CSV (UTF-8 with BOM) or XLSX: every figure, the explanation, the closing hash, and for a named vote the counted ballots unit by unit',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors('CONFLICT')
  async exportResult(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ResultExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.export(actor, id, query.format ?? 'xlsx');
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Get('votes/:id/recount-kit')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({ operationId: 'downloadRecountKit', summary: 'The recount kit (zip) of a counted vote: run `npm run recount -- <folder>` on it' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors('CONFLICT')
  async kit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply): Promise<void> {
    const { fileName, bytes } = await this.results.kit(actor, id);
    res.header('Content-Type', 'application/zip');
    res.header('Content-Disposition', `attachment; filename="${fileName}"`);
    void res.send(Buffer.from(bytes));
  }

  @Post('votes/:id/objections')
  @Permission('result.object', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({
    operationId: 'objectToResult',
    summary: 'Object to the provisional result while it is on notice',
    description:
      'Who may object: the vote’s electorate — the voters on the snapshot frozen when voting opened, through the account linked to their roll entry, whatever their role — and the staff supervising the unit: community or street staff (result.object). Not an observer (监事会) by that role alone: the observer reads everything and changes nothing, and an objection holds up the final notice (an observer on the electorate objects as a voter). Not a tenant on an owners’ vote (403), not a proxy agent as such (a proxy is for casting), nobody of another unit (404). The final notice waits until every objection is answered.',
  })
  @ApiCreatedResponse({ type: CreatedIdDto })
  @ApiErrors('CONFLICT')
  object(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ObjectionDto): Promise<CreatedIdDto> {
    return this.results.object(actor, id, body.body);
  }

  @Get('votes/:id/objections')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({ operationId: 'listObjections', summary: 'Objections to the result and their answers' })
  @ApiOkResponse({ type: [VoteObjectionDto] })
  objections(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoteObjectionDto[]> {
    return this.results.objections(actor, id);
  }

  @Post('objections/:id/answer')
  @Permission('consultation.manage', { on: 'objection', param: 'id' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'answerObjection', summary: 'Answer an objection (the final notice waits for every answer)' })
  @ApiNoContentResponse()
  @ApiErrors('CONFLICT')
  answer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AnswerDto): Promise<void> {
    return this.results.answer(actor, id, body.answer);
  }
}
