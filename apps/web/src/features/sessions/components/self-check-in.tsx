import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { LiveMessage } from '../../../components/live-message';
import { QuorumBar } from '../../../shared/sessions/quorum-bar';
import { refusalWords } from '../../../shared/sessions/refusal-words';
import type { Session } from '../../../shared/sessions/sessions-api';
import { sessionPath } from '../../../shared/sessions/sessions-api';
import { useSelfCheckIn } from '../api/self-check-in';
import './sessions.css';

/**
 * 签到 by the room's QR: the page the code opens. Nothing happens until the person says they are
 * here (a link preview or a forwarded photo checks nobody in), then one tap, in large type.
 */
export function SelfCheckIn({ session, code }: { session: Session; code: string }) {
  const { t } = useTranslation();
  const checkIn = useSelfCheckIn(session.id);
  if (checkIn.isSuccess) {
    return (
      <div className="stack">
        <LiveMessage>{t('sessions.checkIn.done', { names: checkIn.data.checkedIn.join(t('sessions.listSeparator')) })}</LiveMessage>
        <div className="card">
          <QuorumBar quorum={checkIn.data.quorum} />
        </div>
        <p>
          <Link to={sessionPath(session.id)}>{t('sessions.checkIn.toSession')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack self-check-in">
      <p className="self-check-in__where">{t('sessions.checkIn.where', { place: session.place })}</p>
      {checkIn.isError && <FormAlert>{refusalWords(checkIn.error, t)}</FormAlert>}
      {!code && <FormAlert>{t('sessions.checkIn.noCode')}</FormAlert>}
      <button type="button" className="button button--primary self-check-in__button" aria-disabled={checkIn.isPending || !code} onClick={() => code && !checkIn.isPending && checkIn.mutate(code)}>
        {t('sessions.checkIn.submit')}
      </button>
      <p className="field__hint">{t('sessions.checkIn.hint')}</p>
    </div>
  );
}
