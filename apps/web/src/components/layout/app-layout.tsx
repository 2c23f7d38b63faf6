import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { LanguageSwitch } from '../language-switch';
import { LargeTextToggle } from '../large-text-toggle';
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

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="brand">
            <img className="brand__logo" src="/favicon.svg" alt="" width="32" height="32" />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="site-header__tools" role="group" aria-label={t('layout.displaySettings')}>
            <LanguageSwitch />
            <LargeTextToggle />
          </div>
        </div>
        <nav className="container site-nav" aria-label={t('layout.mainNavigation')}>
          <ul className="site-nav__list">
            <li>
              <NavLink to="/" end className="site-nav__link">
                {t('layout.home')}
              </NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id={MAIN_ID} className="container site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <ScrollRestoration />
    </div>
  );
}
