import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { SelfCheckIn } from '../../features/sessions/components/self-check-in';
import { SessionLoader } from '../../shared/sessions/session-loader';

/** /sessions/:sessionId/check-in?c=… — the page the room's QR code opens on a resident's phone. */
export function SessionCheckInRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <SessionLoader sessionId={sessionId} fallbackTitle={t('sessions.checkIn.title')}>
      {(session) => (
        <>
          <header className="page-header">
            <p className="page-header__kind">{t('sessions.checkIn.title')}</p>
            <h1 className="page-title">{session.title}</h1>
          </header>
          <SelfCheckIn session={session} code={params.get('c') ?? ''} />
        </>
      )}
    </SessionLoader>
  );
}
