import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Link } from 'react-router';
import { MinutesView } from '../../features/sessions/components/minutes-view';
import { SessionView } from '../../features/sessions/components/session-view';
import { sessionPath } from '../../shared/sessions/sessions-api';
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

/** /sessions/:sessionId/minutes — the published minutes and the follow-up of the decisions. */
export function SessionMinutesRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  return (
    <SessionLoader sessionId={sessionId} fallbackTitle={t('sessions.minutes.heading')}>
      {(session) => (
        <>
          <header className="page-header">
            <p className="no-print">
              <Link to={sessionPath(session.id)}>{session.title}</Link>
            </p>
            <p className="page-header__kind">{session.nodeName}</p>
            <h1 className="page-title">
              {session.title} · {t('sessions.minutes.heading')}
            </h1>
          </header>
          <MinutesView session={session} />
        </>
      )}
    </SessionLoader>
  );
}
