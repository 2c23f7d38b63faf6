import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { UnitConsultations } from '../../features/consultations/components/unit-consultations';
import { UnitVotes } from '../../features/votes/components/unit-votes';
import { useDocumentTitle } from '../../lib/document-title';
import { useMyUnitName } from '../../shared/roles/my-units';

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
      <section className="section" aria-labelledby="unit-consultations">
        <h2 className="section__title" id="unit-consultations">
          {t('units.consultations')}
        </h2>
        <p className="section__intro">{t('units.consultationsIntro')}</p>
        <UnitConsultations unitId={unitId} />
      </section>
      <section className="section" aria-labelledby="unit-votes">
        <h2 className="section__title" id="unit-votes">
          {t('votes.unit.title')}
        </h2>
        <p className="section__intro">{t('votes.unit.intro')}</p>
        <UnitVotes unitId={unitId} />
      </section>
      <section className="section" aria-labelledby="unit-topics">
        <h2 className="section__title" id="unit-topics">
          {t('units.topics')}
        </h2>
        <p className="section__intro">{t('units.topicsIntro')}</p>
        <div className="button-row">
          <Link to={`/units/${unitId}/topics`} className="button button--secondary">
            {t('units.seeTopics')}
          </Link>
          <Link to={`/units/${unitId}/topics/new`} className="button button--primary">
            {t('units.newTopic')}
          </Link>
        </div>
      </section>
    </>
  );
}
