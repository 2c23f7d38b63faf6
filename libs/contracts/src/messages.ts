import type { NotificationKind } from './consultations';

/**
 * Messages beyond the app. Every notice lands in the in-app inbox; the kinds below also go out by
 * the person's chosen channel (SMS by default, WeChat once bound), unless they chose the app only
 * or muted the kind.
 */
export const MESSAGE_CHANNELS = ['app', 'sms', 'wechat'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** The kinds worth a text message: a vote to cast, a reminder, a result, a meeting, a new consultation. */
export const OUTBOUND_KINDS = ['vote_opened', 'vote_reminder', 'vote_result', 'session_announced', 'consultation_opened', 'comment_period_ending'] as const satisfies readonly NotificationKind[];
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

/** A message's life: waiting (or deferred past quiet hours), being handed over, handed over, given up, or not sent (limit, expired, opted out). */
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const MESSAGE_LIMITS = {
  /** Reminder times a convenor may set on one vote. */
  remindersPerVote: 4,
  /** The earliest reminder, in hours before closing (30 days). */
  reminderMaxHours: 720,
} as const;
