import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MyConsultations } from '../../features/consultations/components/my-consultations';
import { AccountPanel } from '../../features/me/components/account-panel';
import { LinkInvitationForm } from '../../features/me/components/link-invitation-form';
import { MessageSettings } from '../../features/me/components/message-settings';
import { MyRoll } from '../../features/me/components/my-roll';
import { OpenMatters } from '../../features/me/components/open-matters';
import { useSession } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/document-title';
import { normaliseInvitationCode } from '../../shared/invitations/code';
import { myUnits } from '../../shared/roles/my-units';
import { Section } from '../../components/section';

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
    <Section titleId="link-letter" title={t('me.link.heading')}>
      {proofNeeded ? (
        <p className="notice notice--info" role="status">
          {t('auth.signup.proofNeeded')}
        </p>
      ) : (
        <p className="section__intro">{t('me.link.intro')}</p>
      )}
      <LinkInvitationForm initialCode={normaliseInvitationCode(params.get('code') ?? '') ?? ''} />
    </Section>
  );
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t('me.title')}</h1>
        <p className="page-header__intro">{t('me.greeting', { name: user.displayName })}</p>
      </header>
      {proofNeeded && linkLetter}
      <Section titleId="open-matters" title={t('me.open.heading')}>
        <OpenMatters />
      </Section>
      {units.length > 0 && (
        <Section titleId="my-consultations" title={t('me.consultations.heading')} intro={t('me.consultations.intro')}>
          <MyConsultations units={units} />
        </Section>
      )}
      <MyRoll />
      {!proofNeeded && linkLetter}
      <Section titleId="my-messages" title={t('me.messages.heading')} intro={t('me.messages.summary')}>
        <p>
          <Link to="/me/messages">{t('me.messages.link')}</Link>
        </p>
      </Section>
      <Section titleId="my-account" title={t('me.account.heading')}>
        <AccountPanel user={user} />
      </Section>
    </>
  );
}

/** How notices reach me beyond the inbox (SMS, WeChat, the app only); WeChat's sign-in comes back here. */
export function MessagesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('me.messages.heading') }));
  const [params] = useSearchParams();
  const outcome = params.get('wechat');
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/me">{t('me.title')}</Link>
        </p>
        <h1 className="page-title">{t('me.messages.heading')}</h1>
        <p className="page-header__intro">{t('me.messages.summary')}</p>
      </header>
      <MessageSettings wechatOutcome={outcome === 'bound' || outcome === 'failed' ? outcome : null} />
    </>
  );
}
