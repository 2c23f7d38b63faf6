import { useTranslation } from 'react-i18next';
import { useTurnout } from '../api/get-turnout';
import { ConditionBar } from './condition-bar';
import { Section } from '../../../components/section';

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
    <Section titleId="turnout-title" title={t('votes.turnout.title')} intro={t('votes.turnout.intro')} className="vote-turnout">
      <ul className="plain-list condition-list">
        {turnout.data.conditions.map((condition) => (
          <ConditionBar key={`${condition.id}-${condition.source}`} condition={condition} counted={false} />
        ))}
      </ul>
      <p className="vote-turnout__ballots">{t('votes.turnout.ballots', { count: turnout.data.figures.ballots.received })}</p>
    </Section>
  );
}
