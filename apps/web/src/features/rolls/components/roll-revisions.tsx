import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { RollRevision } from '../api/list-households';
import { useRollRevisions } from '../api/list-revisions';
import { describeChanges, describeCounts } from '../utils/summary';
import './rolls.css';

function Revision({ revision }: { revision: RollRevision }) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(revision.createdAt, currentLanguage(i18n)) ?? revision.createdAt;
  const changes = revision.summary.changes ? describeChanges(revision.summary.changes, t) : '';
  const counts = describeCounts(revision.summary.counts, t);
  return (
    <li className="revision">
      <p className="revision__head">
        <strong className="revision__number">{t('roll.revision.number', { number: revision.number })}</strong>
        <span className="badge">{t(`roll.revision.source.${revision.source}`)}</span>
        <time className="revision__time" dateTime={revision.createdAt}>
          {when}
        </time>
      </p>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('roll.revision.by')}</dt>
          <dd>{revision.createdByName ?? t('roll.revision.system')}</dd>
        </div>
        {revision.fileName && (
          <div className="facts__row">
            <dt>{t('roll.revision.file')}</dt>
            <dd className="revision__file">{revision.fileName}</dd>
          </div>
        )}
        {revision.summary.changes && (
          <div className="facts__row">
            <dt>{t('roll.revision.changes')}</dt>
            <dd>{changes || t('roll.summary.none')}</dd>
          </div>
        )}
        {counts && (
          <div className="facts__row">
            <dt>{t('roll.revision.counts')}</dt>
            <dd>{counts}</dd>
          </div>
        )}
        {revision.summary.note && (
          <div className="facts__row">
            <dt>{t('roll.revision.note')}</dt>
            <dd>{revision.summary.note}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** 版本记录: every version of the roll, newest first — who made it, when, from which file, what changed. */
export function RollRevisions({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const revisions = useRollRevisions(unitId);
  const items = revisions.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack">
      <h2 className="section__title">{t('roll.revisions.heading')}</h2>
      <p className="section__intro">{t('roll.revisions.intro')}</p>
      {revisions.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {revisions.isError && items.length === 0 && <QueryError error={revisions.error} retrying={revisions.isFetching} onRetry={() => void revisions.refetch()} />}
      {revisions.isSuccess && items.length === 0 && <p className="notice">{t('roll.revisions.empty')}</p>}
      {items.length > 0 && (
        <ol className="plain-list revision-list" aria-label={t('roll.revisions.heading')}>
          {items.map((revision) => (
            <Revision key={revision.id} revision={revision} />
          ))}
        </ol>
      )}
      {revisions.isFetchNextPageError && <QueryError error={revisions.error} retrying={revisions.isFetchingNextPage} onRetry={() => void revisions.fetchNextPage()} />}
      {revisions.hasNextPage && !revisions.isFetchNextPageError && (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={revisions.isFetchingNextPage}
          onClick={() => !revisions.isFetchingNextPage && void revisions.fetchNextPage()}
        >
          {revisions.isFetchingNextPage ? t('common.loading') : t('roll.revisions.more')}
        </button>
      )}
    </div>
  );
}
