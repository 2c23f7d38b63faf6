import type { MouseEvent, ReactNode } from 'react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useMatch } from 'react-router';
import { hasConsoleAccess } from '../../shared/roles/access';
import { useSession } from '../../lib/auth';
import { LanguageSwitch } from '../../components/language-switch';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { Loading } from '../../components/loading';
import { AccountMenu } from './account-menu';
import './layout.css';

export const MAIN_ID = 'main';

/** Moves focus to the main region (the skip link's target) without touching the URL. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById(MAIN_ID);
  if (main) {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
}

/** Signed out: 登录 and 注册; signed in: the name with its menu; nothing while the session loads. */
function AccountArea() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return null;
  const user = session.data?.user;
  if (user) return <AccountMenu user={user} />;
  return (
    <div className="account-links">
      <Link to="/login" className="button button--secondary">
        {t('auth.login.link')}
      </Link>
      <Link to="/signup" className="button button--primary">
        {t('auth.signup.link')}
      </Link>
    </div>
  );
}

interface AppLayoutProps {
  /** Items for the signed-in navigation that the app composes in (the inbox bell). */
  navExtras?: ReactNode;
}

export function AppLayout({ navExtras }: AppLayoutProps = {}) {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  // The staff console's tables (the roll) use a wide screen; residents' pages keep a reading width.
  const container = useMatch('/console/*') ? 'container container--wide' : 'container';
  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className={`${container} site-header__bar`}>
          <Link to="/" className="brand">
            <img className="brand__logo" src="/favicon.svg" alt="" width="32" height="32" />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="site-header__tools" role="group" aria-label={t('layout.displaySettings')}>
            <LanguageSwitch />
            <LargeTextToggle />
          </div>
        </div>
        <nav className={`${container} site-nav`} aria-label={t('layout.mainNavigation')}>
          <ul className="plain-list site-nav__list">
            <li>
              <NavLink to="/" end className="site-nav__link">
                {t('layout.home')}
              </NavLink>
            </li>
            {user && (
              <li>
                <NavLink to="/me" className="site-nav__link">
                  {t('layout.me')}
                </NavLink>
              </li>
            )}
            {user && navExtras && <li>{navExtras}</li>}
            {user && hasConsoleAccess(user.grants) && (
              <li>
                <NavLink to="/console" className="site-nav__link">
                  {t('layout.console')}
                </NavLink>
              </li>
            )}
          </ul>
          <AccountArea />
        </nav>
      </header>
      <main id={MAIN_ID} className={`${container} site-main`} tabIndex={-1}>
        {/* Pages come in chunks of their own: the header is there while the first one arrives. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <ScrollRestoration />
    </div>
  );
}
