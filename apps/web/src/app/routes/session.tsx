import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { SessionView } from '../../features/sessions/components/session-view';
import { useDocumentTitle } from '../../lib/document-title';
import { sessionIsOn, useSession } from '../../shared/sessions/sessions-api';

/** /sessions/:sessionId — a discussion session as a resident reads it; live while it is on. */
export function SessionRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const first = useSession(sessionId);
  const session = useSession(sessionId, first.data ? sessionIsOn(first.data) : false);
  useDocumentTitle(t('app.pageTitle', { page: session.data?.title ?? t('sessions.page.fallbackTitle') }));
  if (session.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (session.isError) return <QueryError error={session.error} retrying={session.isFetching} onRetry={() => void session.refetch()} />;
  return (
    <>
      <header className="page-header">
        <p className="page-header__kind">{session.data.nodeName}</p>
        <h1 className="page-title">{session.data.title}</h1>
      </header>
      <SessionView session={session.data} />
    </>
  );
}
