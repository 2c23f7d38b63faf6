import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, SignedIn } from '../auth/access.decorators';
import { MyOpenMattersDto, MyRollDto } from './me.dto';
import { MeService } from './me.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get('roll')
  @SignedIn()
  @ApiOperation({ operationId: 'getMyRoll', summary: 'My household and my units, as the rolls record them' })
  @ApiOkResponse({ type: MyRollDto })
  roll(@CurrentActor() actor: Actor): Promise<MyRollDto> {
    return this.me.roll(actor);
  }

  @Get('open-matters')
  @SignedIn()
  @ApiOperation({ operationId: 'getMyOpenMatters', summary: 'What waits for me in every unit I belong to: open votes I may cast in (and whether I have), consultations open for comment, sessions I am invited to' })
  @ApiOkResponse({ type: MyOpenMattersDto })
  openMatters(@CurrentActor() actor: Actor): Promise<MyOpenMattersDto> {
    return this.me.openMatters(actor);
  }
}
