import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Permission, SignedIn } from '../auth/access.decorators';
import { IssueInvitationsDto, IssuedLettersDto, LinkInPersonDto, RedeemInvitationDto } from './dto/invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('units/:unitId/invitations')
  @Permission('invitation.print', { on: 'unit', param: 'unitId', buildingFrom: { body: 'buildingId' } })
  @ApiOperation({ operationId: 'issueInvitations', summary: 'Issue invitation letters (codes shown once, for printing)' })
  @ApiOkResponse({ type: IssuedLettersDto })
  @HttpCode(200)
  issue(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: IssueInvitationsDto): Promise<IssuedLettersDto> {
    return this.invitations.issue(actor, unitId, body);
  }

  @Post('units/:unitId/links')
  @Permission('invitation.manage', { on: 'unit', param: 'unitId' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'linkInPerson', summary: 'Link an account to a roll entry in person' })
  @ApiNoContentResponse()
  link(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: LinkInPersonDto): Promise<void> {
    return this.invitations.linkInPerson(actor, unitId, body);
  }

  @Post('me/invitations')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ operationId: 'redeemInvitation', summary: 'Link my account by the code of an invitation letter' })
  @ApiNoContentResponse()
  async redeem(@CurrentActor() actor: Actor, @Body() body: RedeemInvitationDto): Promise<void> {
    await this.invitations.redeemForActor(actor, body.code);
  }
}
