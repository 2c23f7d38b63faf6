import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { sessionPath, useNodeSessions } from '../../../shared/sessions/sessions-api';
import './sessions.css';

/** The sessions of a unit (and the joint meetings it is invited to) whose notice is up, latest first. */
export function UnitSessions({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const sessions = useNodeSessions(unitId);
  if (sessions.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (sessions.isError) return <QueryError error={sessions.error} retrying={sessions.isFetching} onRetry={() => void sessions.refetch()} />;
  const shown = sessions.data.filter((s) => s.status === 'announced');
  if (shown.length === 0) return <p className="notice">{t('sessions.unit.none')}</p>;
  return (
    <ul className="plain-list session-cards" aria-label={t('sessions.unit.listLabel')}>
      {shown.map((s) => (
        <li key={s.id} className="card session-card">
          <p className="session-card__kind">{t(`sessions.kind.${s.kind}`)}</p>
          <h3 className="session-card__title">
            <Link to={sessionPath(s.id)}>{s.title}</Link>
          </h3>
          <p className="session-card__meta">{t('sessions.unit.when', { date: formatDateTime(s.startsAt, language) ?? '', place: s.place })}</p>
        </li>
      ))}
    </ul>
  );
}
