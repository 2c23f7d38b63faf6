import { useTranslation } from 'react-i18next';
import { AgendaList, SessionFacts } from '../../../shared/sessions/session-parts';
import { QuorumBar } from '../../../shared/sessions/quorum-bar';
import type { Session } from '../../../shared/sessions/sessions-api';
import { sessionIsOn } from '../../../shared/sessions/sessions-api';
import { RoomPanel, RoomRecord } from './room-panel';
import './sessions.css';

/** A resident's page of a session: what, when, where, the agenda and, while it is on, who is in the room against the rule. */
export function SessionView({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <SessionFacts session={session} />
      <section className="stack" aria-labelledby="session-agenda">
        <h2 className="section__title" id="session-agenda">
          {t('sessions.agenda.heading')}
        </h2>
        <AgendaList agenda={session.agenda} />
      </section>
      {sessionIsOn(session) && (
        <section className="stack card" aria-labelledby="session-quorum">
          <h2 className="section__title" id="session-quorum">
            {t('sessions.quorum.heading')}
          </h2>
          <QuorumBar quorum={session.quorum} />
        </section>
      )}
      {sessionIsOn(session) && <RoomPanel session={session} />}
      {session.status === 'announced' && <RoomRecord session={session} />}
    </div>
  );
}
