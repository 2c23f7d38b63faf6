import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import type { SessionDraft, SessionField, SessionProblem, SessionRequest } from '../utils/session-form';
import { checkSession, kindsFor, mayInviteBuildingHeads, SESSION_FORM_LIMITS, toSessionRequest } from '../utils/session-form';

interface SessionFormProps {
  nodeKind: string;
  /** The units a joint meeting of this community may invite. */
  units: { id: string; name: string }[];
  pending: boolean;
  error: string | null;
  onSubmit: (request: SessionRequest) => void;
  onCancel: () => void;
}

/** 安排会议: the kind the node holds, what it is about, where and when (Beijing time), and for a joint meeting the units it invites. */
export function SessionForm({ nodeKind, units, pending, error, onSubmit, onCancel }: SessionFormProps) {
  const { t } = useTranslation();
  const kinds = kindsFor(nodeKind);
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<SessionDraft>({ kind: kinds[0] ?? 'consultative', title: '', place: '', start: '', end: '', unitIds: [], invite: 'rolls' });
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const errors: FieldErrors<SessionField> = submitted ? checkSession(draft) : {};
  const text = (field: SessionField): string | null => {
    const key = errors[field] as SessionProblem | undefined;
    return key ? t(`sessionAdmin.errors.${key}`, { max: SESSION_FORM_LIMITS.title, hours: SESSION_FORM_LIMITS.maxHours }) : null;
  };
  const set = <K extends keyof SessionDraft>(field: K, value: SessionDraft[K]): void => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (hasErrors(checkSession(draft))) {
      setAttempt((n) => n + 1);
      return;
    }
    onSubmit(toSessionRequest(draft));
  };

  return (
    <form ref={form} className="stack" noValidate onSubmit={submit} aria-labelledby="new-session-title">
      {error && <FormAlert>{error}</FormAlert>}
      <SelectField label={t('sessionAdmin.form.kind')} hint={t(`sessionAdmin.form.kindHint.${draft.kind}`)} name="kind" value={draft.kind} onChange={(event) => set('kind', event.target.value as SessionDraft['kind'])}>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`sessions.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('sessionAdmin.form.title')} name="title" autoComplete="off" value={draft.title} onChange={(event) => set('title', event.target.value)} error={text('title')} />
      <TextField label={t('sessionAdmin.form.place')} hint={t('sessionAdmin.form.placeHint')} name="place" autoComplete="off" value={draft.place} onChange={(event) => set('place', event.target.value)} error={text('place')} />
      <TextField label={t('sessionAdmin.form.start')} type="datetime-local" name="start" value={draft.start} onChange={(event) => set('start', event.target.value)} error={text('start')} />
      <TextField label={t('sessionAdmin.form.end')} type="datetime-local" name="end" value={draft.end} onChange={(event) => set('end', event.target.value)} error={text('end')} />
      {mayInviteBuildingHeads(draft.kind) && (
        <SelectField label={t('sessionAdmin.form.invite')} name="invite" value={draft.invite} onChange={(event) => set('invite', event.target.value as SessionDraft['invite'])}>
          <option value="rolls">{t('sessions.invite.rolls')}</option>
          <option value="building_heads">{t('sessions.invite.building_heads')}</option>
        </SelectField>
      )}
      {draft.kind === 'joint_meeting' && (
        <fieldset className={`field${errors.unitIds ? ' field--invalid' : ''}`}>
          <legend className="field__label">{t('sessionAdmin.form.units')}</legend>
          {units.map((unit) => (
            <label key={unit.id} className="choice">
              <input
                type="checkbox"
                name="unitIds"
                aria-invalid={errors.unitIds ? true : undefined}
                aria-describedby={errors.unitIds ? 'session-units-error' : undefined}
                checked={draft.unitIds.includes(unit.id)}
                onChange={(event) => set('unitIds', event.target.checked ? [...draft.unitIds, unit.id] : draft.unitIds.filter((id) => id !== unit.id))}
              />
              <span>{unit.name}</span>
            </label>
          ))}
          {text('unitIds') && (
            <p className="field__error" id="session-units-error">
              <span className="visually-hidden">{t('form.errorPrefix')}</span>
              {text('unitIds')}
            </p>
          )}
        </fieldset>
      )}
      <ConfirmButtons confirm={t('sessionAdmin.form.submit')} busy={pending} onCancel={onCancel} />
    </form>
  );
}
