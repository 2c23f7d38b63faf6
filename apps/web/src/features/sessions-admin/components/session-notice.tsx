import { useTranslation } from 'react-i18next';
import { QrCode } from '../../../components/qr-code';
import { AgendaList, SessionFacts } from '../../../shared/sessions/session-parts';
import type { Session } from '../../../shared/sessions/sessions-api';
import { sessionPath } from '../../../shared/sessions/sessions-api';
import './session-notice.css';

/**
 * 会议通知 on A4, to put up in the buildings: what, when, where, the agenda, and a QR code to the
 * session's page (the agenda as it stands, and the quorum on the day). Printed by the browser.
 */
export function SessionNotice({ session }: { session: Session }) {
  const { t } = useTranslation();
  const link = `${window.location.origin}${sessionPath(session.id)}`;
  return (
    <article className="session-notice" aria-labelledby="notice-title">
      <p className="no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('sessionAdmin.notice.print')}
        </button>
      </p>
      <p className="session-notice__kind">{t('sessionAdmin.notice.heading', { unit: session.nodeName })}</p>
      <h1 className="session-notice__title" id="notice-title">
        {session.title}
      </h1>
      <SessionFacts session={session} />
      <h2>{t('sessions.agenda.heading')}</h2>
      <AgendaList agenda={session.agenda} />
      {session.quorum.statute && <p className="session-notice__statute">{session.quorum.statute}</p>}
      <div className="session-notice__qr">
        <QrCode value={link} label={t('sessionAdmin.notice.qrLabel')} className="session-notice__code" />
        <p>
          {t('sessionAdmin.notice.qrHint')}
          <br />
          <span className="session-notice__link">{link}</span>
        </p>
      </div>
    </article>
  );
}
