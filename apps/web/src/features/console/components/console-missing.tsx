import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
