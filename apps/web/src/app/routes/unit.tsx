import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { UnitConsultations } from '../../features/consultations/components/unit-consultations';
import { UnitVotes } from '../../features/votes/components/unit-votes';
import { UnitSessions } from '../../features/sessions/components/unit-sessions';
import { useDocumentTitle } from '../../lib/document-title';
import { useMyUnitName } from '../../shared/roles/my-units';
import { Section } from '../../components/section';

/** /units/:unitId — a unit's matters: its consultations, and the way to its topics. */
export function UnitRoute() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams();
  const name = useMyUnitName(unitId) ?? t('units.fallbackName');
  useDocumentTitle(t('app.pageTitle', { page: name }));
  return (
    <>
      <header className="page-header">
        <p className="page-header__kind">{t('units.kind')}</p>
        <h1 className="page-title">{name}</h1>
      </header>
      <Section titleId="unit-consultations" title={t('units.consultations')} intro={t('units.consultationsIntro')}>
        <UnitConsultations unitId={unitId} />
      </Section>
      <Section titleId="unit-votes" title={t('votes.unit.title')} intro={t('votes.unit.intro')}>
        <UnitVotes unitId={unitId} />
      </Section>
      <Section titleId="unit-sessions" title={t('sessions.unit.title')} intro={t('sessions.unit.intro')}>
        <UnitSessions unitId={unitId} />
      </Section>
      <Section titleId="unit-topics" title={t('units.topics')} intro={t('units.topicsIntro')}>
        <div className="button-row">
          <Link to={`/units/${unitId}/topics`} className="button button--secondary">
            {t('units.seeTopics')}
          </Link>
          <Link to={`/units/${unitId}/topics/new`} className="button button--primary">
            {t('units.newTopic')}
          </Link>
        </div>
      </Section>
    </>
  );
}
