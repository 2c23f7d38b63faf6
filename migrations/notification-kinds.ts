import type { QueryRunner } from 'typeorm';

/**
 * The kinds of inbox message the `notification_kind_valid` CHECK allows, in the order migrations
 * added them. A migration that adds a kind appends it here and calls `allowNotificationKinds`;
 * its down deletes the rows of that kind and allows the kinds before it again.
 *
 * APPEND ONLY. Migrations already applied in deployed databases write their CHECK from a prefix of
 * this list: removing, renaming or reordering a kind would change what they wrote (a kind that
 * goes away goes in a migration of its own, with its list written out there).
 */
export const NOTIFICATION_KIND_HISTORY = [
  // Consultations1795675318360 (its CREATE TABLE names these six itself)
  'topic_screened',
  'consultation_opened',
  'phase_changed',
  'comment_replied',
  'comment_hidden',
  'comment_period_ending',
  // NotificationKinds1795677652603
  'draft_published',
  'briefing_cancelled',
  // Votes1795677910184
  'vote_opened',
  'vote_result',
  'vote_final',
  // OneAccountOnePerson1796396503485
  'roll_unlinked',
  // SessionNotices1796426400000
  'session_announced',
  // SessionRoom1796431043639
  'minutes_published',
  'follow_up_overdue',
  // MessagesBeyondTheApp1796457161755
  'vote_reminder',
  // InPersonResetNotice1796461428215
  'password_reset_in_person',
] as const;

export type HistoricNotificationKind = (typeof NOTIFICATION_KIND_HISTORY)[number];

/** The kinds of the history up to and including `through`, or up to and excluding `before`. */
export function notificationKinds(range: { through: HistoricNotificationKind } | { before: HistoricNotificationKind }): HistoricNotificationKind[] {
  const end = 'through' in range ? NOTIFICATION_KIND_HISTORY.indexOf(range.through) + 1 : NOTIFICATION_KIND_HISTORY.indexOf(range.before);
  return NOTIFICATION_KIND_HISTORY.slice(0, end);
}

/**
 * Rewrites the `notification_kind_valid` CHECK to allow the kinds of the history through (or
 * before) the one named: `allowNotificationKinds(queryRunner, { through: 'vote_reminder' })` in an
 * up, `{ before: 'vote_reminder' }` in its down.
 */
export async function allowNotificationKinds(queryRunner: QueryRunner, range: { through: HistoricNotificationKind } | { before: HistoricNotificationKind }): Promise<void> {
  const list = notificationKinds(range)
    .map((kind) => `'${kind}'`)
    .join(', ');
  await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`);
  await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN (${list}))`);
}
