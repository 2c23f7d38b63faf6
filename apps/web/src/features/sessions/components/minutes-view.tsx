import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { FollowUpList, MinutesText } from '../../../shared/sessions/minutes-parts';
import { useFollowUps, useMinutes } from '../../../shared/sessions/room-api';
import type { Session } from '../../../shared/sessions/sessions-api';

/** The published minutes, newest version first (a correction shows what it changed), and the follow-up of the decisions. */
export function MinutesView({ session }: { session: Session }) {
  const { t } = useTranslation();
  const minutes = useMinutes(session.id);
  const followUps = useFollowUps(session.id);
  if (minutes.isPending || followUps.isPending) return <Loading />;
  if (minutes.isError) return <QueryError error={minutes.error} retrying={minutes.isFetching} onRetry={() => void minutes.refetch()} />;
  if (followUps.isError) return <QueryError error={followUps.error} retrying={followUps.isFetching} onRetry={() => void followUps.refetch()} />;
  const published = minutes.data.versions.filter((v) => v.publishedAt);
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="minutes-heading">
        <h2 className="section__title" id="minutes-heading">
          {t('sessions.minutes.heading')}
        </h2>
        {published.length === 0 ? <p className="notice">{t('sessions.minutes.none')}</p> : published.map((v, i) => <MinutesText key={v.version} version={v} previous={published[i + 1]} />)}
        {published.length > 0 && (
          <p className="button-row no-print">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('sessions.minutes.print')}
            </button>
          </p>
        )}
      </section>
      <section className="stack" aria-labelledby="follow-ups-heading">
        <h2 className="section__title" id="follow-ups-heading">
          {t('sessions.minutes.followUps')}
        </h2>
        <FollowUpList sessionId={session.id} followUps={followUps.data} />
      </section>
    </div>
  );
}
