/** How a topic or an opinion reached the platform: online, or on paper / in person (offline). */
export const INTAKE_CHANNELS = ['online', 'suggestion_box', 'field_visit', 'hotline', 'building_head', 'meeting', 'briefing', 'paper'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const OFFLINE_CHANNELS = INTAKE_CHANNELS.filter((c): c is Exclude<IntakeChannel, 'online'> => c !== 'online');
export type OfflineChannel = Exclude<IntakeChannel, 'online'>;

/** What screening decided about a topic (筛选议题). Nothing disappears silently. */
export const TOPIC_STATUSES = ['open', 'accepted', 'merged', 'declined'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

/** The phases of a consultation, in order. Forward by date or by the convenor; back only with a reason. */
export const CONSULTATION_PHASES = ['draft', 'briefing', 'comment', 'revision', 'voting', 'notice', 'follow_up'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

/** Each phase's place in CONSULTATION_PHASES (draft 0 … follow_up 6): compare phases by it. */
export const PHASE_INDEX: ReadonlyMap<ConsultationPhase, number> = new Map(CONSULTATION_PHASES.map((p, i) => [p, i]));

/** A phase's place in CONSULTATION_PHASES: `phaseIndex(a) < phaseIndex(b)` when `a` comes before `b`. */
export function phaseIndex(phase: ConsultationPhase): number {
  return CONSULTATION_PHASES.indexOf(phase);
}

/** The official answer to an opinion (意见采纳情况). */
export const REPLY_OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted', 'noted'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

/** What the in-app inbox tells a person about. */
export const NOTIFICATION_KINDS = [
  'topic_screened',
  'consultation_opened',
  'phase_changed',
  'comment_replied',
  'comment_hidden',
  'comment_period_ending',
  'draft_published',
  'briefing_cancelled',
  'vote_opened',
  'vote_reminder',
  'vote_result',
  'vote_final',
  'roll_unlinked',
  'session_announced',
  'minutes_published',
  'follow_up_overdue',
  /** A building head or staff member issued a password reset code for the account in person: so the owner hears of it. */
  'password_reset_in_person',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const LIMITS = {
  topicTitle: 100,
  topicBody: 2000,
  topicPhotos: 3,
  commentBody: 1000,
  reason: 500,
  clauseBody: 5000,
  clausesPerVersion: 200,
  /** Photos and attachments: bytes per file. */
  fileBytes: 10 * 1024 * 1024,
} as const;
