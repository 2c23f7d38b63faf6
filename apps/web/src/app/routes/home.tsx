import { useTranslation } from 'react-i18next';
import { OrganizationTree } from '../../features/organizations/components/organization-tree';
import { useDocumentTitle } from '../../lib/document-title';

export function HomeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.homeTitle'));
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" className="hero__title">
          {t('app.name')}
        </h1>
        <p className="hero__tagline">{t('app.tagline')}</p>
      </section>
      <section className="section" aria-labelledby="organizations-title">
        <h2 id="organizations-title" className="section__title">
          {t('home.organizationsHeading')}
        </h2>
        <p className="section__intro">{t('home.organizationsIntro')}</p>
        <OrganizationTree />
      </section>
    </>
  );
}
