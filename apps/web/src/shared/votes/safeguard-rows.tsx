import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { SafeguardsView } from './safeguards';
import { durationWords, noticeDaysOf, shortenedWhat } from './safeguards';
import './safeguard-rows.css';

/**
 * 公告期与表决期: the notice, the shortest voting period, and whether either was shortened — why,
 * who asked, who approved (or refused) in which role of which community or street, with their note.
 * Rows of a facts list (`<dl className="facts">`), so the vote page, the console and the result
 * notice show the same words.
 */
export function SafeguardRows({ safeguards }: { safeguards: SafeguardsView }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const when = (iso: string | null): string => (iso ? (formatDateTime(iso, language) ?? '') : '');
  const days = noticeDaysOf(safeguards);
  const s = safeguards.shortening;
  const min = durationWords(safeguards.minVotingHours);
  return (
    <>
      <div className="facts__row">
        <dt>{t('votes.safeguards.notice')}</dt>
        <dd>
          {days > 0
            ? t('votes.safeguards.noticeValue', { count: days, announced: when(safeguards.announcedAt), ends: when(safeguards.noticeEndsAt) })
            : t('votes.safeguards.noNotice', { announced: when(safeguards.announcedAt) })}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('votes.safeguards.minWindow')}</dt>
        <dd>{safeguards.minVotingHours > 0 ? t('votes.safeguards.minWindowValue', { window: t(min.key, { count: min.count }) }) : t('votes.safeguards.noMinWindow')}</dd>
      </div>
      <div className="facts__row vote-safeguards__shortening">
        <dt>{t('votes.safeguards.shortening')}</dt>
        <dd>
          {!s ? (
            t('votes.safeguards.none')
          ) : (
            <>
              <strong className={`vote-safeguards__status vote-safeguards__status--${s.status}`}>{t(`votes.safeguards.status.${s.status}`, { what: t(shortenedWhat(s)) })}</strong>
              <span className="vote-safeguards__line">{t('votes.safeguards.reason', { reason: s.reason })}</span>
              <span className="vote-safeguards__line">{t('votes.safeguards.requested', { name: s.requestedBy, date: when(s.requestedAt) })}</span>
              {s.decidedBy && s.deciderRole && (
                <span className="vote-safeguards__line">
                  {t(s.status === 'refused' ? 'votes.safeguards.refusedBy' : 'votes.safeguards.approvedBy', {
                    name: s.decidedBy,
                    role: t(`votes.safeguards.role.${s.deciderRole}`),
                    node: s.deciderNode ?? '',
                    date: when(s.decidedAt),
                  })}
                </span>
              )}
              {s.note && <span className="vote-safeguards__line">{t('votes.safeguards.note', { note: s.note })}</span>}
            </>
          )}
        </dd>
      </div>
    </>
  );
}
