import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveMessage } from '../../../components/live-message';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { CommentItem, CommentThread as Thread } from '../api/list-comments';
import { CommentForm } from './comment-form';
import { OfficialReplyBox } from './official-reply';
import { ReportForm } from './report-form';
import './comments.css';

/** The text of a comment, or why it is hidden; its author still sees their own words, marked as hidden. */
function CommentText({ comment }: { comment: CommentItem }) {
  const { t } = useTranslation();
  if (!comment.hidden) return <p className="comment__body">{comment.body}</p>;
  return (
    <>
      <p className="comment__hidden">{t('comments.hidden', { reason: comment.hiddenReason ?? t('comments.noReason') })}</p>
      {comment.mine && comment.body !== null && (
        <div className="comment__own-hidden">
          <p className="comment__own-hidden-note">{t('comments.hiddenOwnText')}</p>
          <p className="comment__body">{comment.body}</p>
        </div>
      )}
    </>
  );
}

/** Who wrote it and when; an opinion received offline says how it came in. */
function CommentMeta({ comment, id }: { comment: CommentItem; id: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <div className="comment__meta" id={id}>
      <p className="comment__author">
        <span className="comment__name">{comment.anonymous || comment.authorName === null ? t('comments.anonymous') : comment.authorName}</span>
        {comment.mine && <span className="badge badge--me">{t('comments.mine')}</span>}
        <time className="comment__time" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt, language)}
        </time>
      </p>
      {comment.offline && (
        <p className="comment__provenance">
          {t('comments.offlineProvenance', {
            channel: t(`intakeChannel.${comment.channel}`),
            collector: comment.offline.collectorName,
            date: formatDate(`${comment.offline.collectedOn}T12:00:00+08:00`, language) ?? comment.offline.collectedOn,
          })}
        </p>
      )}
    </div>
  );
}

interface CommentActionsProps {
  comment: CommentItem;
  consultationId: string;
}

/** 举报: for someone else's comment not yet reported by me; opens a short form. */
function ReportAction({ comment, consultationId }: CommentActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reported, setReported] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const formId = useId();
  if (comment.mine || comment.hidden) return null;
  if (comment.reportedByMe || reported) {
    return (
      <>
        <span className="comment__reported">{t('comments.report.done')}</span>
        <LiveMessage>{reported ? t('comments.report.thanks') : null}</LiveMessage>
      </>
    );
  }
  return (
    <>
      <button ref={button} type="button" className="button button--secondary button--small" aria-expanded={open} aria-controls={formId} onClick={() => setOpen((shown) => !shown)}>
        {t('comments.report.open')}
      </button>
      <div id={formId} hidden={!open} className="comment__panel">
        {open && (
          <ReportForm
            consultationId={consultationId}
            commentId={comment.id}
            onReported={() => {
              setOpen(false);
              setReported(true);
            }}
            onCancel={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        )}
      </div>
    </>
  );
}

interface CommentThreadProps {
  thread: Thread;
  consultationId: string;
  /** Replies can be written (the comment period, on the current version, for a participant). */
  canReply: boolean;
  /** The comment a link pointed at, marked and focused. */
  highlightId: string | null;
}

/** A top-level opinion: its text, the official answer, the neighbours' replies (one level), reply and report. */
export function CommentThreadView({ thread, consultationId, canReply, highlightId }: CommentThreadProps) {
  const { t } = useTranslation();
  const metaId = useId();
  const replyFormId = useId();
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const highlight = (id: string): boolean => highlightId !== null && highlightId === id.toLowerCase();
  return (
    <li className="comment-thread">
      <article id={`comment-${thread.id}`} tabIndex={-1} className={`card comment${highlight(thread.id) ? ' comment--highlight' : ''}`} aria-labelledby={metaId}>
        {highlight(thread.id) && <p className="comment__pointer">{t('comments.pointedAt')}</p>}
        <CommentMeta comment={thread} id={metaId} />
        <CommentText comment={thread} />
        {thread.officialReply ? (
          <OfficialReplyBox reply={thread.officialReply} consultationId={consultationId} />
        ) : (
          !thread.hidden && <p className="comment__awaiting">{t('comments.official.pending')}</p>
        )}
        <div className="comment__actions">
          {canReply && !thread.hidden && (
            <button
              ref={replyButton}
              type="button"
              className="button button--secondary button--small"
              aria-expanded={replying}
              aria-controls={replyFormId}
              onClick={() => setReplying((open) => !open)}
            >
              {t('comments.reply')}
            </button>
          )}
          <ReportAction comment={thread} consultationId={consultationId} />
        </div>
        <div id={replyFormId} hidden={!replying} className="comment__panel">
          {replying && (
            <CommentForm
              consultationId={consultationId}
              versionId={thread.versionId}
              clauseId={thread.clauseId}
              parentId={thread.id}
              label={t('comments.replyTo', { name: thread.anonymous || thread.authorName === null ? t('comments.anonymous') : thread.authorName })}
              submitLabel={t('comments.replySubmit')}
              doneMessage={t('comments.replyDone')}
              autoFocus
              onSubmitted={() => setReplying(false)}
              onCancel={() => {
                setReplying(false);
                replyButton.current?.focus();
              }}
            />
          )}
        </div>
      </article>
      {thread.replies.length > 0 && (
        <ul className="plain-list comment-replies" aria-label={t('comments.repliesLabel', { count: thread.replies.length })}>
          {thread.replies.map((reply) => (
            <ReplyView key={reply.id} reply={reply} consultationId={consultationId} highlighted={highlight(reply.id)} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ReplyView({ reply, consultationId, highlighted }: { reply: CommentItem; consultationId: string; highlighted: boolean }) {
  const { t } = useTranslation();
  const metaId = useId();
  return (
    <li>
      <article id={`comment-${reply.id}`} tabIndex={-1} className={`card comment comment--reply${highlighted ? ' comment--highlight' : ''}`} aria-labelledby={metaId}>
        {highlighted && <p className="comment__pointer">{t('comments.pointedAt')}</p>}
        <CommentMeta comment={reply} id={metaId} />
        <CommentText comment={reply} />
        <div className="comment__actions">
          <ReportAction comment={reply} consultationId={consultationId} />
        </div>
      </article>
    </li>
  );
}
