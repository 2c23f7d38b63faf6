import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor';
import { CurrentActor, Permission, SignedIn } from '../auth/access.decorators';
import { IssueInvitationsDto, LetterCheckDto, LetterCodeDto, LinkCodeSentDto, LinkInPersonDto, RedeemInvitationDto, UnlinkDto, UnlinkResultDto } from './dto/invitations.dto';
import { InvitationsService } from './invitations.service';
import { RollLinksService } from './roll-links.service';
import { ApiErrors } from '../openapi/api-errors.decorator';
import type { PersonType } from './invitation-types';
import { ParsePersonTypePipe } from './person-type.pipe';

/** The site's address as the browser that asked for the letters sees it: printed and put in the QR codes. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? 'localhost'}`;
}

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly links: RollLinksService,
  ) {}

  @Post('units/:unitId/invitations')
  @Permission('invitation.print', { on: 'unit', param: 'unitId', buildingFrom: { body: 'buildingId' } })
  @ApiOperation({
    operationId: 'issueInvitations',
    summary: 'Issue invitation letters: the answer is the printable sheet',
    description:
      'Creates one-time codes for the people chosen and answers with the A5 letters as an HTML page to print. The codes appear nowhere else: no JSON answer carries them and only keyed hashes are stored. The printing is kept (who printed which letters) in the audit trail. The header Yishi-Letters says how many letters the sheet holds.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The printable letters (HTML, no script)', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors('CONFLICT')
  @HttpCode(200)
  async issue(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: IssueInvitationsDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const printed = await this.invitations.issue(actor, unitId, body, originOf(req));
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.header('Cache-Control', 'no-store');
    res.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'");
    res.header('Yishi-Letters', String(printed.letters));
    res.header('Yishi-Print-Id', printed.printId);
    return printed.html;
  }

  @Post('units/:unitId/links')
  @Permission('invitation.manage', { on: 'unit', param: 'unitId' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'linkInPerson', summary: 'Link an account to a roll entry in person' })
  @ApiNoContentResponse()
  @ApiErrors('CONFLICT', 'ONE_PERSON_PER_ACCOUNT')
  link(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: LinkInPersonDto): Promise<void> {
    return this.links.linkInPerson(actor, unitId, body);
  }

  @Post('units/:unitId/links/:personType/:personId/unlink')
  @Permission('invitation.manage', { on: 'unit', param: 'unitId' })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'unlinkPerson',
    summary: 'Undo the link between an account and a roll entry (audited; the account and the roll phone are told)',
  })
  @ApiParam({ name: 'personType', enum: ['member', 'owner', 'tenant'], enumName: 'PersonType' })
  @ApiOkResponse({ type: UnlinkResultDto })
  @ApiErrors('CONFLICT')
  unlink(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('personType', ParsePersonTypePipe) personType: PersonType,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: UnlinkDto,
  ): Promise<UnlinkResultDto> {
    return this.links.unlink(actor, unitId, personType, personId, body.reason);
  }

  @Post('me/invitations/check')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ operationId: 'checkInvitation', summary: 'What a letter is for, and how to prove it is mine (links nothing)' })
  @ApiOkResponse({ type: LetterCheckDto })
  @ApiErrors('INVALID_INVITATION', 'TOO_MANY_REQUESTS')
  check(@CurrentActor() actor: Actor, @Body() body: LetterCodeDto): Promise<LetterCheckDto> {
    return this.invitations.checkLetter(actor, body.code);
  }

  @Post('me/invitations/phone-code')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ operationId: 'sendInvitationPhoneCode', summary: "Send a one-time code to the phone number the roll holds for the letter's person" })
  @ApiOkResponse({ type: LinkCodeSentDto })
  @ApiErrors('INVALID_INVITATION', 'CONFLICT', 'TOO_MANY_REQUESTS')
  sendPhoneCode(@CurrentActor() actor: Actor, @Body() body: LetterCodeDto): Promise<LinkCodeSentDto> {
    return this.invitations.sendLinkCode(actor, body.code);
  }

  @Post('me/invitations')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'redeemInvitation',
    summary: 'Link my account by an invitation letter, with proof it is mine',
    description:
      'Proof: my verified phone number is the one the roll holds, or phoneCode (sent to the roll phone), or idNumber (the whole identity number the roll holds). One account is one person: an account linked to another person of the same roll is refused (ONE_PERSON_PER_ACCOUNT). Five wrong proofs revoke the letter.',
  })
  @ApiNoContentResponse()
  @ApiErrors('INVALID_INVITATION', 'INVITATION_PROOF_REQUIRED', 'INVITATION_PROOF_FAILED', 'ONE_PERSON_PER_ACCOUNT', 'CONFLICT', 'TOO_MANY_REQUESTS')
  async redeem(@CurrentActor() actor: Actor, @Body() body: RedeemInvitationDto): Promise<void> {
    await this.invitations.redeemForActor(actor, body.code, { idNumber: body.idNumber, phoneCode: body.phoneCode });
  }
}
