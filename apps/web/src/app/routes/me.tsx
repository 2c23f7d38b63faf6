import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MyConsultations } from '../../features/consultations/components/my-consultations';
import { AccountPanel } from '../../features/me/components/account-panel';
import { LinkInvitationForm } from '../../features/me/components/link-invitation-form';
import { MyRoll } from '../../features/me/components/my-roll';
import { useSession } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/document-title';
import { normaliseInvitationCode } from '../../shared/invitations/code';
import { myUnits } from '../../shared/roles/my-units';

/** My page: my household and units as the rolls record them, linking a letter, signing out. */
export function MeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('me.title') }));
  const [params] = useSearchParams();
  const user = useSession().data?.user;
  if (!user) return null;
  const units = myUnits(user.grants);
  const proofNeeded = params.get('proof') === '1';
  const linkLetter = (
    <section className="section" aria-labelledby="link-letter">
      <h2 className="section__title" id="link-letter">
        {t('me.link.heading')}
      </h2>
      {proofNeeded ? (
        <p className="notice notice--info" role="status">
          {t('auth.signup.proofNeeded')}
        </p>
      ) : (
        <p className="section__intro">{t('me.link.intro')}</p>
      )}
      <LinkInvitationForm initialCode={normaliseInvitationCode(params.get('code') ?? '') ?? ''} />
    </section>
  );
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t('me.title')}</h1>
        <p className="page-header__intro">{t('me.greeting', { name: user.displayName })}</p>
      </header>
      {proofNeeded && linkLetter}
      {units.length > 0 && (
        <section className="section" aria-labelledby="my-consultations">
          <h2 className="section__title" id="my-consultations">
            {t('me.consultations.heading')}
          </h2>
          <p className="section__intro">{t('me.consultations.intro')}</p>
          <MyConsultations units={units} />
        </section>
      )}
      <MyRoll />
      {!proofNeeded && linkLetter}
      <section className="section" aria-labelledby="my-account">
        <h2 className="section__title" id="my-account">
          {t('me.account.heading')}
        </h2>
        <AccountPanel user={user} />
      </section>
    </>
  );
}
