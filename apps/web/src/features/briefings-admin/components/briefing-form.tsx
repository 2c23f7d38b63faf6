import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import type { BriefingDraft, BriefingField, BriefingProblem, BriefingRequest } from '../utils/briefing-form';
import { BRIEFING_LIMITS, checkBriefing, toBriefingRequest } from '../utils/briefing-form';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

interface BriefingFormProps {
  initial: BriefingDraft;
  heading: string;
  submitLabel: string;
  pending: boolean;
  /** The refusal of the last attempt, in words, or null. */
  error: string | null;
  onSubmit: (request: BriefingRequest) => void;
  onCancel: () => void;
}

/** 安排宣讲 / 修改: when (Beijing time), where (e.g. the branch's 组织生活馆), how many seats, notes. */
export function BriefingForm({ initial, heading, submitLabel, pending, error, onSubmit, onCancel }: BriefingFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  // The form opens in place of the button that opened it: focus goes to its heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [draft, setDraft] = useState<BriefingDraft>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const errors: FieldErrors<BriefingField> = submitted ? checkBriefing(draft) : {};
  const text = (field: BriefingField): string | null => {
    const key = errors[field] as BriefingProblem | undefined;
    return key ? t(`convene.briefings.errors.${key}`, { max: field === 'place' ? BRIEFING_LIMITS.place : BRIEFING_LIMITS.notes }) : null;
  };
  const set = (field: BriefingField, value: string): void => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (hasErrors(checkBriefing(draft))) {
      setAttempt((n) => n + 1);
      return;
    }
    onSubmit(toBriefingRequest(draft));
  };

  return (
    <form ref={form} className="stack briefing-form" noValidate onSubmit={submit} aria-label={heading}>
      <h3 className="subsection__title" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {error && <FormAlert>{error}</FormAlert>}
      <div className="briefing-form__times">
        <TextField label={t('convene.briefings.start')} type="datetime-local" name="start" value={draft.start} onChange={(event) => set('start', event.target.value)} error={text('start')} />
        <TextField label={t('convene.briefings.end')} type="datetime-local" name="end" value={draft.end} onChange={(event) => set('end', event.target.value)} error={text('end')} />
      </div>
      <TextField label={t('convene.briefings.place')} hint={t('convene.briefings.placeHint')} name="place" autoComplete="off" value={draft.place} onChange={(event) => set('place', event.target.value)} error={text('place')} />
      <TextField
        label={t('convene.briefings.capacity')}
        hint={t('convene.briefings.capacityHint')}
        name="capacity"
        inputMode="numeric"
        autoComplete="off"
        value={draft.capacity}
        onChange={(event) => set('capacity', event.target.value)}
        error={text('capacity')}
      />
      <TextAreaField label={t('convene.briefings.notes')} hint={t('convene.briefings.notesHint')} name="notes" rows={3} maxChars={BRIEFING_LIMITS.notes} value={draft.notes} onChange={(event) => set('notes', event.target.value)} error={text('notes')} />
      <ConfirmButtons confirm={submitLabel} busy={pending} onCancel={onCancel} />
    </form>
  );
}
