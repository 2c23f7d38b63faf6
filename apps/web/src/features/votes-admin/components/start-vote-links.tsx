import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/section';

/** 发起表决 from a consultation's overview: a vote of each unit it concerns, linked to it. */
export function StartVoteLinks({ consultationId, title, units }: { consultationId: string; title: string; units: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return null;
  const query = new URLSearchParams({ consultation: consultationId, title }).toString();
  return (
    <Section titleId="start-vote-title" title={t('voteAdmin.fromConsultation.heading')} intro={t('voteAdmin.fromConsultation.intro')} className="no-print">
      <div className="button-row">
        {units.map((unit) => (
          <Link key={unit.id} to={`/console/nodes/${unit.id}/votes/new?${query}`} className="button button--primary">
            {units.length === 1 ? t('voteAdmin.fromConsultation.start') : t('voteAdmin.fromConsultation.startFor', { unit: unit.name })}
          </Link>
        ))}
        {units.map((unit) => (
          <Link key={`list-${unit.id}`} to={`/console/nodes/${unit.id}/votes`} className="button button--secondary">
            {units.length === 1 ? t('voteAdmin.fromConsultation.list') : t('voteAdmin.fromConsultation.listFor', { unit: unit.name })}
          </Link>
        ))}
      </div>
    </Section>
  );
}
