import { useTranslation } from 'react-i18next';
import { OrganizationTree } from '../../features/organizations/components/organization-tree';
import { OpenMatters } from '../../features/me/components/open-matters';
import { useSession } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/document-title';
import { Section } from '../../components/section';

export function HomeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.homeTitle'));
  const signedIn = !!useSession().data?.user;
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" className="hero__title">
          {t('app.name')}
        </h1>
        <p className="hero__tagline">{t('app.tagline')}</p>
      </section>
      {signedIn && (
        <Section titleId="home-open-matters" title={t('me.open.heading')}>
          <OpenMatters />
        </Section>
      )}
      <Section titleId="organizations-title" title={t('home.organizationsHeading')} intro={t('home.organizationsIntro')}>
        <OrganizationTree />
      </Section>
    </>
  );
}
