import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { CurrentActor, Permission } from './access.decorators';
import { InPersonResetDto, IssuedResetCodeDto, ResetLookupDto } from './dto/in-person-reset.dto';
import { InPersonResetService } from './in-person-reset.service';

/** Resetting a resident's password in person: look the person up on the roll, then issue a one-time code. */
@ApiTags('accounts')
@Controller('units/:unitId/account-resets')
export class InPersonResetController {
  constructor(private readonly resets: InPersonResetService) {}

  @Post('lookup')
  @HttpCode(200)
  @Permission('account.reset', { on: 'unit', param: 'unitId', buildingFrom: { body: 'buildingId' } })
  @ApiOperation({ operationId: 'lookUpAccountForReset', summary: 'Who signs in with this number on this roll (in this building, for a building head): to compare with their identity card (audited)' })
  @ApiOkResponse({ type: ResetLookupDto })
  @ApiErrors('NOT_FOUND', 'TOO_MANY_REQUESTS')
  lookup(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: InPersonResetDto): Promise<ResetLookupDto> {
    return this.resets.lookup(actor, unitId, body);
  }

  @Post()
  @HttpCode(201)
  @Permission('account.reset', { on: 'unit', param: 'unitId', buildingFrom: { body: 'buildingId' } })
  @ApiOperation({
    operationId: 'issueResetCodeInPerson',
    summary: 'Issue a one-time password reset code for a resident whose identity was checked in person (30 minutes; audited; the resident’s phone is told). Only accounts holding no role beyond resident (403 `not_a_resident_account`), never one’s own (403 `own_account`)',
  })
  @ApiCreatedResponse({ type: IssuedResetCodeDto })
  @ApiErrors('NOT_FOUND', 'TOO_MANY_REQUESTS')
  issue(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Body() body: InPersonResetDto): Promise<IssuedResetCodeDto> {
    return this.resets.issue(actor, unitId, body);
  }
}
