/**
 * The frame shared by the console's pages: the header of a page about one thing (a consultation,
 * a vote), the tabs of its sections, and what a page says when it cannot show its subject.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { QueryError } from '../../../components/query-error';

interface FailedQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** A console page whose subject (a consultation, a vote) could not be loaded: why, retry, and the way back. */
export function ConsoleMissing({ title, query }: { title: string; query: FailedQuery }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="message-page" aria-labelledby={titleId}>
      <h1 id={titleId}>{title}</h1>
      <QueryError error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
      <p>
        <Link to="/console" className="button button--secondary">
          {t('console.node.back')}
        </Link>
      </p>
    </section>
  );
}

/** A section my roles do not open. */
export function SectionClosed() {
  const { t } = useTranslation();
  return <p className="notice">{t('console.node.sectionClosed')}</p>;
}

/** The header of a page about one thing: the console › where it belongs, its kind and state, its title, links. */
export function ConsoleSubjectHeader({ parent, kind, title, links }: { parent: { to: string; name: string }; kind: ReactNode; title: string; links: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="page-header no-print">
      <nav aria-label={t('console.node.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/console">{t('console.title')}</Link>
          </li>
          <li>
            <Link to={parent.to}>{parent.name}</Link>
          </li>
        </ol>
      </nav>
      <p className="page-header__kind">{kind}</p>
      <h1 className="page-title">{title}</h1>
      {links}
    </header>
  );
}

export interface ConsoleTab {
  to: string;
  label: string;
  /** Active only on exactly this address (an overview whose sections sit below it). */
  end?: boolean;
}

/** The tabs of a page's sections. */
export function ConsoleTabs({ label, tabs }: { label: string; tabs: readonly ConsoleTab[] }) {
  return (
    <nav className="tabs no-print" aria-label={label}>
      <ul className="plain-list tabs__list">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="tabs__link">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
