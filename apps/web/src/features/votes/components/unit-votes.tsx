import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { VoteSummary } from '../api/list-unit-votes';
import { useUnitVotes } from '../api/list-unit-votes';
import { votePath, voteResultPath } from '../../../shared/votes/paths';
import { hasResult, voteStage } from '../utils/vote-state';
import { VoteStageBadge } from './vote-stage-badge';
import './votes.css';

function VoteCard({ vote }: { vote: VoteSummary }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const stage = voteStage(vote);
  return (
    <li className="card vote-card">
      <p className="vote-card__badges">
        <VoteStageBadge stage={stage} />
        {vote.passed !== null && hasResult(stage) && <span className={`vote-badge vote-badge--${vote.passed ? 'passed' : 'failed'}`}>{vote.passed ? t('votes.verdict.passedShort') : t('votes.verdict.failedShort')}</span>}
      </p>
      <h3 className="vote-card__title">
        <Link to={hasResult(stage) ? voteResultPath(vote.id) : votePath(vote.id)} className="vote-card__link">
          {vote.title}
        </Link>
      </h3>
      <p className="vote-card__meta">
        {stage === 'announced' || stage === 'notYetOpen'
          ? t('votes.card.opens', { date: formatDateTime(vote.opensAt, language) ?? '' })
          : t('votes.card.closes', { date: formatDateTime(vote.closesAt, language) ?? '' })}
      </p>
    </li>
  );
}

/** The votes of one unit, newest first, each with where it stands. */
export function UnitVotes({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const votes = useUnitVotes(unitId);
  if (votes.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (votes.isError) return <QueryError error={votes.error} retrying={votes.isFetching} onRetry={() => void votes.refetch()} />;
  if (votes.data.length === 0) return <p className="notice">{t('votes.unit.none')}</p>;
  return (
    <ul className="plain-list vote-list" aria-label={t('votes.unit.listLabel')}>
      {votes.data.map((vote) => (
        <VoteCard key={vote.id} vote={vote} />
      ))}
    </ul>
  );
}
