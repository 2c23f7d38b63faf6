import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useUnitsVotes } from '../api/votes';
import { voteConsolePath } from '../utils/vote-paths';
import { VoteStatusBadge } from './vote-common';
import { Loading } from '../../../components/loading';

/** The votes of one unit or of the units below a community, newest first, each opening its page. */
export function VoteList({ unitIds, showUnits }: { unitIds: readonly string[]; showUnits: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const list = useUnitsVotes(unitIds);
  if (list.isPending && !list.data) return <Loading />;
  if (list.error !== null && !list.data) return <QueryError error={list.error} retrying={list.isFetching} onRetry={list.refetch} />;
  const votes = list.data ?? [];
  return (
    <div className="stack">
      <p className="vote-list__count" role="status">
        {t('voteAdmin.list.count', { count: votes.length })}
      </p>
      {votes.length === 0 ? (
        <p className="notice">{t('voteAdmin.list.empty')}</p>
      ) : (
        <ul className="plain-list vote-cards">
          {votes.map((vote) => (
            <li key={vote.id} className="card vote-card">
              <h3 className="vote-card__title">
                <Link to={voteConsolePath(vote.id)}>{vote.title}</Link>
              </h3>
              <p className="vote-card__line">
                <VoteStatusBadge status={vote.status} />
                {showUnits && <span className="badge">{vote.unitName}</span>}
                <span>{t(`convene.ruleSet.${vote.ruleSet}.name`)}</span>
              </p>
              <p className="vote-card__meta">
                {t('voteAdmin.list.window', { opens: formatDateTime(vote.opensAt, language) ?? '', closes: formatDateTime(vote.closesAt, language) ?? '' })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
