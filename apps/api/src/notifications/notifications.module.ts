import type { OnModuleInit } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { NOTIFICATION_CHANNELS } from './notification-channel';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The inbox, used by every feature that tells people something. No extra channel is configured yet. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, { provide: NOTIFICATION_CHANNELS, useValue: [] }],
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
