import type { EntityManager } from 'typeorm';
import type { Notification } from './entities/notification.entity';

/**
 * A way to reach people beyond the in-app inbox (the messages feature: SMS, WeChat). The outbox
 * hands it committed notices inside the transaction that claims them, so a channel logs what it
 * will send exactly once; a channel failing rolls the claim back and the notices are offered again.
 */
export abstract class NotificationChannel {
  abstract readonly name: string;
  abstract deliver(m: EntityManager, notifications: readonly Notification[]): Promise<void>;
}

/** Token under which the configured channels are provided. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
