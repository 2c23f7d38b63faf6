import { useTranslation } from 'react-i18next';
import { OrganizationTree } from '../../features/organizations/components/organization-tree';
import { useDocumentTitle } from '../../lib/document-title';
import { Section } from '../../components/section';

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
      <Section titleId="organizations-title" title={t('home.organizationsHeading')} intro={t('home.organizationsIntro')}>
        <OrganizationTree />
      </Section>
    </>
  );
}
