import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { clausePath } from '../../../shared/consultations/links';
import type { ClauseDiff } from '../api/get-version-diff';
import { useVersionDiff } from '../api/get-version-diff';
import { changedClauses } from '../utils/clauses';
import { DiffLegend, DiffText } from './diff-text';
import './drafts.css';

function ChangedClause({ change, consultationId, versionParam }: { change: ClauseDiff; consultationId: string; versionParam: number | null }) {
  const { t } = useTranslation();
  const number = change.number ?? change.previousNumber ?? 0;
  const status = change.status === 'unchanged' && change.renumbered ? 'renumbered' : change.status;
  return (
    <li className={`card changed-clause changed-clause--${status}`}>
      <h3 className="changed-clause__title">
        <span>{t('draft.clauseNumber', { number })}</span>
        {change.renumbered && change.previousNumber !== null && change.number !== null && (
          <span className="changed-clause__was">{t('draft.changes.was', { number: change.previousNumber })}</span>
        )}
        <span className="badge changed-clause__status">{t(`draft.changes.status.${status}`)}</span>
      </h3>
      {change.heading && !change.headingDiff && <p className="changed-clause__heading">{change.heading}</p>}
      {change.headingDiff && (
        <p className="changed-clause__heading">
          <DiffText segments={change.headingDiff} />
        </p>
      )}
      <p className="changed-clause__body">
        {change.bodyDiff ? (
          <DiffText segments={change.bodyDiff} />
        ) : change.status === 'added' ? (
          <DiffText segments={[{ op: 'insert', text: change.body }]} />
        ) : change.status === 'removed' ? (
          <DiffText segments={[{ op: 'delete', text: change.body }]} />
        ) : (
          change.body
        )}
      </p>
      {change.changeReason && (
        <p className="clause-change__reason">
          <strong>{t('draft.change.reason')}</strong>
          {change.changeReason}
        </p>
      )}
      {change.number !== null && (
        <p>
          <Link to={clausePath(consultationId, change.number, versionParam)}>{t('draft.changes.openClause', { number: change.number })}</Link>
        </p>
      )}
    </li>
  );
}

/** 「与第N−1版相比」: the convenor's note, the counts, and every clause that changed, marked in words and lines. */
export function VersionChanges({ consultationId, version, versionParam }: { consultationId: string; version: number; versionParam: number | null }) {
  const { t } = useTranslation();
  const diff = useVersionDiff(consultationId, version);
  if (version <= 1) return <p className="notice">{t('draft.changes.firstVersion')}</p>;
  if (diff.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (diff.isError) return <QueryError error={diff.error} retrying={diff.isFetching} onRetry={() => void diff.refetch()} />;
  const { counts } = diff.data;
  const changes = changedClauses(diff.data.clauses);
  return (
    <div className="stack version-changes">
      {diff.data.changeNote && (
        <div className="version-changes__note">
          <h3 className="subsection__title">{t('draft.changes.note')}</h3>
          <p className="clause__body">{diff.data.changeNote}</p>
        </div>
      )}
      <p className="version-changes__counts">
        {t('draft.changes.counts', { changed: counts.changed, added: counts.added, removed: counts.removed, unchanged: counts.unchanged })}
      </p>
      {diff.data.previousTitle !== null && diff.data.previousTitle !== diff.data.title && (
        <p>{t('draft.changes.retitled', { before: diff.data.previousTitle, after: diff.data.title })}</p>
      )}
      {(diff.data.preambleDiff || changes.length > 0) && <DiffLegend />}
      {diff.data.preambleDiff && (
        <div>
          <h3 className="subsection__title">{t('draft.preamble')}</h3>
          <p className="clause__body">
            <DiffText segments={diff.data.preambleDiff} />
          </p>
        </div>
      )}
      {changes.length === 0 ? (
        <p className="notice">{t('draft.changes.none')}</p>
      ) : (
        <ol className="plain-list changed-clauses">
          {changes.map((change, index) => (
            <ChangedClause key={change.clauseId ?? `removed-${index}`} change={change} consultationId={consultationId} versionParam={versionParam} />
          ))}
        </ol>
      )}
    </div>
  );
}
