import type { TFunction } from 'i18next';
import type { RuleSetId } from '@yishi/domain';
import { RULE_SETS } from '@yishi/domain';
import type { FormEvent, ReactNode } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { invalidFieldPaths } from '../../../lib/api-problems';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import type { ConsultationDraft, ConsultationField, ConsultationFormError, CreateRequest, PlanDraft, PlanField, PlannedPhase, UnitChoice } from '../utils/consultation-form';
import { checkConsultation, emptyConsultation, fieldOfPath, PLANNED_PHASES, plannedInThePast, SUMMARY_MAX, TITLE_MAX, toCreateRequest } from '../utils/consultation-form';
import { ruleSetsFor } from '../utils/rule-sets';
import './consultations-admin.css';

type Translate = TFunction;

function errorText<F extends string>(errors: FieldErrors<F>, field: F, t: Translate): string | null {
  const key = errors[field] as ConsultationFormError | 'rejected' | undefined;
  return key ? t(`convene.form.errors.${key}`) : null;
}

/** 标题 and 简介: opening a consultation and editing it later. */
export function TitleSummaryFields({
  title,
  summary,
  onTitle,
  onSummary,
  errors,
}: {
  title: string;
  summary: string;
  onTitle: (value: string) => void;
  onSummary: (value: string) => void;
  errors: FieldErrors<'title' | 'summary'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('convene.form.title')}
        hint={t('convene.form.titleHint')}
        name="title"
        autoComplete="off"
        maxLength={TITLE_MAX + 20}
        value={title}
        onChange={(event) => onTitle(event.target.value)}
        error={errorText(errors, 'title', t)}
      />
      <TextAreaField
        label={t('convene.form.summary')}
        hint={t('convene.form.summaryHint')}
        name="summary"
        rows={4}
        maxChars={SUMMARY_MAX}
        value={summary}
        onChange={(event) => onSummary(event.target.value)}
        error={errorText(errors, 'summary', t)}
      />
    </>
  );
}

/** The planned start (and end) of each phase after the draft, in Beijing time; all optional. */
export function PlanFields({
  plan,
  onChange,
  errors,
  pastWarning,
}: {
  plan: PlanDraft;
  onChange: (plan: PlanDraft) => void;
  errors: FieldErrors<PlanField>;
  /** Planned starts already past (the consultation would move there at once). */
  pastWarning: readonly PlannedPhase[];
}) {
  const { t } = useTranslation();
  const filled = PLANNED_PHASES.some((phase) => plan[phase].start || plan[phase].end);
  // Only the plan's own errors open it (the object passed may hold the whole form's).
  const invalid = PLANNED_PHASES.some((phase) => Boolean(errors[`plan.${phase}.start`] ?? errors[`plan.${phase}.end`]));
  const [open, setOpen] = useState(filled);
  const set = (phase: PlannedPhase, part: 'start' | 'end', value: string): void => onChange({ ...plan, [phase]: { ...plan[phase], [part]: value } });
  return (
    <details className="card plan-fields" open={open || invalid} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="plan-fields__summary">{t('convene.form.plan')}</summary>
      <p className="field__hint">{t('convene.form.planHint')}</p>
      {pastWarning.length > 0 && (
        <p className="notice notice--warning" role="status">
          {t('convene.form.planPast', { phases: pastWarning.map((phase) => t(`convene.phase.${phase}`)).join(t('convene.listSeparator')) })}
        </p>
      )}
      <div className="plan-fields__rows">
        {PLANNED_PHASES.map((phase) => (
          <fieldset key={phase} className="plan-row">
            <legend className="plan-row__legend">{t(`convene.phase.${phase}`)}</legend>
            <TextField
              label={t('convene.form.planStart')}
              type="datetime-local"
              name={`plan-${phase}-start`}
              value={plan[phase].start}
              onChange={(event) => set(phase, 'start', event.target.value)}
              error={errorText(errors, `plan.${phase}.start`, t)}
            />
            <TextField
              label={t('convene.form.planEnd')}
              type="datetime-local"
              name={`plan-${phase}-end`}
              value={plan[phase].end}
              onChange={(event) => set(phase, 'end', event.target.value)}
              error={errorText(errors, `plan.${phase}.end`, t)}
            />
          </fieldset>
        ))}
      </div>
    </details>
  );
}

/** One rule set, as a convenor reads it: who decides, what it takes, which law says so. */
export function RuleSetDescription({ ruleSet }: { ruleSet: RuleSetId }) {
  const { t, i18n } = useTranslation();
  const info = RULE_SETS[ruleSet];
  const language = currentLanguage(i18n);
  return (
    <>
      <span className="rule-set__explain">{t(`convene.ruleSet.${ruleSet}.explain`)}</span>
      <span className="rule-set__source">{t('convene.ruleSetSource', { body: info.body[language], statute: info.statute[language] })}</span>
    </>
  );
}

function RuleSetChoice({ options, value, onChange, error }: { options: readonly RuleSetId[]; value: RuleSetId | ''; onChange: (value: RuleSetId) => void; error: string | null }) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset className={`field choice-group rule-sets${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{t('convene.form.ruleSet')}</legend>
      <p className="field__hint">{t('convene.form.ruleSetHint')}</p>
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {error}
        </p>
      )}
      {options.map((ruleSet, index) => (
        <label key={ruleSet} className="choice rule-set">
          <input
            type="radio"
            name="ruleSet"
            value={ruleSet}
            checked={value === ruleSet}
            onChange={() => onChange(ruleSet)}
            aria-invalid={error && index === 0 ? true : undefined}
          />
          <span className="rule-set__text">
            <span className="rule-set__name">{t(`convene.ruleSet.${ruleSet}.name`)}</span>
            <RuleSetDescription ruleSet={ruleSet} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function UnitPicker({ units, chosen, onChange, error }: { units: readonly UnitChoice[]; chosen: readonly string[]; onChange: (ids: string[]) => void; error: string | null }) {
  const { t } = useTranslation();
  const errorId = useId();
  const toggle = (id: string, on: boolean): void => onChange(on ? [...chosen, id] : chosen.filter((unitId) => unitId !== id));
  return (
    <fieldset className={`field choice-group${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{t('convene.form.units')}</legend>
      <p className="field__hint">{t('convene.form.unitsHint')}</p>
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {error}
        </p>
      )}
      {units.map((unit, index) => (
        <label key={unit.id} className="choice">
          <input type="checkbox" checked={chosen.includes(unit.id)} onChange={(event) => toggle(unit.id, event.target.checked)} aria-invalid={error && index === 0 ? true : undefined} />
          <span>
            {unit.name}
            <span className="badge">{t(`organizations.kind.${unit.kind}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export interface ConsultationFormProps {
  /** The units it may concern. With `pickUnits` false they are its scope (a unit's own page: that unit). */
  units: readonly UnitChoice[];
  pickUnits: boolean;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The API's refusal of the last attempt, or null. */
  error: unknown;
  onSubmit: (request: CreateRequest) => void;
  /** More fields before the button (screening adds its note). */
  children?: ReactNode;
  /** Names the form for assistive technology (the id of its heading). */
  labelledBy?: string;
}

/**
 * 发起议事: title, summary, the rule set that will decide (each explained), the units (picked on
 * a community's page), and optional planned dates. Checks what the API would refuse first.
 */
export function ConsultationForm({ units, pickUnits, submitLabel, pendingLabel, pending, error, onSubmit, children, labelledBy }: ConsultationFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ConsultationDraft>(() => emptyConsultation(pickUnits ? [] : units.map((unit) => unit.id)));
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  // A refusal from the API is shown once it arrives: focus goes to it, as after our own checks
  // (state adjusted while rendering, when the error changes).
  const [seenError, setSeenError] = useState(error);
  if (error !== seenError) {
    setSeenError(error);
    if (error) setAttempt((n) => n + 1);
  }

  const own: FieldErrors<ConsultationField> = submitted ? checkConsultation(draft, units) : {};
  const rejected: FieldErrors<ConsultationField> = {};
  for (const path of invalidFieldPaths(error)) {
    const field = fieldOfPath(path);
    if (field) rejected[field] = 'rejected';
  }
  const errors = { ...rejected, ...own };
  const kinds = [...new Set(units.map((unit) => unit.kind))];
  // Every rule that can decide for some unit here; a mismatch with the units chosen is said at the units.
  const options = [...new Set(kinds.flatMap((kind) => ruleSetsFor([kind])))];
  const orderedOptions = ruleSetsFor([]).filter((ruleSet) => options.includes(ruleSet));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (hasErrors(checkConsultation(draft, units))) {
      setAttempt((n) => n + 1);
      return;
    }
    onSubmit(toCreateRequest(draft));
  };

  return (
    <form ref={form} className="stack consultation-form" noValidate onSubmit={submit} aria-labelledby={labelledBy}>
      {error !== null && error !== undefined && <FormAlert>{errorMessage(error, t)}</FormAlert>}
      <TitleSummaryFields
        title={draft.title}
        summary={draft.summary}
        onTitle={(title) => setDraft((d) => ({ ...d, title }))}
        onSummary={(summary) => setDraft((d) => ({ ...d, summary }))}
        errors={errors}
      />
      {pickUnits ? (
        <UnitPicker units={units} chosen={draft.unitIds} onChange={(unitIds) => setDraft((d) => ({ ...d, unitIds }))} error={errorText(errors, 'unitIds', t)} />
      ) : (
        <div className="field">
          <p className="field__label">{t('convene.form.units')}</p>
          <p className="consultation-form__units">{units.map((unit) => unit.name).join(t('convene.listSeparator'))}</p>
          {errors.unitIds && <p className="field__error">{errorText(errors, 'unitIds', t)}</p>}
        </div>
      )}
      <RuleSetChoice options={orderedOptions} value={draft.ruleSet} onChange={(ruleSet) => setDraft((d) => ({ ...d, ruleSet }))} error={errorText(errors, 'ruleSet', t)} />
      <PlanFields plan={draft.plan} onChange={(plan) => setDraft((d) => ({ ...d, plan }))} errors={errors} pastWarning={plannedInThePast(draft.plan, 'draft')} />
      {children}
      <div className="button-row">
        <button type="submit" className="button button--primary button--large" aria-disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
