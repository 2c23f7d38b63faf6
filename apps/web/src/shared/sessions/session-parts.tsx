import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatDateTimeRange } from '../../lib/format';
import type { AgendaItem, Session } from './sessions-api';
import './session-parts.css';

function agendaLink(item: AgendaItem): string | null {
  if (item.kind === 'topic' && item.topicId) return `/topics/${item.topicId}`;
  if (item.kind === 'vote' && item.voteId) return `/votes/${item.voteId}`;
  return null;
}

/** The agenda in order; a deferred item stays, struck through, with why; an urgent one says why it could not wait. */
export function AgendaList({ agenda }: { agenda: AgendaItem[] }) {
  const { t } = useTranslation();
  if (agenda.length === 0) return <p className="notice">{t('sessions.agenda.none')}</p>;
  return (
    <ol className="agenda">
      {agenda.map((item) => {
        const link = agendaLink(item);
        return (
          <li key={item.id} className={`agenda__item${item.deferredAt ? ' agenda__item--deferred' : ''}`}>
            <span className="agenda__kind">{t(`sessions.agenda.kind.${item.kind}`)}</span>{' '}
            {link ? <Link to={link}>{item.title}</Link> : <span className="agenda__title">{item.title}</span>}
            {item.urgentReason && <p className="agenda__note">{t('sessions.agenda.urgent', { reason: item.urgentReason })}</p>}
            {item.deferredReason && <p className="agenda__note">{t('sessions.agenda.deferred', { reason: item.deferredReason })}</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** What a session is, when and where, with its notice period. */
export function SessionFacts({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('sessions.facts.kind')}</dt>
        <dd>{t(`sessions.kind.${session.kind}`)}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('sessions.facts.when')}</dt>
        <dd>{formatDateTimeRange(session.startsAt, session.endsAt, language)}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('sessions.facts.place')}</dt>
        <dd>{session.place}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('sessions.facts.units')}</dt>
        <dd>{session.units.map((u) => u.name).join(t('sessions.listSeparator'))}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('sessions.facts.invite')}</dt>
        <dd>{t(`sessions.invite.${session.invite}`)}</dd>
      </div>
      {session.announcedAt && (
        <div className="facts__row">
          <dt>{t('sessions.facts.notice')}</dt>
          <dd>{t('sessions.facts.noticeSince', { date: formatDateTime(session.announcedAt, language) ?? '' })}</dd>
        </div>
      )}
    </dl>
  );
}
