import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@yishi/contracts';
import type { NotificationKind } from '@yishi/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import type { Actor } from '../common/actor';
import { CurrentActor, SignedIn } from '../auth/access.decorators';
import type { InboxPage } from './notifications.service';
import { NotificationsService } from './notifications.service';
import { IsOmittable } from '../common/validation';

export class InboxQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Older than this notification (from `next`)' })
  @IsOmittable()
  @IsUUID()
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  unreadOnly?: boolean;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Notifications to mark read; omit to mark all read' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];
}

class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kind!: NotificationKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Values for wording the message (titles, outcomes, dates)',
  })
  params!: Record<string, string | number | boolean | null>;
  @ApiProperty({ description: 'Path of the page it leads to' }) link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
}

export class InboxPageDto implements InboxPage {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() unread!: number;
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

class MarkedReadDto {
  @ApiProperty() marked!: number;
}

@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ operationId: 'listNotifications', summary: 'My inbox, newest first' })
  @ApiOkResponse({ type: InboxPageDto })
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto): Promise<InboxPageDto> {
    return this.notifications.inbox(actor, { before: query.before, limit: query.limit ?? 30, unreadOnly: query.unreadOnly ?? false });
  }

  @Post('read')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationsRead', summary: 'Mark some or all of my notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markRead(actor, body.ids ?? 'all') };
  }
}
