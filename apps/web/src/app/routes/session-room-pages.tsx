/**
 * The pages of a session's officers — the chair, the recorder, the tellers, the scrutineers, who
 * may be residents without any console role — and of those who run the session: the room's
 * workbench and the minutes. A chunk of its own, loaded only when one of these pages opens.
 */
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MinutesEditor } from '../../features/sessions-admin/components/minutes-editor';
import { RoomControl } from '../../features/sessions-admin/components/room-control';
import { QuorumBar } from '../../shared/sessions/quorum-bar';
import { SessionLoader } from '../../shared/sessions/session-loader';
import { sessionPath } from '../../shared/sessions/sessions-api';
import { addConsoleTranslations } from '../../i18n/console-resources';

// The officers' controls speak in the console's words: add them when this chunk loads.
addConsoleTranslations(i18next);

/** /sessions/:sessionId/room — the officer's workbench in the room, on a phone or at the desk. */
export function SessionRoomRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  return (
    <SessionLoader sessionId={sessionId} fallbackTitle={t('sessions.page.fallbackTitle')}>
      {(session) => (
        <>
          <header className="page-header">
            <p>
              <Link to={sessionPath(session.id)}>{session.title}</Link>
            </p>
            <h1 className="page-title">{t('sessions.room.workbench')}</h1>
          </header>
          <div className="stack">
            <QuorumBar quorum={session.quorum} />
            <RoomControl session={session} desk={false} />
          </div>
        </>
      )}
    </SessionLoader>
  );
}

/** /sessions/:sessionId/minutes/edit — the recorder writes, the chair and a scrutineer confirm, the chair publishes. */
export function SessionMinutesEditRoute() {
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
            <h1 className="page-title">
              {session.title} · {t('sessions.minutes.heading')}
            </h1>
          </header>
          <MinutesEditor session={session} />
        </>
      )}
    </SessionLoader>
  );
}
