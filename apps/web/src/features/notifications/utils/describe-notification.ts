/**
 * A notification in words. The API sends a kind and the values to word it with (titles,
 * outcomes, dates), never a sentence, so every message reads in the language of the screen.
 * Everything in the params that a person wrote (titles, reasons) is plain text; React escapes it.
 */
import type { ConsultationPhase, NotificationKind, ReplyOutcome } from '@yishi/contracts';
import { CONSULTATION_PHASES, REPLY_OUTCOMES } from '@yishi/contracts';
import type { TFunction } from 'i18next';
import { safeNextPath } from '../../../lib/auth';
import { consultationPath } from '../../../shared/consultations/links';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { Language } from '../../../lib/preferences';

export interface NotificationLike {
  kind: NotificationKind;
  params: Readonly<Record<string, unknown>>;
  link: string;
}

export interface NotificationView {
  text: string;
  /** A path of this site to open (the API's link, checked). */
  link: string;
}

function text(params: NotificationLike['params'], name: string): string | null {
  const value = params[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function phase(params: NotificationLike['params'], name: string): ConsultationPhase | null {
  const value = params[name];
  return (CONSULTATION_PHASES as readonly unknown[]).includes(value) ? (value as ConsultationPhase) : null;
}

function outcome(params: NotificationLike['params']): ReplyOutcome | null {
  const value = params['outcome'];
  return (REPLY_OUTCOMES as readonly unknown[]).includes(value) ? (value as ReplyOutcome) : null;
}

/** Where the message leads: the API's link when it is a path of this site, else the vote, the consultation or the inbox. */
function linkOf(notification: NotificationLike): string {
  const voteId = text(notification.params, 'voteId');
  if (voteId && notification.kind.startsWith('vote_')) {
    return safeNextPath(notification.link, notification.kind === 'vote_opened' || notification.kind === 'vote_reminder' ? `/votes/${encodeURIComponent(voteId)}` : `/votes/${encodeURIComponent(voteId)}/result`);
  }
  const consultationId = text(notification.params, 'consultationId');
  return safeNextPath(notification.link, consultationId ? consultationPath(consultationId) : '/inbox');
}

export function describeNotification(notification: NotificationLike, t: TFunction, language: Language): NotificationView {
  const { params } = notification;
  const title = text(params, 'title') ?? t('inbox.untitled');
  const link = linkOf(notification);
  switch (notification.kind) {
    case 'topic_screened': {
      const result = text(params, 'outcome');
      if (result === 'accepted') return { text: t('inbox.kind.topicAccepted', { title }), link };
      if (result === 'merged') return { text: t('inbox.kind.topicMerged', { title, into: text(params, 'mergedIntoTitle') ?? t('inbox.anotherTopic') }), link };
      return { text: t('inbox.kind.topicDeclined', { title, reason: text(params, 'reason') ?? t('inbox.noReason') }), link };
    }
    case 'consultation_opened': {
      const to = phase(params, 'to');
      return { text: to ? t('inbox.kind.consultationOpened', { title, phase: t(`consultations.phase.${to}`) }) : t('inbox.kind.consultationOpenedPlain', { title }), link };
    }
    case 'phase_changed': {
      const to = phase(params, 'to');
      return { text: to ? t('inbox.kind.phaseChanged', { title, phase: t(`consultations.phase.${to}`) }) : t('inbox.kind.generic', { title }), link };
    }
    case 'comment_replied': {
      if (params['official'] !== true) return { text: t('inbox.kind.commentReplied', { title }), link };
      const answer = outcome(params);
      const outcomeName = answer ? t(`comments.outcome.${answer}`) : t('inbox.kind.answered');
      return { text: t(params['updated'] === true ? 'inbox.kind.officialReplyUpdated' : 'inbox.kind.officialReply', { title, outcome: outcomeName }), link };
    }
    case 'comment_hidden':
      return { text: t('inbox.kind.commentHidden', { title, reason: text(params, 'reason') ?? t('inbox.noReason') }), link };
    case 'comment_period_ending': {
      const endsAt = text(params, 'endsAt');
      const date = endsAt ? formatDateTime(endsAt, language) : null;
      return { text: date ? t('inbox.kind.commentPeriodEnding', { title, date }) : t('inbox.kind.commentPeriodEndingSoon', { title }), link };
    }
    case 'draft_published': {
      const number = params['number'];
      return {
        text: typeof number === 'number' ? t('inbox.kind.draftPublished', { title, number }) : t('inbox.kind.draftPublishedPlain', { title }),
        link,
      };
    }
    case 'briefing_cancelled': {
      const startsAt = text(params, 'startsAt');
      const when = startsAt ? formatDate(startsAt, language) : null;
      const place = text(params, 'place') ?? '';
      const reason = text(params, 'reason');
      const message = when ? t('inbox.kind.briefingCancelled', { title, when, place }) : t('inbox.kind.briefingCancelledPlain', { title });
      return { text: reason ? `${message}${t('inbox.reasonSuffix', { reason })}` : message, link };
    }
    case 'vote_opened': {
      const closesAt = text(params, 'closesAt');
      const date = closesAt ? formatDateTime(closesAt, language) : null;
      return { text: date ? t('votes.inbox.opened', { title, date }) : t('votes.inbox.openedPlain', { title }), link };
    }
    case 'vote_reminder': {
      const closesAt = text(params, 'closesAt');
      const date = closesAt ? formatDateTime(closesAt, language) : null;
      return { text: date ? t('votes.inbox.reminder', { title, date }) : t('votes.inbox.reminderPlain', { title }), link };
    }
    case 'vote_result': {
      if (params['objectionAnswered'] === true) return { text: t('votes.inbox.objectionAnswered', { title }), link };
      const passed = params['passed'];
      return { text: t(passed === true ? 'votes.inbox.resultPassed' : passed === false ? 'votes.inbox.resultFailed' : 'votes.inbox.resultPlain', { title }), link };
    }
    case 'vote_final':
      return { text: t('votes.inbox.final', { title }), link };
    case 'roll_unlinked': {
      const unit = text(params, 'unitName') ?? '';
      const reason = text(params, 'reason');
      const message = t('inbox.kind.rollUnlinked', { unit });
      return { text: reason ? `${message}${t('inbox.reasonSuffix', { reason })}` : message, link };
    }
    case 'password_reset_in_person':
      return { text: t('inbox.kind.resetInPerson', { by: text(params, 'issuedBy') ?? '', unit: text(params, 'unitName') ?? '' }), link };
    case 'session_announced': {
      const startsAt = text(params, 'startsAt');
      const when = startsAt ? formatDateTime(startsAt, language) : null;
      const place = text(params, 'place') ?? '';
      return { text: when ? t('sessions.inbox.announced', { title, when, place }) : t('sessions.inbox.announcedPlain', { title }), link };
    }
    case 'minutes_published':
      return { text: t('sessions.inbox.minutes', { title }), link };
    case 'follow_up_overdue': {
      const dueOn = text(params, 'dueOn') ?? '';
      return { text: t('sessions.inbox.overdue', { title, dueOn, session: text(params, 'session') ?? '' }), link };
    }
    default:
      // A kind this page does not know yet (a newer server): still a message, still a link.
      return { text: t('inbox.kind.generic', { title }), link };
  }
}
