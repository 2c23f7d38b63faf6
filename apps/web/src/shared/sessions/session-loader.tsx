import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { useDocumentTitle } from '../../lib/document-title';
import type { Session } from './sessions-api';
import { sessionIsOn, useSession } from './sessions-api';

/**
 * A page about one session: loading, a refusal, or `children` with the session — live (following
 * its events) while it is on. The page's title names the session, or `fallbackTitle` meanwhile.
 */
export function SessionLoader({ sessionId, fallbackTitle, children }: { sessionId: string; fallbackTitle: string; children: (session: Session) => ReactNode }) {
  const { t } = useTranslation();
  const first = useSession(sessionId);
  const session = useSession(sessionId, first.data ? sessionIsOn(first.data) : false);
  useDocumentTitle(t('app.pageTitle', { page: session.data?.title ?? fallbackTitle }));
  if (session.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (session.isError) return <QueryError error={session.error} retrying={session.isFetching} onRetry={() => void session.refetch()} />;
  return <>{children(session.data)}</>;
}
