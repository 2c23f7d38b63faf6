import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getUnitVotesQueryOptions } from '../../../shared/votes/list-unit-votes';
import { votePath, voteResultPath } from '../../../shared/votes/paths';
import { hasResult, voteStage } from '../utils/vote-state';
import { VoteStageBadge } from './vote-stage-badge';
import './votes.css';
import { Section } from '../../../components/section';

/**
 * The vote(s) deciding a consultation, read from the votes of its units: a link to each, with
 * where it stands. Nothing at all while there is none (or the lists cannot be read).
 */
export function ConsultationVotes({ consultationId, unitIds }: { consultationId: string; unitIds: readonly string[] }) {
  const { t } = useTranslation();
  const lists = useQueries({ queries: unitIds.map((unitId) => ({ ...getUnitVotesQueryOptions(unitId), retry: false })) });
  const seen = new Set<string>();
  const votes = lists
    .flatMap((list) => list.data ?? [])
    .filter((vote) => vote.consultationId === consultationId && vote.status !== 'cancelled' && !seen.has(vote.id) && seen.add(vote.id));
  if (votes.length === 0) return null;
  return (
    <Section titleId="consultation-votes-title" title={t('votes.consultation.title')} className="consultation-votes">
      <ul className="plain-list vote-list">
        {votes.map((vote) => {
          const stage = voteStage(vote);
          return (
            <li key={vote.id} className="card vote-card">
              <p className="vote-card__badges">
                <VoteStageBadge stage={stage} />
              </p>
              <Link to={hasResult(stage) ? voteResultPath(vote.id) : votePath(vote.id)} className="vote-card__link">
                {stage === 'open' ? t('votes.consultation.goVote', { title: vote.title }) : vote.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
