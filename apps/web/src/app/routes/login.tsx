import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { hasConsoleAccess } from '../../shared/roles/access';
import { safeNextPath, useSession } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/document-title';

export function LoginRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('auth.login.title') }));
  const [params] = useSearchParams();
  const next = params.get('next');
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
      <LoginForm />
      <p className="auth-page__switch">
        {t('auth.login.noAccount')} <Link to="/signup">{t('auth.signup.link')}</Link>
      </p>
      <p className="auth-page__help">{t('auth.login.forgotPassword')}</p>
    </section>
  );
}
