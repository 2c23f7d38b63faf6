import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime, formatDateTimeRange } from '../../../lib/format';
import { votePath } from '../../../shared/votes/paths';
import { useOpenMatters } from '../api/get-open-matters';
import './open-matters.css';

/**
 * 待办: what waits for me, first — each open vote I may cast in with its closing time and whether
 * I have voted (one tap to the ballot), consultations open for comment, sessions I am invited to.
 */
export function OpenMatters() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const matters = useOpenMatters();
  if (matters.isError) return <QueryError error={matters.error} retrying={matters.isFetching} onRetry={() => void matters.refetch()} />;
  if (!matters.data) return null;
  const { votes, consultations, sessions } = matters.data;
  if (votes.length + consultations.length + sessions.length === 0) return <p className="notice">{t('me.open.none')}</p>;
  return (
    <ul className="plain-list open-matters">
      {votes.map((v) => {
        const done = v.voted >= v.voters;
        return (
          <li key={v.id}>
            <Link to={votePath(v.id)} className={`card open-matter open-matter--vote${done ? ' open-matter--done' : ''}`}>
              <span className="open-matter__kind">{t('me.open.vote', { unit: v.unitName })}</span>
              <span className="open-matter__title">{v.title}</span>
              <span className="open-matter__meta">{t('me.open.closes', { date: formatDateTime(v.closesAt, language) ?? '' })}</span>
              <span className={`open-matter__state${done ? '' : ' open-matter__state--todo'}`}>
                {done ? t('me.open.voted') : v.voters > 1 ? t('me.open.toVoteFor', { voted: v.voted, voters: v.voters }) : t('me.open.toVote')}
              </span>
            </Link>
          </li>
        );
      })}
      {consultations.map((c) => (
        <li key={c.id}>
          <Link to={`/consultations/${c.id}`} className="card open-matter">
            <span className="open-matter__kind">{t('me.open.consultation', { unit: c.unitName })}</span>
            <span className="open-matter__title">{c.title}</span>
          </Link>
        </li>
      ))}
      {sessions.map((s) => (
        <li key={s.id}>
          <Link to={`/sessions/${s.id}`} className="card open-matter">
            <span className="open-matter__kind">{t('me.open.session', { unit: s.unitName })}</span>
            <span className="open-matter__title">{s.title}</span>
            <span className="open-matter__meta">
              {formatDateTimeRange(s.startsAt, s.endsAt, language)} · {s.place}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
