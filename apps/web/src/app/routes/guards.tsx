import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '../../components/query-error';
import { hasConsoleAccess } from '../../shared/roles/access';
import { loginPath, useSession, wasSignedOutDeliberately } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/document-title';
import { Loading } from '../../components/loading';

/**
 * Pages for signed-in people. Signed out (never signed in, or the session expired or was revoked
 * on another device), the person goes to /login and comes back here after signing in.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryError error={session.error} retrying={session.isFetching} onRetry={() => void session.refetch()} />;
  if (!session.data.user) {
    return <Navigate to={wasSignedOutDeliberately() ? '/' : loginPath(`${location.pathname}${location.search}`)} replace />;
  }
  // Pages come in chunks of their own. A boundary here, mounted with the page, shows 加载中… in
  // place of the one above; the layout's, already on screen, would keep the above hidden beside it.
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

function NoConsoleAccess() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('console.noAccess.title') }));
  return (
    <section className="message-page" aria-labelledby="no-console-title">
      <h1 id="no-console-title">{t('console.noAccess.title')}</h1>
      <p>{t('console.noAccess.body')}</p>
      <Link to="/me" className="button button--primary">
        {t('console.noAccess.toMe')}
      </Link>
    </section>
  );
}

/**
 * The staff console, inside RequireAuth: only for people holding a console role. Its pages are
 * React.lazy components from one chunk, rendered only past this check, so a resident's phone
 * never downloads the console, even when someone types /console.
 */
export function RequireConsole() {
  const session = useSession();
  if (!hasConsoleAccess(session.data?.user?.grants)) return <NoConsoleAccess />;
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}
