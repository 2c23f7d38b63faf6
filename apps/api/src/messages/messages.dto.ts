import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATES, MESSAGE_CHANNELS, OUTBOUND_KINDS } from '@yishi/contracts';
import type { DeliveryState, MessageChannel, OutboundKind } from '@yishi/contracts';
import { ArrayMaxSize, IsArray, IsIn, Matches } from 'class-validator';

export class SentMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['sms', 'wechat'], enumName: 'SentChannel', description: 'The channel the text went out on' }) channel!: 'sms' | 'wechat';
  @ApiProperty({ enum: DELIVERY_STATES, enumName: 'DeliveryState' }) state!: DeliveryState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ description: 'What was (or would have been) sent' }) text!: string;
}

export class MessagePreferencesDto {
  @ApiProperty({ enum: MESSAGE_CHANNELS, enumName: 'MessageChannel', description: '`app`: the inbox only; `sms`: texts to the account’s number; `wechat`: template messages to the bound WeChat' })
  channel!: MessageChannel;

  @ApiProperty({ enum: OUTBOUND_KINDS, enumName: 'OutboundKind', isArray: true, description: 'Kinds kept to the inbox only' })
  mutedKinds!: OutboundKind[];

  @ApiProperty() wechatBound!: boolean;
  @ApiProperty({ description: 'This server has a WeChat service account' }) wechatAvailable!: boolean;
  @ApiProperty({ type: [SentMessageDto], description: 'The latest texts to me, newest first' }) recent!: SentMessageDto[];
}

export class UpdateMessagePreferencesDto {
  @ApiProperty({ enum: MESSAGE_CHANNELS, enumName: 'MessageChannel' })
  @IsIn(MESSAGE_CHANNELS)
  channel!: MessageChannel;

  @ApiProperty({ enum: OUTBOUND_KINDS, enumName: 'OutboundKind', isArray: true })
  @IsArray()
  @ArrayMaxSize(OUTBOUND_KINDS.length)
  @IsIn(OUTBOUND_KINDS, { each: true })
  mutedKinds!: OutboundKind[];
}

export class WechatBindingDto {
  @ApiProperty({ description: 'Open this in WeChat to sign in; WeChat comes back to /api/me/wechat/callback' })
  authorizeUrl!: string;
}

export class WechatCallbackQueryDto {
  @ApiProperty({ description: 'WeChat’s one-time sign-in code' })
  @Matches(/^[\w-]{1,128}$/)
  code!: string;

  @ApiProperty({ description: 'The state Yishi gave the sign-in' })
  @Matches(/^[0-9a-z]{1,12}\.[\w-]{32}$/)
  state!: string;
}
