import type { TFunction } from 'i18next';
import type { ReplyOutcome } from '@yishi/contracts';
import { LIMITS, REPLY_OUTCOMES } from '@yishi/contracts';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason } from '../../../lib/api-problems';
import { useFocusFirstError } from '../../../lib/forms';
import type { OfficialReply, Thread } from '../api/list-all-comments';
import { useReplyToComment } from '../api/reply-to-comment';
import type { LinkableClause } from '../utils/opinions';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

type Translate = TFunction;

export function opinionErrorMessage(error: unknown, t: Translate): string {
  const reason = conflictReason(error);
  switch (reason) {
    case 'reply_phase':
    case 'top_level_only':
    case 'already_hidden':
    case 'not_hidden':
    case 'offline_phase':
    case 'published_version':
      return t(`convene.opinions.conflict.${reason}`);
    default:
      return errorMessage(error, t);
  }
}

interface ReplyFormProps {
  consultationId: string;
  thread: Thread;
  existing: OfficialReply | null;
  linkable: readonly LinkableClause[];
  onDone: () => void;
  onCancel: () => void;
}

/** 答复: the outcome (采纳 / 部分采纳 / 未采纳 / 已知悉), the reason residents will read, and the clause that carries the change. */
export function ReplyForm({ consultationId, thread, existing, linkable, onDone, onCancel }: ReplyFormProps) {
  const { t } = useTranslation();
  const reply = useReplyToComment(consultationId);
  const form = useRef<HTMLFormElement>(null);
  const outcomeErrorId = useId();
  const [outcome, setOutcome] = useState<ReplyOutcome | ''>(existing?.outcome ?? '');
  const [reason, setReason] = useState(existing?.reason ?? '');
  const [linked, setLinked] = useState(existing?.linkedClause?.id ?? '');
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (reply.isPending) return;
    const text = reason.trim();
    const outcomeProblem = outcome ? null : t('convene.reply.outcomeRequired');
    const reasonProblem = !text ? t('convene.reply.reasonRequired') : [...text].length > LIMITS.commentBody ? t('convene.reply.reasonTooLong', { max: LIMITS.commentBody }) : null;
    setOutcomeError(outcomeProblem);
    setReasonError(reasonProblem);
    if (outcomeProblem || reasonProblem || !outcome) {
      setAttempt((n) => n + 1);
      return;
    }
    // mutateAsync: with a filter such as 未答复 the opinion leaves the list (and this form unmounts)
    // while it refreshes, which would drop per-call callbacks; the promise still settles.
    reply.mutateAsync({ commentId: thread.id, body: { outcome, reason: text, linkedClauseId: linked || null } }).then(onDone, () => setAttempt((n) => n + 1));
  };

  return (
    <form ref={form} className="stack reply-form" noValidate onSubmit={submit} aria-label={existing ? t('convene.reply.editHeading') : t('convene.reply.heading')}>
      {reply.isError && <FormAlert>{opinionErrorMessage(reply.error, t)}</FormAlert>}
      <fieldset className={`field choice-group${outcomeError ? ' field--invalid' : ''}`} aria-describedby={outcomeError ? outcomeErrorId : undefined}>
        <legend className="field__label">{t('convene.reply.outcome')}</legend>
        {outcomeError && (
          <p className="field__error" id={outcomeErrorId}>
            <span className="visually-hidden">{t('form.errorPrefix')}</span>
            {outcomeError}
          </p>
        )}
        <div className="outcome-choices">
          {REPLY_OUTCOMES.map((option, index) => (
            <label key={option} className="choice outcome-choice">
              <input type="radio" name={`outcome-${thread.id}`} value={option} checked={outcome === option} onChange={() => setOutcome(option)} aria-invalid={outcomeError && index === 0 ? true : undefined} />
              <span>{t(`convene.outcome.${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t('convene.reply.reason')}
        hint={t('convene.reply.reasonHint')}
        name="reason"
        rows={3}
        maxChars={LIMITS.commentBody}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
      />
      {linkable.length > 0 && (
        <SelectField label={t('convene.reply.linked')} hint={t('convene.reply.linkedHint')} name="linkedClause" value={linked} onChange={(event) => setLinked(event.target.value)}>
          <option value="">{t('convene.reply.noLink')}</option>
          {linkable.map((clause) => (
            <option key={clause.id} value={clause.id}>
              {t('convene.reply.linkOption', { version: clause.versionNumber, number: clause.number, heading: clause.heading ?? '' })}
            </option>
          ))}
        </SelectField>
      )}
      <ConfirmButtons confirm={reply.isPending ? t('convene.reply.submitting') : t('convene.reply.submit')} busy={reply.isPending} onCancel={onCancel} />
    </form>
  );
}
