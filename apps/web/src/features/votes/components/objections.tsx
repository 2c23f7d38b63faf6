import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/form/text-area-field';
import { LiveMessage } from '../../../components/live-message';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason } from '../../../lib/api-problems';
import { formatDateTime } from '../../../lib/format';
import { useObjections, useObjectToResult } from '../api/objections';
import { Section } from '../../../components/section';

const MAX = 2000;

interface ObjectionsProps {
  voteId: string;
  /** The provisional result is on notice and the window has not ended: objections are taken. */
  open: boolean;
  until: string | null;
  /** The reader may object: on the vote's electorate, or in a supervising role (the API says). */
  canObject: boolean;
}

/** Objections to the provisional result: the form while the window is open, and every objection with its answer. */
export function Objections({ voteId, open, until, canObject }: ObjectionsProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const objections = useObjections(voteId);
  const object = useObjectToResult(voteId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (object.isPending) return;
    const text = body.trim();
    if (text === '') return setError(t('votes.objections.empty'));
    if ([...text].length > MAX) return setError(t('votes.objections.tooLong', { max: MAX }));
    setError(null);
    setSent(false);
    object.mutate(text, {
      onSuccess: () => {
        setBody('');
        setSent(true);
      },
      onError: (failure) => {
        const reason = conflictReason(failure);
        setError(reason === 'objection_window_over' || reason === 'not_on_notice' ? t('votes.objections.closed') : errorMessage(failure, t));
      },
    });
  };

  return (
    <Section titleId="objections-title" title={t('votes.objections.title')} className="vote-objections">
      <p className="section__intro">
        {until ? (open ? t('votes.objections.openUntil', { date: formatDateTime(until, language) ?? '' }) : t('votes.objections.closedSince', { date: formatDateTime(until, language) ?? '' })) : null}
      </p>
      {open && !canObject && <p className="notice no-print">{t('votes.objections.notYours')}</p>}
      {open && canObject && (
        <form className="stack no-print" onSubmit={submit} noValidate>
          <TextAreaField label={t('votes.objections.label')} hint={t('votes.objections.hint')} value={body} onChange={(event) => setBody(event.target.value)} maxChars={MAX} error={error} rows={4} />
          <button type="submit" className="button button--primary" aria-disabled={object.isPending || undefined}>
            {object.isPending ? t('votes.objections.sending') : t('votes.objections.submit')}
          </button>
        </form>
      )}
      <LiveMessage>{sent ? t('votes.objections.sent') : null}</LiveMessage>
      {objections.isError && <QueryError error={objections.error} retrying={objections.isFetching} onRetry={() => void objections.refetch()} />}
      {objections.data && objections.data.length === 0 && <p className="notice">{t('votes.objections.none')}</p>}
      {objections.data && objections.data.length > 0 && (
        <ul className="plain-list objection-list">
          {objections.data.map((objection) => (
            <li key={objection.id} className="card objection">
              <p className="objection__meta">
                {formatDateTime(objection.createdAt, language)}
                {objection.mine && <span className="badge">{t('votes.objections.mine')}</span>}
              </p>
              <p className="objection__body">{objection.body}</p>
              {objection.answer ? (
                <div className="objection__answer">
                  <p className="objection__answer-title">{t('votes.objections.answer', { date: objection.answeredAt ? (formatDateTime(objection.answeredAt, language) ?? '') : '' })}</p>
                  <p className="objection__body">{objection.answer}</p>
                </div>
              ) : (
                <p className="objection__pending">{t('votes.objections.pending')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
