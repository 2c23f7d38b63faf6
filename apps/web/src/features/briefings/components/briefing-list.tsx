import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveMessage } from '../../../components/live-message';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTimeRange } from '../../../lib/format';
import { useBriefingSignup } from '../api/briefing-signup';
import type { Briefing } from '../api/list-briefings';
import { useBriefings } from '../api/list-briefings';
import { briefingErrorMessage, hasStarted, seatsLeft, splitBriefings } from '../utils/briefings';
import './briefings.css';

interface BriefingCardProps {
  briefing: Briefing;
  canParticipate: boolean;
  busy: boolean;
  onChange: (briefing: Briefing, signUp: boolean) => void;
  now: Date;
}

function BriefingCard({ briefing, canParticipate, busy, onChange, now }: BriefingCardProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const when = formatDateTimeRange(briefing.startsAt, briefing.endsAt, language) ?? '';
  const left = seatsLeft(briefing);
  const cancelled = briefing.cancelledAt !== null;
  const started = hasStarted(briefing, now);
  const titleId = `briefing-${briefing.id}`;
  return (
    <li className={`briefing${cancelled ? ' briefing--cancelled' : ''}`}>
      <article aria-labelledby={titleId}>
        <h3 className="briefing__when" id={titleId}>
          {when}
          {cancelled && <span className="badge briefing__badge">{t('briefings.cancelled')}</span>}
          {!cancelled && briefing.mine.signedUp && <span className="badge badge--me briefing__badge">{t('briefings.signedUp')}</span>}
        </h3>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('briefings.place')}</dt>
            <dd>{briefing.place}</dd>
          </div>
          {!cancelled && (
            <div className="facts__row">
              <dt>{t('briefings.seats')}</dt>
              <dd>{left > 0 ? t('briefings.seatsLeft', { count: left, capacity: briefing.capacity }) : t('briefings.full', { capacity: briefing.capacity })}</dd>
            </div>
          )}
        </dl>
        {briefing.notes && <p className="briefing__notes">{briefing.notes}</p>}
        {canParticipate && !cancelled && !started && (
          <div className="button-row">
            {briefing.mine.signedUp ? (
              <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => {
                  if (!busy) onChange(briefing, false);
                }}>
                {t('briefings.withdraw')}
                <span className="visually-hidden">{t('briefings.forSession', { when })}</span>
              </button>
            ) : (
              <button type="button" className="button button--primary" disabled={left === 0} aria-disabled={busy || undefined} onClick={() => {
                  if (!busy) onChange(briefing, true);
                }}>
                {t('briefings.signUp')}
                <span className="visually-hidden">{t('briefings.forSession', { when })}</span>
              </button>
            )}
          </div>
        )}
      </article>
    </li>
  );
}

/**
 * The briefing sessions (宣讲会) of a consultation: time, place, seats left, and signing up or
 * withdrawing. Nothing at all when none has been scheduled.
 */
export function BriefingList({ consultationId, canParticipate, headingId }: { consultationId: string; canParticipate: boolean; headingId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const briefings = useBriefings(consultationId);
  const signup = useBriefingSignup(consultationId);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [now] = useState(() => new Date());

  if (briefings.isPending) return null;
  if (briefings.isError) return <QueryError error={briefings.error} retrying={briefings.isFetching} onRetry={() => void briefings.refetch()} />;
  if (briefings.data.length === 0) return null;
  const { upcoming, past } = splitBriefings(briefings.data, now);

  const change = (briefing: Briefing, signUp: boolean): void => {
    setStatus(null);
    const when = formatDateTimeRange(briefing.startsAt, briefing.endsAt, language) ?? '';
    signup.mutate(
      { briefingId: briefing.id, signedUp: signUp },
      {
        onSuccess: () => setStatus({ tone: 'success', text: signUp ? t('briefings.signedUpDone', { when, place: briefing.place }) : t('briefings.withdrawn', { when }) }),
        onError: (error) => setStatus({ tone: 'error', text: briefingErrorMessage(error, t) }),
      },
    );
  };

  return (
    <section className="section briefings" aria-labelledby={headingId}>
      <h2 className="section__title" id={headingId}>
        {t('briefings.title')}
      </h2>
      <p className="section__intro">{t('briefings.intro')}</p>
      <LiveMessage tone={status?.tone}>{status?.text}</LiveMessage>
      {upcoming.length === 0 ? (
        <p className="notice">{t('briefings.noneUpcoming')}</p>
      ) : (
        <ul className="plain-list briefing-list">
          {upcoming.map((briefing) => (
            <BriefingCard key={briefing.id} briefing={briefing} canParticipate={canParticipate} busy={signup.isPending} onChange={change} now={now} />
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details className="briefings__past">
          <summary>{t('briefings.past', { count: past.length })}</summary>
          <ul className="plain-list briefing-list">
            {past.map((briefing) => (
              <li key={briefing.id} className="briefing briefing--past">
                {formatDateTimeRange(briefing.startsAt, briefing.endsAt, language)}
                {t('consultations.separator')}
                {briefing.place}
                {briefing.cancelledAt !== null && <span className="badge">{t('briefings.cancelled')}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
