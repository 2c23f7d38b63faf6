import type { FormEvent, ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { errorMessage } from '../../../lib/api-client';
import { useFocusFirstError } from '../../../lib/forms';
import type { VoteStatus } from '../api/votes';
import './votes-admin.css';

export const REASON_MIN = 2;
export const REASON_MAX = 500;

/** The time now, read again every `everyMs` (so a page left open moves on with the clock). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function VoteStatusBadge({ status }: { status: VoteStatus }) {
  const { t } = useTranslation();
  return <span className={`badge vote-status vote-status--${status}`}>{t(`voteAdmin.status.${status}`)}</span>;
}

/**
 * A reason asked before a recorded step (opening early, cancelling, voiding, revoking): checked
 * for length here, kept in the audit trail by the API.
 */
export function ReasonForm({
  label,
  hint,
  submitLabel,
  pendingLabel,
  pending,
  error,
  errorText,
  onSubmit,
  onCancel,
  check,
  children,
  multiLine = false,
  max = REASON_MAX,
}: {
  label: string;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  /** Words for the API's refusal, when a screen knows better than the generic message. */
  errorText?: (error: unknown) => string | null;
  /** A further check of the reason (a reason of substance), once its length is right: the problem in words, or null. */
  check?: (reason: string) => string | null;
  onSubmit: (reason: string) => void;
  onCancel?: () => void;
  children?: ReactNode;
  multiLine?: boolean;
  max?: number;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    const text = reason.trim();
    const found = [...text].length < REASON_MIN ? t('voteAdmin.reason.required') : [...text].length > max ? t('voteAdmin.reason.tooLong', { max }) : (check?.(text) ?? null);
    setProblem(found);
    if (found) {
      setAttempt((n) => n + 1);
      return;
    }
    onSubmit(text);
  };
  return (
    <form ref={form} className="stack reason-form" noValidate onSubmit={submit} aria-label={submitLabel}>
      {error !== null && error !== undefined && <FormAlert>{errorText?.(error) ?? errorMessage(error, t)}</FormAlert>}
      {children}
      <TextAreaField label={label} hint={hint} name="reason" rows={multiLine ? 4 : 2} maxChars={max} value={reason} onChange={(event) => setReason(event.target.value)} error={problem} />
      <div className="button-row">
        <button type="submit" className="button button--primary" aria-disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
