import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import type { ClauseDiff, DiffSegment } from '../api/get-version-diff';
import { useVersionDiff } from '../api/get-version-diff';
import './drafts-admin.css';

/** Character changes, marked for the eye (colour and strike-through) and for screen readers (words). */
export function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  const { t } = useTranslation();
  return (
    <>
      {segments.map((segment, index) => {
        switch (segment.op) {
          case 'equal':
            return <span key={index}>{segment.text}</span>;
          case 'insert':
            return (
              <ins key={index} className="diff-insert">
                <span className="visually-hidden">{t('convene.diff.insertStart')}</span>
                {segment.text}
                <span className="visually-hidden">{t('convene.diff.insertEnd')}</span>
              </ins>
            );
          case 'delete':
            return (
              <del key={index} className="diff-delete">
                <span className="visually-hidden">{t('convene.diff.deleteStart')}</span>
                {segment.text}
                <span className="visually-hidden">{t('convene.diff.deleteEnd')}</span>
              </del>
            );
        }
      })}
    </>
  );
}

function ClauseNumber({ clause }: { clause: ClauseDiff }) {
  const { t } = useTranslation();
  if (clause.number === null) return <>{t('convene.diff.removedClause', { previous: clause.previousNumber ?? 0 })}</>;
  if (clause.renumbered && clause.previousNumber !== null) return <>{t('convene.diff.renumbered', { number: clause.number, previous: clause.previousNumber })}</>;
  return <>{t('convene.draft.clauseNumber', { number: clause.number })}</>;
}

function ClauseChange({ clause }: { clause: ClauseDiff }) {
  const { t } = useTranslation();
  return (
    <li className={`card diff-clause diff-clause--${clause.status}`}>
      <p className="diff-clause__head">
        <strong>
          <ClauseNumber clause={clause} />
        </strong>
        <span className={`badge diff-badge diff-badge--${clause.status}`}>{t(`convene.diff.status.${clause.status}`)}</span>
      </p>
      {clause.headingDiff ? (
        <p className="diff-clause__heading">
          <Segments segments={clause.headingDiff} />
        </p>
      ) : (
        clause.heading && <p className="diff-clause__heading">{clause.heading}</p>
      )}
      <p className="diff-clause__body">{clause.bodyDiff ? <Segments segments={clause.bodyDiff} /> : clause.body}</p>
      {clause.changeReason && <p className="diff-clause__reason">{t('convene.diff.reason', { reason: clause.changeReason })}</p>}
    </li>
  );
}

/**
 * 修改对照: clause by clause, what this version changed from the previous one (as saved), with
 * the convenor's reasons; version 1 shows every clause as new.
 */
export function DiffView({ consultationId, number }: { consultationId: string; number: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const diff = useVersionDiff(consultationId, number, true);
  if (diff.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (diff.isError) return <QueryError error={diff.error} retrying={diff.isFetching} onRetry={() => void diff.refetch()} />;
  const { counts } = diff.data;
  const changed = diff.data.clauses.filter((clause) => clause.status !== 'unchanged' || clause.renumbered);
  const unchanged = diff.data.clauses.filter((clause) => clause.status === 'unchanged' && !clause.renumbered);
  return (
    <section className="diff-view" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {diff.data.previousNumber === null ? t('convene.diff.headingFirst', { number }) : t('convene.diff.heading', { number, previous: diff.data.previousNumber })}
      </h3>
      <p className="diff-view__counts">{t('convene.diff.counts', counts)}</p>
      {diff.data.previousTitle !== null && diff.data.previousTitle !== diff.data.title && (
        <p>{t('convene.diff.titleChanged', { before: diff.data.previousTitle, after: diff.data.title })}</p>
      )}
      {diff.data.changeNote && (
        <div className="diff-view__note">
          <p className="diff-view__label">{t('convene.draft.changeNote')}</p>
          <p className="diff-view__text">{diff.data.changeNote}</p>
        </div>
      )}
      {diff.data.preambleDiff && (
        <div className="diff-view__note">
          <p className="diff-view__label">{t('convene.diff.preamble')}</p>
          <p className="diff-view__text">
            <Segments segments={diff.data.preambleDiff} />
          </p>
        </div>
      )}
      {changed.length > 0 ? (
        <ol className="plain-list diff-clauses" aria-label={t('convene.diff.changedList')}>
          {changed.map((clause) => (
            <ClauseChange key={clause.clauseId ?? `removed-${clause.previousClauseId ?? ''}`} clause={clause} />
          ))}
        </ol>
      ) : (
        <p className="notice">{t('convene.diff.nothingChanged')}</p>
      )}
      {unchanged.length > 0 && (
        <details className="diff-view__unchanged">
          <summary>{t('convene.diff.showUnchanged', { count: unchanged.length })}</summary>
          <ol className="plain-list diff-clauses">
            {unchanged.map((clause) => (
              <ClauseChange key={clause.clauseId ?? ''} clause={clause} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
