import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';
import { hasConsoleAccess } from '../../shared/roles/access';
import { safeNextPath, useSession } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/document-title';

export function LoginRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('auth.login.title') }));
  const [params] = useSearchParams();
  const next = params.get('next');
  const wasReset = params.get('reset') === '1';
  const user = useSession().data?.user;

  if (user) {
    // Signed in (just now, or already): back to the page that asked, else to one's own start page.
    return <Navigate to={safeNextPath(next, hasConsoleAccess(user.grants) ? '/console' : '/me')} replace />;
  }
  return (
    <section className="auth-page" aria-labelledby="login-title">
      <h1 id="login-title" className="page-title">
        {t('auth.login.title')}
      </h1>
      {next && safeNextPath(next, '') !== '' && (
        <p className="notice notice--info" role="status">
          {t('auth.login.signInToContinue')}
        </p>
      )}
      {wasReset && (
        <p className="notice notice--success" role="status">
          {t('auth.reset.done')}
        </p>
      )}
      <LoginForm />
      <p className="auth-page__switch">
        {t('auth.login.noAccount')} <Link to="/signup">{t('auth.signup.link')}</Link>
      </p>
      <p className="auth-page__help">
        <Link to="/reset-password">{t('auth.reset.link')}</Link> {t('auth.login.forgotPassword')}
      </p>
    </section>
  );
}

/** /reset-password — 找回密码 by a code sent to the account's phone. */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('app.pageTitle', { page: t('auth.reset.title') }));
  return (
    <section className="auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title" className="page-title">
        {t('auth.reset.title')}
      </h1>
      <p className="section__intro">{t('auth.reset.intro')}</p>
      <ResetPasswordForm onDone={() => void navigate('/login?reset=1', { replace: true })} />
      <p className="auth-page__switch">
        <Link to="/login">{t('auth.reset.back')}</Link>
      </p>
    </section>
  );
}
