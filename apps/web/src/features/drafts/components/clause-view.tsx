import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../../../components/read-aloud';
import { Link } from 'react-router';
import { clausePath, consultationPath } from '../../../shared/consultations/links';
import type { Clause } from '../api/get-version';
import type { ClauseDiff } from '../api/get-version-diff';
import { DiffLegend, DiffText } from './diff-text';
import './drafts.css';

interface ClauseViewProps {
  consultationId: string;
  clause: Clause;
  /** The clauses before and after, for 上一条 / 下一条. */
  previous: Clause | null;
  next: Clause | null;
  versionParam: number | null;
  /** What changed in this clause from the previous version (null: nothing, or version 1). */
  change: ClauseDiff | null;
  previousVersion: number | null;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The page's h1; `clause-N` lets the browser (and the scroll restoration) bring it into view. */
  headingId: string;
}

function ClauseChange({ change, previousVersion }: { change: ClauseDiff; previousVersion: number }) {
  const { t } = useTranslation();
  return (
    <section className="clause-change" aria-label={t('draft.change.label', { number: previousVersion })}>
      <h3 className="clause-change__title">
        {change.status === 'added'
          ? t('draft.change.added', { number: previousVersion + 1 })
          : change.previousNumber !== null
            ? t('draft.change.comparedWith', { version: previousVersion, number: change.previousNumber })
            : t('draft.change.label', { number: previousVersion })}
      </h3>
      {change.status === 'changed' && (change.headingDiff || change.bodyDiff) && (
        <>
          <DiffLegend />
          {change.headingDiff && (
            <p className="clause-change__heading">
              <DiffText segments={change.headingDiff} />
            </p>
          )}
          {change.bodyDiff && (
            <p className="clause-change__body">
              <DiffText segments={change.bodyDiff} />
            </p>
          )}
        </>
      )}
      {change.status !== 'changed' && change.renumbered && <p>{t('draft.change.renumberedOnly')}</p>}
      {change.changeReason && (
        <p className="clause-change__reason">
          <strong>{t('draft.change.reason')}</strong>
          {change.changeReason}
        </p>
      )}
    </section>
  );
}

/**
 * One clause to read on a phone, as a page of its own (its heading is the h1): 第N条 with its
 * heading, its text, what changed from the previous version, and the way to the next one.
 */
export function ClauseView({ consultationId, clause, previous, next, versionParam, change, previousVersion, headingRef, headingId }: ClauseViewProps) {
  const { t } = useTranslation();
  return (
    <article className="clause" aria-labelledby={headingId}>
      <h1 className="clause__title" id={headingId} ref={headingRef} tabIndex={-1}>
        <span className="clause__number">{t('draft.clauseNumber', { number: clause.number })}</span>
        {clause.heading && <span className="clause__heading">{clause.heading}</span>}
      </h1>
      <p className="clause__body">{clause.body}</p>
      <ReadAloud text={`${clause.heading ?? ''}。${clause.body}`} label={t('readAloud.clause')} />
      {change && previousVersion !== null && <ClauseChange change={change} previousVersion={previousVersion} />}
      <nav className="clause-pager" aria-label={t('draft.pager')}>
        {previous ? (
          <Link to={clausePath(consultationId, previous.number, versionParam)} className="button button--secondary clause-pager__previous">
            {t('draft.previousClause', { number: previous.number })}
          </Link>
        ) : null}
        <Link to={consultationPath(consultationId, { version: versionParam })} className="button button--secondary clause-pager__index">
          {t('draft.backToIndex')}
        </Link>
        {next && (
          <Link to={clausePath(consultationId, next.number, versionParam)} className="button button--secondary clause-pager__next">
            {t('draft.nextClause', { number: next.number })}
          </Link>
        )}
      </nav>
    </article>
  );
}
