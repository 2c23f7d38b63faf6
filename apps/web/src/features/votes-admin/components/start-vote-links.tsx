import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 发起表决 from a consultation's overview: a vote of each unit it concerns, linked to it. */
export function StartVoteLinks({ consultationId, title, units }: { consultationId: string; title: string; units: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return null;
  const query = new URLSearchParams({ consultation: consultationId, title }).toString();
  return (
    <section className="section no-print" aria-labelledby="start-vote-title">
      <h2 className="section__title" id="start-vote-title">
        {t('voteAdmin.fromConsultation.heading')}
      </h2>
      <p className="section__intro">{t('voteAdmin.fromConsultation.intro')}</p>
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
    </section>
  );
}
