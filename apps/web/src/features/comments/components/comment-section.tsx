import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { consultationPath } from '../../../shared/consultations/links';
import { formatDateTime } from '../../../lib/format';
import { useCommentThreads } from '../api/list-comments';
import type { CommentAvailability } from '../utils/availability';
import { isLoaded } from '../utils/find-comment';
import { CommentForm } from './comment-form';
import { CommentThreadView } from './comment-thread';
import './comments.css';

/** Pages read at most while looking for the comment a link points at. */
const MAX_PAGES_FOR_HIGHLIGHT = 20;

interface CommentSectionProps {
  consultationId: string;
  versionId: string;
  versionNumber: number;
  latestVersion: number;
  /** The clause (null: the whole draft). */
  clause: { id: string; number: number } | null;
  availability: CommentAvailability;
  /** The comment period's planned dates, to say when it opens or closed. */
  commentPeriod: { startsAt: string; endsAt: string | null } | null;
  /** Top-level comments here (from the counts). */
  count: number;
  highlightId: string | null;
  headingId: string;
}

function Blocked({ availability, commentPeriod, consultationId, versionNumber, latestVersion }: Pick<CommentSectionProps, 'availability' | 'commentPeriod' | 'consultationId' | 'versionNumber' | 'latestVersion'>) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  switch (availability) {
    case 'open':
      return null;
    case 'notYet': {
      const start = commentPeriod ? formatDateTime(commentPeriod.startsAt, language) : null;
      return <p>{start ? t('comments.blocked.notYetFrom', { date: start }) : t('comments.blocked.notYet')}</p>;
    }
    case 'closed': {
      const end = commentPeriod?.endsAt ? formatDateTime(commentPeriod.endsAt, language) : null;
      return <p>{end ? t('comments.blocked.closedOn', { date: end }) : t('comments.blocked.closed')}</p>;
    }
    case 'notParticipant':
      return <p>{t('comments.blocked.notParticipant')}</p>;
    case 'olderVersion':
      return (
        <p>
          {t('comments.blocked.olderVersion', { shown: versionNumber, latest: latestVersion })}{' '}
          <Link to={consultationPath(consultationId)}>{t('comments.blocked.toLatest', { number: latestVersion })}</Link>
        </p>
      );
  }
}

/**
 * The opinions on one clause (or on the whole draft): the form to give one, then the opinions,
 * newest first, each with its official answer and replies. A comment a link points at is loaded,
 * marked and focused.
 */
export function CommentSection(props: CommentSectionProps) {
  const { consultationId, versionId, clause, availability, count, highlightId, headingId } = props;
  const { t } = useTranslation();
  const threads = useCommentThreads(consultationId, { versionId, clauseId: clause?.id ?? null });
  const items = threads.data?.pages.flatMap((page) => page.items) ?? [];
  const found = highlightId !== null && isLoaded(items, highlightId);
  const focused = useRef<string | null>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = threads;
  const pages = threads.data?.pages.length ?? 0;

  // Keep loading older pages until the comment a link points at is on screen (within reason).
  useEffect(() => {
    if (highlightId && !found && hasNextPage && !isFetchingNextPage && pages < MAX_PAGES_FOR_HIGHLIGHT) void fetchNextPage();
  }, [highlightId, found, hasNextPage, isFetchingNextPage, pages, fetchNextPage]);

  // Then bring it into view and put the focus on it, once.
  useEffect(() => {
    if (!highlightId || !found || focused.current === highlightId) return;
    focused.current = highlightId;
    const element = document.getElementById(`comment-${highlightId}`) ?? document.querySelector<HTMLElement>(`[id="comment-${highlightId}" i]`);
    element?.focus();
    element?.scrollIntoView({ block: 'start' });
  }, [highlightId, found]);

  const heading = clause ? t('comments.clauseHeading', { number: clause.number, count }) : t('comments.wholeDraftHeading', { count });
  const blocked = availability === 'open' ? null : <Blocked {...props} />;
  return (
    <section className="comment-section" aria-labelledby={headingId}>
      <h2 className="section__title comment-section__title" id={headingId}>
        {heading}
      </h2>
      <CommentForm
        consultationId={consultationId}
        versionId={versionId}
        clauseId={clause?.id ?? null}
        label={clause ? t('comments.formLabelClause', { number: clause.number }) : t('comments.formLabelWhole')}
        submitLabel={t('comments.submit')}
        doneMessage={t('comments.done')}
        blockedBy={blocked}
      />
      <h3 className="visually-hidden">{t('comments.listHeading')}</h3>
      {threads.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {threads.isError && <QueryError error={threads.error} retrying={threads.isFetching} onRetry={() => void threads.refetch()} />}
      {threads.isSuccess && items.length === 0 && <p className="notice comment-section__empty">{clause ? t('comments.noneClause') : t('comments.noneWhole')}</p>}
      {items.length > 0 && (
        <ol className="plain-list comment-list">
          {items.map((thread) => (
            <CommentThreadView key={thread.id} thread={thread} consultationId={consultationId} canReply={availability === 'open'} highlightId={highlightId} />
          ))}
        </ol>
      )}
      {threads.hasNextPage && (
        <button type="button" className="button button--secondary button--block" onClick={() => void threads.fetchNextPage()} aria-disabled={threads.isFetchingNextPage || undefined}>
          {threads.isFetchingNextPage ? t('common.loading') : t('comments.loadMore')}
        </button>
      )}
    </section>
  );
}
