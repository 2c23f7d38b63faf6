import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { SignupForm } from '../../features/auth/components/signup-form';
import { useSession } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/document-title';
import { invitationCodeDigits, normaliseInvitationCode } from '../../shared/invitations/code';

export function SignupRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('auth.signup.title') }));
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const letterCode = normaliseInvitationCode(code) ?? '';
  const user = useSession().data?.user;
  // Where to go once signed up: 「我的」, with the letter still to prove when the number was not the roll's.
  const [next, setNext] = useState<string | null>(null);

  if (user && next) return <Navigate to={next} replace />;
  if (user) {
    // Someone already signed in scanned a letter: they link it on their own page instead.
    return (
      <section className="auth-page" aria-labelledby="signup-title">
        <h1 id="signup-title" className="page-title">
          {t('auth.signup.title')}
        </h1>
        <p className="notice notice--info">{t('auth.signup.alreadySignedIn', { name: user.displayName })}</p>
        <p>
          <Link to={letterCode ? `/me?code=${invitationCodeDigits(letterCode)}` : '/me'} className="button button--primary">
            {letterCode ? t('auth.signup.linkOnMyPage') : t('layout.me')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="auth-page" aria-labelledby="signup-title">
      <h1 id="signup-title" className="page-title">
        {t('auth.signup.title')}
      </h1>
      <p className="auth-page__intro">{letterCode ? t('auth.signup.introWithLetter') : t('auth.signup.intro')}</p>
      <SignupForm
        initialInvitationCode={letterCode}
        onSignedUp={(result, invitation) => setNext(result.invitation === 'proof_needed' && invitation ? `/me?code=${invitation}&proof=1#link-letter` : '/me')}
      />
      <p className="auth-page__switch">
        {t('auth.signup.haveAccount')} <Link to="/login">{t('auth.login.link')}</Link>
      </p>
    </section>
  );
}
