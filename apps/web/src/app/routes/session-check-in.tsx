import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { SelfCheckIn } from '../../features/sessions/components/self-check-in';
import { useDocumentTitle } from '../../lib/document-title';
import { useSession } from '../../shared/sessions/sessions-api';

/** /sessions/:sessionId/check-in?c=… — the page the room's QR code opens on a resident's phone. */
export function SessionCheckInRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  const session = useSession(sessionId);
  useDocumentTitle(t('app.pageTitle', { page: t('sessions.checkIn.title') }));
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
        <p className="page-header__kind">{t('sessions.checkIn.title')}</p>
        <h1 className="page-title">{session.data.title}</h1>
      </header>
      <SelfCheckIn session={session.data} code={params.get('c') ?? ''} />
    </>
  );
}
