import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Version } from '../api/get-version';
import { Attachments } from './attachments';
import { DiffView } from './diff-view';
import './drafts-admin.css';

/** A published version as residents read it, with what it changed from the one before. */
export function VersionView({ consultationId, version }: { consultationId: string; version: Version }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [diffOpen, setDiffOpen] = useState(false);
  const published = version.publishedAt ? formatDateTime(version.publishedAt, currentLanguage(i18n)) : null;
  return (
    <article className="version-view stack" aria-labelledby={titleId}>
      <header>
        <p className="version-view__kind">
          {t('convene.list.version', { number: version.number })}
          {published && <> · {t('convene.draft.publishedAt', { date: published })}</>}
        </p>
        <h3 className="version-view__title" id={titleId}>
          {version.title}
        </h3>
      </header>
      {version.changeNote && (
        <div className="diff-view__note">
          <p className="diff-view__label">{t('convene.draft.changeNote')}</p>
          <p className="diff-view__text">{version.changeNote}</p>
        </div>
      )}
      {version.preamble && <p className="version-view__preamble">{version.preamble}</p>}
      <ol className="plain-list version-view__clauses" aria-label={t('convene.draft.clauseList')}>
        {version.clauses.map((clause) => (
          <li key={clause.id} className="card version-clause">
            <p className="version-clause__head">
              <strong>{t('convene.draft.clauseNumber', { number: clause.number })}</strong>
              {clause.heading && <span className="version-clause__heading">{clause.heading}</span>}
            </p>
            <p className="version-clause__body">{clause.body}</p>
            {clause.previousNumber !== null && (
              <p className="version-clause__origin">
                {t('convene.draft.continuesNumber', { number: clause.previousNumber })}
                {clause.changeReason && <> · {t('convene.diff.reason', { reason: clause.changeReason })}</>}
              </p>
            )}
          </li>
        ))}
      </ol>
      <Attachments consultationId={consultationId} number={version.number} attachments={version.attachments} editable={false} />
      {version.number > 1 && (
        <details className="version-view__diff" onToggle={(event) => setDiffOpen(event.currentTarget.open)}>
          <summary>{t('convene.diff.show', { previous: version.number - 1 })}</summary>
          {diffOpen && <DiffView consultationId={consultationId} number={version.number} />}
        </details>
      )}
    </article>
  );
}
