import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Permission, Public } from '../../auth/access.decorators';
import type { Actor } from '../../common/actor';
import { PublicResultBoardDto, PublicResultDto, VotePublicLinkDto } from './dto/public-result.dto';
import { PublicResultsService } from './public-results.service';

/** Search engines are told to leave the public pages out: they are unlisted, found only through the notice. */
export const NO_INDEX = 'noindex, nofollow, noarchive';

const TOKEN_PARAM = { name: 'token', description: 'The key printed on the notice (28 characters of lower-case base32, no dashes)', example: 'k7qm3xfa9pztw2hd0c4vbn6ejr8s' };

/**
 * The public, unlisted page of a published result: no account needed, read-only, no listing.
 * An unknown or malformed key, and a vote not yet counted, answer 404.
 */
@ApiTags('public results')
@Controller('public/results')
export class PublicResultsController {
  constructor(private readonly publicResults: PublicResultsService) {}

  @Get(':token')
  @Public()
  @Header('X-Robots-Tag', NO_INDEX)
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ operationId: 'getPublicResult', summary: 'A published result for anyone holding its key: figures, explanation, rule, chain head, electorate hash, notice stage' })
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ type: PublicResultDto })
  result(@Param('token') token: string): Promise<PublicResultDto> {
    return this.publicResults.result(token);
  }

  @Get(':token/board')
  @Public()
  @Header('X-Robots-Tag', NO_INDEX)
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ operationId: 'getPublicResultBoard', summary: 'The bulletin board of receipts, once the convenor has published it (404 until then)' })
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ type: PublicResultBoardDto })
  board(@Param('token') token: string): Promise<PublicResultBoardDto> {
    return this.publicResults.board(token);
  }

  @Get(':token/recount-kit')
  @Public()
  @ApiOperation({ operationId: 'downloadPublicRecountKit', summary: 'The recount kit (zip), byte for byte the one signed-in residents download' })
  @ApiParam(TOKEN_PARAM)
  @ApiProduces('application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async kit(@Param('token') token: string, @Res() res: FastifyReply): Promise<void> {
    const { fileName, bytes } = await this.publicResults.kit(token);
    res.header('Content-Type', 'application/zip');
    res.header('Content-Disposition', `attachment; filename="${fileName}"`);
    res.header('X-Robots-Tag', NO_INDEX);
    void res.send(Buffer.from(bytes));
  }
}

/** For those signed in to the unit: where the public page is, and the convenor's publication of the board. */
@ApiTags('votes')
@Controller('votes')
export class VotePublicLinkController {
  constructor(private readonly publicResults: PublicResultsService) {}

  @Get(':id/public-link')
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({ operationId: 'getVotePublicLink', summary: 'Where the counted result’s public page is (for the QR code on the notice), and whether its board is public' })
  @ApiOkResponse({ type: VotePublicLinkDto })
  link(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VotePublicLinkDto> {
    return this.publicResults.link(actor, id);
  }

  @Post(':id/board/publish')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'publishVoteBoard',
    summary: 'Show the bulletin board of receipts on the result’s public page too (audited; once public it stays public)',
  })
  @ApiOkResponse({ type: VotePublicLinkDto })
  publishBoard(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VotePublicLinkDto> {
    return this.publicResults.publishBoard(actor, id);
  }
}
