import type { OnModuleInit } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { MessagesModule } from '../messages/messages.module';
import { MessagesService } from '../messages/messages.service';
import { NOTIFICATION_CHANNELS } from './notification-channel';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The inbox, used by every feature that tells people something; its outbox hands notices to the texts (messages). */
@Global()
@Module({
  imports: [MessagesModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, { provide: NOTIFICATION_CHANNELS, useFactory: (messages: MessagesService) => [messages], inject: [MessagesService] }],
  exports: [NotificationsService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'notifications.deliver', everyMs: 10_000, run: async () => void (await this.notifications.deliverPending()) });
  }
}
