import { useTranslation } from 'react-i18next';
import { useTurnout } from '../api/get-turnout';
import { ConditionBar } from './condition-bar';

/**
 * Live turnout while the vote runs: area and headcount taking part, against the rule's threshold
 * line. Shown to residents only when the convenor made it public (the API refuses otherwise, and
 * then nothing is shown here).
 */
export function Turnout({ voteId, enabled }: { voteId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const turnout = useTurnout(voteId, enabled);
  if (!enabled || !turnout.data || turnout.data.conditions.length === 0) return null;
  return (
    <section className="section vote-turnout" aria-labelledby="turnout-title">
      <h2 className="section__title" id="turnout-title">
        {t('votes.turnout.title')}
      </h2>
      <p className="section__intro">{t('votes.turnout.intro')}</p>
      <ul className="plain-list condition-list">
        {turnout.data.conditions.map((condition) => (
          <ConditionBar key={`${condition.id}-${condition.source}`} condition={condition} counted={false} />
        ))}
      </ul>
      <p className="vote-turnout__ballots">{t('votes.turnout.ballots', { count: turnout.data.figures.ballots.received })}</p>
    </section>
  );
}
