import type { ReactNode, RefObject } from 'react';
import { useState } from 'react';
import { invalidFieldPaths } from '../../../lib/api-problems';
import { useFocusFirstError } from '../../../lib/forms';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import type { VoteDraft } from '../utils/vote-form';
import { fittingReminders } from '../utils/vote-form';
import { REMINDER_CHOICES } from '../utils/reminders';

/** A field's message, if any: the text the form shows under it. */
type ErrorText = string | null;

export function FieldError({ id, text }: { id: string; text: ErrorText }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')}</span>
      {text}
    </p>
  );
}

/**
 * 表决时间: when voting opens and closes (Beijing time), with what the law's notice asks said above
 * them, and — where the window shortens the notice or the rule set's shortest window — the reason a
 * supervisor will read before approving.
 */
export function VoteWindowFields({
  draft,
  hint,
  asks,
  onWindow,
  onReason,
  errors,
}: {
  draft: Pick<VoteDraft, 'opensAt' | 'closesAt' | 'shorteningReason'>;
  /** What the notice of the chosen rule(s) means for the earliest opening. */
  hint: ReactNode;
  /** What the window asks of the legal clock; null until it can be read. */
  asks: { notice: boolean; window: boolean } | null;
  onWindow: (field: 'opensAt' | 'closesAt', value: string) => void;
  onReason: (reason: string) => void;
  errors: Record<'opensAt' | 'closesAt' | 'shorteningReason', ErrorText>;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field vote-form__window">
      <legend className="field__label">{t('voteAdmin.form.window')}</legend>
      <p className="field__hint">{hint}</p>
      {(['opensAt', 'closesAt'] as const).map((field) => (
        <TextField
          key={field}
          label={t(`voteAdmin.form.${field}`)}
          hint={field === 'closesAt' ? t('voteAdmin.form.closesHint') : undefined}
          type="datetime-local"
          name={field}
          value={draft[field]}
          onChange={(event) => onWindow(field, event.target.value)}
          error={errors[field]}
        />
      ))}
      {asks && (asks.notice || asks.window) && (
        <div className="choice-box choice-box--warning shortening-box">
          <p className="shortening-box__title">
            {asks.notice && asks.window ? t('voteAdmin.form.shortensBoth') : asks.notice ? t('voteAdmin.form.shortensNotice') : t('voteAdmin.form.shortensWindow')}
          </p>
          <p className="choice-box__hint shortening-box__hint">{t('voteAdmin.form.shorteningExplain')}</p>
          <TextAreaField
            label={t('voteAdmin.form.shorteningReason')}
            hint={t('voteAdmin.shortening.reasonHint')}
            name="shorteningReason"
            rows={3}
            maxChars={500}
            value={draft.shorteningReason}
            onChange={(event) => onReason(event.target.value)}
            error={errors.shorteningReason}
          />
        </div>
      )}
      <p className="field__hint">{t('voteAdmin.form.timesInChina')}</p>
    </fieldset>
  );
}

/** 催投提醒: the hours before closing at which those who have not voted are reminded; an hour before the opening cannot be chosen. */
export function RemindersField({ draft, onChange }: { draft: Pick<VoteDraft, 'opensAt' | 'closesAt' | 'reminders'>; onChange: (reminders: number[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field choice-group">
      <legend className="field__label">{t('voteAdmin.reminders.legend')}</legend>
      <p className="field__hint">{t('voteAdmin.reminders.formHint')}</p>
      {REMINDER_CHOICES.map((h) => {
        const fits = fittingReminders({ ...draft, reminders: [h] }).length === 1;
        return (
          <label key={h} className="choice">
            <input
              type="checkbox"
              name={`reminder-${h}`}
              checked={fits && draft.reminders.includes(h)}
              disabled={!fits}
              onChange={(event) => onChange(event.target.checked ? [...draft.reminders, h] : draft.reminders.filter((x) => x !== h))}
            />
            <span>
              {t('voteAdmin.reminders.before', { count: h })}
              {!fits && <span className="choice__hint">{t('voteAdmin.reminders.beforeOpening')}</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** 记名 or 不记名, with why owners cannot vote in secret; the secret choice is off where a rule weighs ballots by area. */
export function SecrecyField({
  secrecy,
  secretAllowed,
  onChange,
  error,
  errorId,
}: {
  secrecy: VoteDraft['secrecy'];
  /** Null before a rule set is chosen. */
  secretAllowed: boolean | null;
  onChange: (secrecy: VoteDraft['secrecy']) => void;
  error: ErrorText;
  errorId: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={`field choice-group${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{t('voteAdmin.form.secrecy')}</legend>
      <FieldError id={errorId} text={error} />
      <label className="choice">
        <input type="radio" name="secrecy" checked={secrecy === 'named'} onChange={() => onChange('named')} />
        <span>
          {t('voteAdmin.form.named')}
          <span className="choice__hint">{t('voteAdmin.form.namedHint')}</span>
        </span>
      </label>
      <label className="choice">
        <input type="radio" name="secrecy" checked={secrecy === 'secret'} disabled={secretAllowed === false} onChange={() => onChange('secret')} />
        <span>
          {t('voteAdmin.form.secret')}
          <span className="choice__hint">{secretAllowed === false ? t('voteAdmin.form.secretNotForOwners') : t('voteAdmin.form.secretHint')}</span>
        </span>
      </label>
    </fieldset>
  );
}

/** Land Management Law art. 63: which body consents (members, or representatives), and whether the RCEO Law binds the same decision. */
export function Lml63Fields({
  name,
  body,
  rceo,
  onChange,
}: {
  /** Radio group name (unique on the page). */
  name: string;
  body: 'members' | 'representatives';
  rceo: boolean;
  onChange: (change: { body?: 'members' | 'representatives'; rceo?: boolean }) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field choice-group">
      <legend className="field__label">{t('voteAdmin.form.lml63Body')}</legend>
      {(['members', 'representatives'] as const).map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={name} checked={body === option} onChange={() => onChange({ body: option })} />
          <span>{t(`voteAdmin.form.lml63.${option}`)}</span>
        </label>
      ))}
      <label className="choice">
        <input type="checkbox" checked={rceo} onChange={(event) => onChange({ rceo: event.target.checked })} />
        <span>{t('voteAdmin.form.lml63Rceo')}</span>
      </label>
    </fieldset>
  );
}

/** Whether turnout is shown to residents while voting runs, how many owners one proxy may hold, and the objection period after the result. */
export function VoteSettingsFields({
  draft,
  onChange,
  errors,
}: {
  draft: Pick<VoteDraft, 'turnoutPublic' | 'proxyCap' | 'objectionDays'>;
  onChange: (change: Partial<Pick<VoteDraft, 'turnoutPublic' | 'proxyCap' | 'objectionDays'>>) => void;
  errors: Record<'proxyCap' | 'objectionDays', ErrorText>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="choice">
        <input type="checkbox" name="turnoutPublic" checked={draft.turnoutPublic} onChange={(event) => onChange({ turnoutPublic: event.target.checked })} />
        <span>
          {t('voteAdmin.form.turnoutPublic')}
          <span className="choice__hint">{t('voteAdmin.form.turnoutPublicHint')}</span>
        </span>
      </label>
      <TextField
        label={t('voteAdmin.form.proxyCap')}
        hint={t('voteAdmin.form.proxyCapHint')}
        name="proxyCap"
        inputMode="numeric"
        value={draft.proxyCap}
        onChange={(event) => onChange({ proxyCap: event.target.value })}
        error={errors.proxyCap}
      />
      <TextField
        label={t('voteAdmin.form.objectionDays')}
        hint={t('voteAdmin.form.objectionDaysHint')}
        name="objectionDays"
        inputMode="numeric"
        value={draft.objectionDays}
        onChange={(event) => onChange({ objectionDays: event.target.value })}
        error={errors.objectionDays}
      />
    </>
  );
}

/** 表决单位: chosen from the units below a community, or named where the page is one unit's. */
export function UnitField({ units, unitId, onChange, error }: { units: readonly { id: string; name: string }[]; unitId: string; onChange: (unitId: string) => void; error: ErrorText }) {
  const { t } = useTranslation();
  if (units.length <= 1) {
    return (
      <div className="field">
        <p className="field__label">{t('voteAdmin.form.unit')}</p>
        <p>{units.find((u) => u.id === unitId)?.name}</p>
      </div>
    );
  }
  return (
    <SelectField label={t('voteAdmin.form.unit')} name="unit" value={unitId} onChange={(event) => onChange(event.target.value)} error={error}>
      <option value="">{t('voteAdmin.form.unitPick')}</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * The preview a vote form shows before announcing, and the focus on the first error after each
 * failed attempt: a refusal from the server counts as one, and one naming a field of the form
 * (`onForm`) sends the convenor back from the preview to correct it there.
 */
export function usePreviewedForm<Request>(form: RefObject<HTMLFormElement | null>, error: unknown, onForm: (path: string) => boolean) {
  /** The request the convenor is reading in the preview, and when it was checked (the notice would run from then). */
  const [preview, setPreview] = useState<{ request: Request; at: Date } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const [seenError, setSeenError] = useState(error);
  if (error !== seenError) {
    setSeenError(error);
    if (error) {
      setAttempt((n) => n + 1);
      if (invalidFieldPaths(error).some(onForm)) setPreview(null);
    }
  }
  return { preview, setPreview, failed: (): void => setAttempt((n) => n + 1) };
}
