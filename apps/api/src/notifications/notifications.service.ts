import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind } from '@yishi/contracts';
import { DataSource, In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { Notification } from './entities/notification.entity';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './notification-channel';
import { holdersOn } from '../users/grant-store';
import { claimUndelivered, inboxPage } from './notification-store';

export type NotificationParams = Notification['params'];

export interface InboxPage {
  items: { id: string; kind: NotificationKind; params: NotificationParams; link: string; createdAt: string; readAt: string | null }[];
  unread: number;
  next: string | null;
}

/**
 * The in-app inbox. Use cases add messages inside their own transaction (so a message exists
 * exactly when what it tells about happened); other channels are told after commit.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  /** Messages to the given people (duplicates and nulls ignored). */
  async notify(m: EntityManager, userIds: readonly (string | null)[], kind: NotificationKind, params: NotificationParams, link: string): Promise<void> {
    const unique = [...new Set(userIds.filter((id): id is string => !!id))];
    if (unique.length === 0) return;
    // With no other channel configured there is nothing to deliver: the inbox is the delivery.
    const deliveredAt = this.channels.length === 0 ? new Date() : null;
    for (let i = 0; i < unique.length; i += 1000) {
      await m.getRepository(Notification).insert(unique.slice(i, i + 1000).map((userId) => ({ userId, kind, params, link, readAt: null, deliveredAt })));
    }
  }

  /** Messages to everyone holding a role on any of the units (residents, building heads, …), except `exceptUserId`. */
  async notifyUnits(m: EntityManager, unitIds: readonly string[], kind: NotificationKind, params: NotificationParams, link: string, exceptUserId: string | null = null): Promise<void> {
    await this.notify(m, await holdersOn(m, unitIds, exceptUserId), kind, params, link);
  }

  /**
   * The outbox: hands committed messages to the other channels, a batch at a time, until none is
   * left. Rows are claimed with SKIP LOCKED, so several instances never hand over the same message
   * twice; a channel that fails rolls its batch back, to be offered again at the next run.
   */
  async deliverPending(batch = 500, maxBatches = 40): Promise<number> {
    if (this.channels.length === 0) return 0;
    let handed = 0;
    for (let i = 0; i < maxBatches; i += 1) {
      const n = await this.dataSource.transaction(async (m) => {
        const rows = await claimUndelivered(m, batch);
        if (rows.length === 0) return 0;
        for (const channel of this.channels) await channel.deliver(m, rows);
        await m.getRepository(Notification).update({ id: In(rows.map((r) => r.id)) }, { deliveredAt: new Date() });
        return rows.length;
      });
      handed += n;
      if (n < batch) break;
    }
    return handed;
  }

  async inbox(actor: Actor, options: { before?: string; limit: number; unreadOnly: boolean }): Promise<InboxPage> {
    const [rows, unread] = await Promise.all([
      inboxPage(this.dataSource.manager, actor.id, options),
      this.dataSource.getRepository(Notification).countBy({ userId: actor.id, readAt: IsNull() }),
    ]);
    const page = rows.slice(0, options.limit);
    return {
      items: page.map((n) => ({ id: n.id, kind: n.kind, params: n.params, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
      unread,
      next: rows.length > options.limit ? page.at(-1)!.id : null,
    };
  }

  /** Marks the given messages (or all) of the actor read; returns how many changed. */
  async markRead(actor: Actor, ids: string[] | 'all'): Promise<number> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update(ids === 'all' ? { userId: actor.id, readAt: IsNull() } : { userId: actor.id, readAt: IsNull(), id: In(ids) }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
