import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SessionView } from '../../features/sessions/components/session-view';
import { SessionLoader } from '../../shared/sessions/session-loader';

/** /sessions/:sessionId — a discussion session as a resident reads it; live while it is on. */
export function SessionRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  return (
    <SessionLoader sessionId={sessionId} fallbackTitle={t('sessions.page.fallbackTitle')}>
      {(session) => (
        <>
          <header className="page-header">
            <p className="page-header__kind">{session.nodeName}</p>
            <h1 className="page-title">{session.title}</h1>
          </header>
          <SessionView session={session} />
        </>
      )}
    </SessionLoader>
  );
}
