/**
 * Why the API refused a request, as a stable word: `details.reason` of a CONFLICT (409), FORBIDDEN
 * (403) or NOT_FOUND (404) error body (the comments feature names it `details.rule`). The web
 * translates each one (`refusals.<reason>` in its i18n files; a test fails when one is missing),
 * and the OpenAPI document carries the list as the `RefusalReason` schema. A reason, once
 * published, never changes meaning; the same word may be used by several features when it means
 * the same thing (`closed`, `not_open`, `same_person`).
 */
export const REFUSAL_REASONS = [
  // Assembly ballots (several matters on one paper).
  'assembly_on_paper',
  // Topics (议题): raising, seconding, screening.
  'not_author',
  'too_many_photos',
  'own_topic',
  'consultation_closed',
  'target_closed',
  'already_screened',
  'not_open',
  // Drafts of a consultation (征求意见稿).
  'version_published', // published: its text is the record of what residents read, and never changes
  'version_editing', // a version is already being edited: publish it before starting another
  'drafting_closed', // voting has opened (or the matter is past it): the draft no longer changes
  'attachment_limit', // the version has as many attachments as it may have
  'clause_linked', // a clause to be removed is named by an official reply: edit it instead
  // Comments and their moderation (意见); sent as `details.rule`.
  'comment_phase',
  'one_level_of_replies',
  'parent_hidden',
  'current_version',
  'offline_phase',
  'published_version',
  'already_hidden',
  'not_hidden',
  'own_comment',
  'already_reported',
  'top_level_only',
  'reply_phase',
  // Briefings (说明会).
  'below_taken',
  'started',
  'full',
  'cancelled',
  // Invitations and roll links.
  'no_roll_phone',
  'not_linked',
  // Votes: announcing, opening, cancelling, shortenings.
  'not_scheduled',
  'past_close',
  'approval_required',
  'roll_inconsistent',
  'not_cancellable',
  'not_needed',
  'shortening_pending',
  'not_supervisor',
  'same_person',
  'already_decided',
  // Votes: casting a ballot.
  'not_open_yet',
  'closed',
  'paper_supersedes',
  'change_not_allowed',
  'already_voted',
  'not_eligible',
  // Votes: paper ballots, check-ins and disputes.
  'paper_in_entry',
  'paper_void',
  'paper_settled',
  'disputed',
  'not_returned_in_time',
  'not_disputed',
  'third_person_required',
  'proxy_revoked',
  'proxy_rejected',
  'attendance_not_counted',
  // Votes: proxies.
  'proxy_exists',
  'proxy_cap_reached',
  'not_accepted',
  'revoked',
  // Votes: results, objections, the public board.
  'turnout_private',
  'not_counted',
  'not_on_notice',
  'objection_window_over',
  'answered',
  'board_not_published',
  // Discussion sessions (议事会): the notice, check-ins.
  'notice_too_short', // the body's notice period would not have run by the start
  'not_a_draft', // the notice of this session is already up (or it was cancelled)
  'not_announced', // no notice is up: nobody can be checked in yet
  'check_in_closed', // check-ins run from two hours before the start to the end
  'not_invited', // the person is on none of the invited rolls (or is no representative of a representative assembly)
  'already_checked_in',
  'not_checked_in',
  'already_left',
  'already_deferred', // the agenda item was already put off
  'already_on_agenda', // the topic, draft version or vote is an item of the agenda already
  'code_expired', // the QR code in the room has changed: scan the one shown now
  // Discussion sessions: the room (officers, voting in the room, speakers).
  'meeting_supersedes', // the voter voted in the meeting room: online casting is closed for them
  'not_chair',
  'not_recorder',
  'not_teller',
  'not_scrutineer',
  'not_started', // the session has not started (or is over)
  'no_quorum', // a vote item cannot be opened in the room without the body's quorum
  'not_a_vote_item',
  'a_vote_item', // a vote item is decided by ballots, not by a show of hands
  'item_deferred',
  'room_voting_closed', // voting in the room is not open on this item
  'already_open',
  'not_present', // the person is not checked in (or has left)
  'slip_exists', // a slip of this voter is already entered on this item
  'not_entered', // the slip was already confirmed or refused
  'already_recorded',
  'already_waiting', // already in the speakers' queue
  // Discussion sessions: minutes and follow-up.
  'minutes_exist', // a version is already being drafted
  'no_minutes',
  'not_confirmed', // the chair and a scrutineer confirm before publishing
  'already_confirmed',
  'not_published',
  // Reaching voters: who is still missing.
  'not_your_building', // a building head sees and visits the voters of the building they look after
  // Reaching voters: messages beyond the app.
  'wechat_not_configured', // this server has no WeChat service account
  'wechat_binding_failed', // the WeChat sign-in came back expired, forged or for another account
  'wechat_not_bound', // WeChat is chosen as the channel but no WeChat account is bound
  'reminders_closed', // the vote has closed or been cancelled: its reminders are what they were
  // Account recovery in person.
  'not_a_resident_account', // the account holds a role beyond resident: it is reset by the street's admin, not in person here
  'own_account', // one's own password is reset by SMS, not by issuing oneself a code
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && (REFUSAL_REASONS as readonly string[]).includes(value);
}

/** Why a new password is refused: `details.reason` of a PASSWORD_TOO_WEAK error (the web words them under auth.passwordProblem). */
export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'common', 'one_character', 'contains_phone'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/**
 * The machine-readable reasons the API's services put in `details.fields[].reasons` of a
 * VALIDATION_FAILED error (400), besides the validator names class-validator gives on its own
 * (`isNotEmpty`, `maxLength`, `isIn` …, some of which the services reuse, listed here too).
 */
export const FIELD_REASONS = [
  // Validator names the services reuse.
  'isNotEmpty',
  'maxLength',
  'isIn',
  'isDate',
  'isObject',
  'minDate',
  'maxDate',
  'arrayMinSize',
  'arrayMaxSize',
  // Any field a service finds wrong without a word of its own.
  'invalid',
  'unknown',
  'unique',
  // Text (common/plain-text, common/request-edge).
  'plainText',
  'wellFormedText',
  'noControlCharacters',
  'singleValue',
  // Roles.
  'buildingHead',
  // Drafts and comments.
  'clauseOfVersion',
  'clauseOfPreviousVersion',
  'publishedVersion',
  'laterVersion',
  'samePlace',
  'exclusive',
  'anonymous',
  // Votes.
  'mayNotDecide',
  'needsApproval',
  'afterClose',
  'reasonTooShort',
  'reasonFiller',
  'notInElectorate',
  'notThisVoter',
  'noAccount',
  // Discussion sessions.
  'sessionKindOfUnit',
  'jointUnits',
  'sessionLength',
  'oneAgent',
  'mismatch',
  // Reminders.
  'beforeOpening',
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];
