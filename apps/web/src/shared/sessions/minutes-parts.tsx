import { diffLines } from 'diff';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { FollowUp, MinutesVersion } from './room-api';
import './minutes-parts.css';

/** One version of the minutes as printed: its text, who confirmed it, when it was published, and for a correction why and what changed. */
export function MinutesText({ version, previous }: { version: MinutesVersion; previous?: MinutesVersion }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <article className="minutes stack">
      <p className="minutes__meta">
        {t('sessions.minutes.version', { version: version.version })}
        {version.publishedAt && ` · ${t('sessions.minutes.published', { date: formatDateTime(version.publishedAt, language) ?? '' })}`}
      </p>
      {version.correctionReason && <p className="minutes__correction">{t('sessions.minutes.correction', { reason: version.correctionReason })}</p>}
      {previous && <MinutesChanges before={previous.body} after={version.body} />}
      <pre className="minutes__body">{version.body}</pre>
      {version.chairConfirmedBy && version.scrutineerConfirmedBy && (
        <p className="minutes__meta">{t('sessions.minutes.confirmedBy', { chair: version.chairConfirmedBy, scrutineer: version.scrutineerConfirmedBy })}</p>
      )}
    </article>
  );
}

/** What a correction changed, line by line: removed lines struck through, added lines marked. */
export function MinutesChanges({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const parts = diffLines(before, after).filter((p) => p.added || p.removed);
  if (parts.length === 0) return null;
  return (
    <section className="minutes-changes" aria-label={t('sessions.minutes.changes')}>
      <p className="minutes__meta">{t('sessions.minutes.changes')}</p>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="minutes-changes__added">
            {p.value}
          </ins>
        ) : (
          <del key={i} className="minutes-changes__removed">
            {p.value}
          </del>
        ),
      )}
    </section>
  );
}

/** The follow-up of the decisions: who, by when, how it stands, overdue marked, the updates with photos. */
export function FollowUpList({ sessionId, followUps }: { sessionId: string; followUps: FollowUp[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (followUps.length === 0) return <p className="notice">{t('sessions.minutes.followUpsNone')}</p>;
  return (
    <ul className="plain-list stack">
      {followUps.map((f) => (
        <li key={f.id} className={`card stack follow-up${f.overdue ? ' follow-up--overdue' : ''}`}>
          <p className="follow-up__title">
            <strong>{f.title}</strong> · {t(`sessions.minutes.state.${f.state}`)}
            {f.overdue && <span className="follow-up__overdue"> · {t('sessions.minutes.overdue')}</span>}
          </p>
          <p>
            {t('sessions.minutes.responsible', { who: f.responsible })} · {t('sessions.minutes.due', { date: f.dueOn })}
          </p>
          {f.updates.map((u) => (
            <div key={u.id} className="follow-up__update">
              <p>
                {formatDateTime(u.at, language)} · {u.by} · {t(`sessions.minutes.state.${u.state}`)}：{u.note}
              </p>
              {u.photoIds.map((photo) => (
                <img key={photo} src={`/api/sessions/${sessionId}/follow-ups/${f.id}/photos/${photo}`} alt={u.note} className="follow-up__photo" loading="lazy" />
              ))}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
