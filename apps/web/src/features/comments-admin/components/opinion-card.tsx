import type { TFunction } from 'i18next';
import { LIMITS } from '@yishi/contracts';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/forms';
import { useHideComment } from '../api/hide-comment';
import type { Comment, Thread } from '../api/list-all-comments';
import { useCommentReports } from '../api/list-comment-reports';
import { useUnhideComment } from '../api/unhide-comment';
import type { LinkableClause } from '../utils/opinions';
import { opinionErrorMessage, ReplyForm } from './reply-form';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

type Translate = TFunction;

/** 「苏女士」, 「匿名」; an offline opinion says how it came: 「书面 · 潘志明收集于2026年5月12日」. */
function Who({ comment }: { comment: Comment }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <p className="opinion__who">
      <span className="opinion__author">{comment.anonymous || !comment.authorName ? t('convene.opinions.anonymous') : comment.authorName}</span>
      <span className={`badge opinion-channel opinion-channel--${comment.channel === 'online' ? 'online' : 'offline'}`}>{t(`convene.channel.${comment.channel}`)}</span>
      <time className="opinion__time" dateTime={comment.createdAt}>
        {formatDateTime(comment.createdAt, language)}
      </time>
      {comment.offline && (
        <span className="opinion__provenance">
          {t('convene.opinions.collected', {
            collector: comment.offline.collectorName,
            date: formatDate(`${comment.offline.collectedOn}T12:00:00+08:00`, language) ?? comment.offline.collectedOn,
            recorder: comment.offline.recordedByName,
          })}
        </span>
      )}
    </p>
  );
}

function Body({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  return (
    <>
      {comment.hidden && (
        <p className="opinion__hidden">
          <span className="badge opinion-flag opinion-flag--hidden">{t('convene.opinions.hiddenBadge')}</span>
          {t('convene.opinions.hiddenReason', { reason: comment.hiddenReason ?? '' })}
        </p>
      )}
      {comment.body !== null && <p className={`opinion__body${comment.hidden ? ' opinion__body--hidden' : ''}`}>{comment.body}</p>}
    </>
  );
}

function Reports({ consultationId, thread }: { consultationId: string; thread: Thread }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const reports = useCommentReports(consultationId, thread.id, open);
  const count = thread.reportCount ?? 0;
  if (count === 0) return null;
  return (
    <details className="opinion__reports" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('convene.opinions.reports', { count })}</summary>
      {reports.isPending && open && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {reports.isError && <QueryError error={reports.error} retrying={reports.isFetching} onRetry={() => void reports.refetch()} />}
      {reports.data && (
        <ul className="plain-list opinion__report-list">
          {reports.data.items.map((report, index) => (
            <li key={index}>
              <span className="opinion__report-reason">{report.reason}</span>
              <span className="opinion__report-time">{formatDateTime(report.createdAt, currentLanguage(i18n))}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function ReplyView({ thread }: { thread: Thread }) {
  const { t, i18n } = useTranslation();
  const reply = thread.officialReply;
  // A hidden opinion needs no answer (the 未答复 filter leaves it out too).
  if (!reply) return thread.hidden ? <p className="opinion__no-reply">{t('convene.opinions.hiddenNoReply')}</p> : <p className="opinion__pending">{t('convene.opinions.pending')}</p>;
  return (
    <div className={`official-reply official-reply--${reply.outcome}`}>
      <p className="official-reply__head">
        <span className={`badge outcome-badge outcome-badge--${reply.outcome}`}>{t(`convene.outcome.${reply.outcome}`)}</span>
        <span className="official-reply__by">{t('convene.opinions.repliedBy', { name: reply.repliedByName, date: formatDateTime(reply.updatedAt, currentLanguage(i18n)) ?? '' })}</span>
      </p>
      <p className="official-reply__reason">{reply.reason}</p>
      {reply.linkedClause && (
        <p className="official-reply__link">
          {t('convene.opinions.linkedClause', {
            version: reply.linkedClause.versionNumber,
            number: reply.linkedClause.number,
            heading: reply.linkedClause.heading ? t('convene.draft.quotedHeading', { heading: reply.linkedClause.heading }) : '',
          })}
        </p>
      )}
    </div>
  );
}

function ModerationForm({ consultationId, thread, onDone, onCancel }: { consultationId: string; thread: Thread; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const hide = useHideComment(consultationId);
  const unhide = useUnhideComment(consultationId);
  const mutation = thread.hidden ? unhide : hide;
  const form = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (mutation.isPending) return;
    const text = reason.trim();
    const problem = !thread.hidden && !text ? t('convene.moderate.reasonRequired') : [...text].length > LIMITS.reason ? t('convene.moderate.reasonTooLong', { max: LIMITS.reason }) : null;
    setError(problem);
    if (problem) {
      setAttempt((n) => n + 1);
      return;
    }
    // mutateAsync: the opinion may leave a filtered list (unmounting this form) while it refreshes.
    const saved = thread.hidden ? unhide.mutateAsync({ commentId: thread.id, reason: text || null }) : hide.mutateAsync({ commentId: thread.id, reason: text });
    saved.then(onDone, () => setAttempt((n) => n + 1));
  };

  return (
    <form ref={form} className="stack moderation-form" noValidate onSubmit={submit} aria-label={thread.hidden ? t('convene.moderate.unhideHeading') : t('convene.moderate.hideHeading')}>
      {mutation.isError && <FormAlert>{opinionErrorMessage(mutation.error, t)}</FormAlert>}
      <TextAreaField
        label={thread.hidden ? t('convene.moderate.unhideReason') : t('convene.moderate.hideReason')}
        hint={thread.hidden ? t('convene.moderate.unhideHint') : t('convene.moderate.hideHint')}
        name="moderationReason"
        rows={2}
        maxChars={LIMITS.reason}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={error}
      />
      <ConfirmButtons confirm={thread.hidden ? t('convene.moderate.unhideConfirm') : t('convene.moderate.hideConfirm')} busy={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}

function describePlace(thread: Thread, t: Translate): string {
  return thread.clauseNumber === null ? t('convene.opinions.wholeDraft') : t('convene.draft.clauseNumber', { number: thread.clauseNumber });
}

interface OpinionCardProps {
  consultationId: string;
  thread: Thread;
  canModerate: boolean;
  /** Answers are given from the comment period on. */
  canReply: boolean;
  linkable: readonly LinkableClause[];
  /** An answer or a moderation was saved (the opinion may leave the filtered list): what to tell. */
  onDone: (message: string) => void;
}

/** One opinion: who, how it came, what it says, its reports, its neighbours' replies and its official answer. */
export function OpinionCard({ consultationId, thread, canModerate, canReply, linkable, onDone }: OpinionCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [mode, setMode] = useState<'view' | 'reply' | 'moderate'>('view');
  const [done, setDone] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);
  // Where focus goes once the card has drawn: into the form just opened (its chosen or first
  // control), back to the button of the one just cancelled, or to the word that it was saved.
  // The buttons vanish while a form is open.
  const [focusTo, setFocusTo] = useState<'form' | 'reply' | 'moderate' | 'done' | null>(null);
  useEffect(() => {
    if (focusTo === null) return;
    const card = article.current;
    let target: HTMLElement | null | undefined;
    if (focusTo === 'form') {
      const form = card?.querySelector('form');
      target = form?.querySelector<HTMLElement>('input:checked') ?? form?.querySelector<HTMLElement>('input, textarea, select');
    } else if (focusTo === 'done') target = card?.querySelector<HTMLElement>('.opinion__done .notice');
    else target = card?.querySelector<HTMLElement>(`[data-action="${focusTo}"]`);
    target?.focus();
    // The request is used once; clearing it renders nothing new.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocusTo(null);
  }, [focusTo]);
  const place = describePlace(thread, t);
  const open = (next: 'reply' | 'moderate') => () => {
    setDone(null);
    setMode(next);
    setFocusTo('form');
  };
  const cancel = (): void => {
    if (mode !== 'view') setFocusTo(mode);
    setMode('view');
  };
  const finish = (message: string) => () => {
    setMode('view');
    setDone(message);
    setFocusTo('done');
    onDone(message);
  };
  return (
    <article ref={article} className={`card opinion${thread.hidden ? ' opinion--hidden' : ''}`} aria-labelledby={titleId}>
      <h4 className="visually-hidden" id={titleId}>
        {t('convene.opinions.cardTitle', { place, who: thread.anonymous || !thread.authorName ? t('convene.opinions.anonymous') : thread.authorName })}
      </h4>
      <Who comment={thread} />
      <Body comment={thread} />
      {canModerate && <Reports consultationId={consultationId} thread={thread} />}
      {thread.replies.length > 0 && (
        <details className="opinion__replies">
          <summary>{t('convene.opinions.replies', { count: thread.replies.length })}</summary>
          <ul className="plain-list opinion__reply-list">
            {thread.replies.map((reply) => (
              <li key={reply.id} className="opinion__reply">
                <Who comment={reply} />
                <Body comment={reply} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <ReplyView thread={thread} />
      {done && mode === 'view' && (
        <div className="opinion__done">
          <FormAlert tone="success">{done}</FormAlert>
        </div>
      )}
      {canModerate && mode === 'view' && (
        <div className="button-row opinion__actions">
          {canReply && (
            <button type="button" className="button button--primary button--small" data-action="reply" onClick={open('reply')}>
              {thread.officialReply ? t('convene.opinions.editReply') : t('convene.opinions.reply')}
              <span className="visually-hidden">{t('convene.opinions.whose', { place })}</span>
            </button>
          )}
          <button type="button" className="button button--secondary button--small" data-action="moderate" onClick={open('moderate')}>
            {thread.hidden ? t('convene.opinions.unhide') : t('convene.opinions.hide')}
            <span className="visually-hidden">{t('convene.opinions.whose', { place })}</span>
          </button>
        </div>
      )}
      {mode === 'reply' && (
        <ReplyForm
          consultationId={consultationId}
          thread={thread}
          existing={thread.officialReply}
          linkable={linkable}
          onDone={finish(t('convene.reply.done'))}
          onCancel={cancel}
        />
      )}
      {mode === 'moderate' && (
        <ModerationForm consultationId={consultationId} thread={thread} onDone={finish(thread.hidden ? t('convene.moderate.unhidden') : t('convene.moderate.hidden'))} onCancel={cancel} />
      )}
    </article>
  );
}
