import type { EntityManager } from 'typeorm';
import { Notification } from './entities/notification.entity';

/** The notifications store: the statements on `notification` that are more than a repository call. */

/** Up to `batch` messages not yet delivered, oldest first, locked for this transaction; those another instance holds are skipped. */
export function claimUndelivered(m: EntityManager, batch: number): Promise<Notification[]> {
  return m
    .getRepository(Notification)
    .createQueryBuilder('n')
    .where('n.deliveredAt IS NULL')
    .orderBy('n.createdAt')
    .take(batch)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
}

/** A page of a person's messages, newest first, one more than `limit` when there are more; from before the message `before`. */
export function inboxPage(m: EntityManager, userId: string, options: { before?: string; limit: number; unreadOnly: boolean }): Promise<Notification[]> {
  const qb = m
    .getRepository(Notification)
    .createQueryBuilder('n')
    .where('n.userId = :user', { user: userId })
    .orderBy('n.createdAt', 'DESC')
    .addOrderBy('n.id', 'DESC')
    .take(options.limit + 1);
  if (options.unreadOnly) qb.andWhere('n.readAt IS NULL');
  if (options.before) qb.andWhere('n.createdAt < (SELECT created_at FROM notification WHERE id = :before AND user_id = :user)', { before: options.before });
  return qb.getMany();
}
