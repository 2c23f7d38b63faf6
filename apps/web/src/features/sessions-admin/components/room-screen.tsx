import { useTranslation } from 'react-i18next';
import { QrCode } from '../../../components/qr-code';
import { currentLanguage } from '../../../i18n';
import { formatDateTimeRange } from '../../../lib/format';
import { QuorumBar } from '../../../shared/sessions/quorum-bar';
import { AgendaList } from '../../../shared/sessions/session-parts';
import type { Session } from '../../../shared/sessions/sessions-api';
import { sessionIsOn } from '../../../shared/sessions/sessions-api';
import { useCheckInCode } from '../api/check-in-code';
import { useRoom } from '../../../shared/sessions/room-api';
import { CurrentItem, SpeakerQueue, VoteProgress } from '../../../shared/sessions/room-parts';
import './room-screen.css';

/**
 * 投屏: the room's screen for a projector or a TV (1920×1080, read from the back of the room): the
 * session, its agenda, who is here against the rule, and the check-in QR code, which changes every
 * 30 seconds (a photo sent home soon stops working). Live: it follows the session's events.
 */
export function RoomScreen({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const on = sessionIsOn(session);
  const code = useCheckInCode(session.id, on);
  const room = useRoom(session.id, on);
  // A vote item shows while voting is open in the room, or is on the screen, and once it is counted while it stays current.
  const voting = (room.data?.items ?? []).filter((r) => r.vote && (r.vote.openInRoom || r.itemId === room.data?.currentItemId));
  const link = code.data ? `${window.location.origin}${code.data.path}` : null;
  return (
    <main className="room-screen" aria-labelledby="room-title">
      <header className="room-screen__header">
        <p className="room-screen__kind">
          {session.nodeName} · {t(`sessions.kind.${session.kind}`)}
        </p>
        <h1 className="room-screen__title" id="room-title">
          {session.title}
        </h1>
        <p className="room-screen__when">
          {formatDateTimeRange(session.startsAt, session.endsAt, language)} · {session.place}
        </p>
      </header>
      <section className="room-screen__agenda" aria-labelledby="room-agenda">
        {room.data && room.data.currentItemId ? (
          <>
            <h2 id="room-agenda" className="visually-hidden">
              {t('sessions.room.current')}
            </h2>
            <CurrentItem session={session} room={room.data} large />
          </>
        ) : (
          <>
            <h2 id="room-agenda">{t('sessions.agenda.heading')}</h2>
            <AgendaList agenda={session.agenda} />
          </>
        )}
        {voting.map((record) => (
          <div key={record.itemId} className="room-screen__vote">
            <h2>
              {t('sessionAdmin.screen.roomVoting')} · {session.agenda.find((a) => a.id === record.itemId)?.title}
            </h2>
            <VoteProgress record={record} />
          </div>
        ))}
        {room.data && (room.data.speaking || room.data.queue.length > 0) && <SpeakerQueue room={room.data} />}
      </section>
      <section className="room-screen__quorum" aria-labelledby="room-quorum">
        <h2 id="room-quorum">{t('sessions.quorum.heading')}</h2>
        <QuorumBar quorum={session.quorum} large />
      </section>
      <section className="room-screen__qr" aria-labelledby="room-qr">
        <h2 id="room-qr">{t('sessionAdmin.screen.checkIn')}</h2>
        {link ? <QrCode value={link} label={t('sessionAdmin.screen.qrLabel')} className="room-screen__code" /> : <p>{on ? t('common.loading') : t('sessionAdmin.desk.notYet')}</p>}
        <p className="room-screen__qr-hint">{t('sessionAdmin.screen.qrHint')}</p>
      </section>
    </main>
  );
}
