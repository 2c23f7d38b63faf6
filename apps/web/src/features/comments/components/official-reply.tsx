import type { ReplyOutcome } from '@yishi/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n';
import { clausePath } from '../../../shared/consultations/links';
import { formatDate } from '../../../lib/format';
import type { OfficialReply } from '../api/list-comments';
import './comments.css';

/** A mark for each answer, beside its word (never the colour alone). */
const OUTCOME_MARKS: Record<ReplyOutcome, string> = { adopted: '✓', partly_adopted: '◐', not_adopted: '✕', noted: 'i' };

export function OutcomeLabel({ outcome }: { outcome: ReplyOutcome }) {
  const { t } = useTranslation();
  return (
    <span className={`outcome outcome--${outcome}`}>
      <span className="outcome__mark" aria-hidden="true">
        {OUTCOME_MARKS[outcome]}
      </span>
      {t(`comments.outcome.${outcome}`)}
    </span>
  );
}

/**
 * The official answer to an opinion, set apart from the neighbours' replies: 采纳 / 部分采纳 /
 * 未采纳 / 已知悉, the reason, and the clause of a later version that carries the change.
 */
export function OfficialReplyBox({ reply, consultationId }: { reply: OfficialReply; consultationId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const linked = reply.linkedClause;
  return (
    <section className={`official-reply official-reply--${reply.outcome}`} aria-label={t('comments.official.label')}>
      <p className="official-reply__title">
        <span className="official-reply__label">{t('comments.official.label')}</span>
        <OutcomeLabel outcome={reply.outcome} />
      </p>
      <p className="official-reply__reason">{reply.reason}</p>
      {linked && (
        <p className="official-reply__linked">
          <Link to={clausePath(consultationId, linked.number, linked.versionNumber)}>
            {t('comments.official.linkedClause', { version: linked.versionNumber, number: linked.number })}
            {linked.heading ? t('comments.official.linkedHeading', { heading: linked.heading }) : ''}
          </Link>
        </p>
      )}
      <p className="official-reply__by">
        {t('comments.official.by', { name: reply.repliedByName, date: formatDate(reply.updatedAt, language) ?? '' })}
      </p>
    </section>
  );
}
