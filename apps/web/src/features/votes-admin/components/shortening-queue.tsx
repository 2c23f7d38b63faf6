import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { usePendingShortenings } from '../api/votes';
import { voteConsolePath } from '../utils/vote-paths';
import { Loading } from '../../../components/loading';
import './votes-admin.css';

/**
 * 待您审批的缩短期限申请: on a community's or street's 表决 section, the requests to open a vote of
 * a unit below early (or with a shorter period) that wait for this staff member's decision, oldest
 * first, each linking to the vote's page where it is decided.
 */
export function ShorteningQueue({ nodeId }: { nodeId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const titleId = useId();
  const queue = usePendingShortenings(nodeId, true);
  return (
    <section className="section shortening-queue" aria-labelledby={titleId}>
      <h3 className="section__title" id={titleId}>
        {t('voteAdmin.shortening.queueHeading')}
      </h3>
      <p className="section__intro">{t('voteAdmin.shortening.queueIntro')}</p>
      {queue.isPending && <Loading />}
      {queue.isError && <QueryError error={queue.error} retrying={queue.isFetching} onRetry={() => void queue.refetch()} />}
      {queue.data && queue.data.length === 0 && <p className="notice">{t('voteAdmin.shortening.queueEmpty')}</p>}
      {queue.data && queue.data.length > 0 && (
        <ul className="plain-list vote-cards">
          {queue.data.map((item) => (
            <li key={item.id} className="card vote-card">
              <p className="vote-card__title">{t('voteAdmin.shortening.queueItem', { unit: item.vote.unitName, title: item.vote.title })}</p>
              <p className="vote-card__meta">{t('voteAdmin.shortening.queueAsked', { name: item.requestedByName, date: formatDateTime(item.requestedAt, language) ?? '' })}</p>
              <p className="vote-facts__question">{t('voteAdmin.shortening.reasonLine', { reason: item.reason })}</p>
              <Link to={voteConsolePath(item.vote.id)} className="button button--primary">
                {t('voteAdmin.shortening.queueOpen')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
