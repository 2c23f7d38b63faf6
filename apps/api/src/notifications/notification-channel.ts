import type { Notification } from './entities/notification.entity';

/**
 * A way to reach people beyond the in-app inbox (SMS, a WeChat template message). Channels are
 * told after the inbox rows are committed; a channel failing never loses the inbox message.
 */
export abstract class NotificationChannel {
  abstract readonly name: string;
  abstract deliver(notifications: readonly Notification[]): Promise<void>;
}

/** Token under which the configured channels are provided (none by default). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
