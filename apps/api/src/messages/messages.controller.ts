import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor';
import { CurrentActor, SignedIn } from '../auth/access.decorators';
import { DomainError } from '../common/domain-error';
import { MessagePreferencesDto, UpdateMessagePreferencesDto, WechatBindingDto, WechatCallbackQueryDto } from './messages.dto';
import { MessagesService } from './messages.service';

/** A person's own message settings: how texts reach them (or not), and their WeChat binding. */
@ApiTags('me')
@Controller('me')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('message-preferences')
  @SignedIn()
  @ApiOperation({ operationId: 'getMyMessagePreferences', summary: 'How notices reach me beyond the inbox, and the latest texts sent to me' })
  @ApiOkResponse({ type: MessagePreferencesDto })
  preferences(@CurrentActor() actor: Actor): Promise<MessagePreferencesDto> {
    return this.messages.preferences(actor);
  }

  @Put('message-preferences')
  @SignedIn()
  @ApiOperation({ operationId: 'setMyMessagePreferences', summary: 'Choose SMS, WeChat or the app only, and the kinds kept to the inbox (opting out of texts is `app`)' })
  @ApiOkResponse({ type: MessagePreferencesDto })
  setPreferences(@CurrentActor() actor: Actor, @Body() body: UpdateMessagePreferencesDto): Promise<MessagePreferencesDto> {
    return this.messages.setPreferences(actor, body);
  }

  @Post('wechat/binding')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ operationId: 'startWechatBinding', summary: 'Start binding my WeChat: the WeChat sign-in page to open (in WeChat)' })
  @ApiOkResponse({ type: WechatBindingDto })
  startBinding(@CurrentActor() actor: Actor): WechatBindingDto {
    return this.messages.startWechatBinding(actor);
  }

  @Get('wechat/callback')
  @HttpCode(302)
  @SignedIn()
  @ApiOperation({ operationId: 'finishWechatBinding', summary: 'Where WeChat’s sign-in comes back: binds the WeChat and goes on to the message settings page' })
  @ApiFoundResponse({ description: 'To /me/messages?wechat=bound, or ?wechat=failed&reason=… when the sign-in expired or was not this account’s' })
  async callback(@CurrentActor() actor: Actor, @Query() query: WechatCallbackQueryDto, @Res() res: FastifyReply): Promise<void> {
    try {
      await this.messages.finishWechatBinding(actor, query.code, query.state);
      void res.redirect('/me/messages?wechat=bound', 302);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const reason = typeof error.details?.['reason'] === 'string' ? error.details['reason'] : 'wechat_binding_failed';
      void res.redirect(`/me/messages?wechat=failed&reason=${encodeURIComponent(reason)}`, 302);
    }
  }

  @Delete('wechat/binding')
  @SignedIn()
  @ApiOperation({ operationId: 'unbindWechat', summary: 'Unbind my WeChat (texts go by SMS again if WeChat was the channel)' })
  @ApiOkResponse({ type: MessagePreferencesDto })
  unbind(@CurrentActor() actor: Actor): Promise<MessagePreferencesDto> {
    return this.messages.unbindWechat(actor);
  }
}
