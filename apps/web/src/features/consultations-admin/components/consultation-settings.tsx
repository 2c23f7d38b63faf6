import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { errorMessage } from '../../../lib/api-client';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';
import { useUpdateConsultation } from '../api/update-consultation';
import type { PlanDraft, PlanField } from '../utils/consultation-form';
import { checkPlan, checkTexts, planEntries, planFromView, plannedInThePast } from '../utils/consultation-form';
import { PlanFields, TitleSummaryFields } from './consultation-form';

/** 修改标题、简介和计划: the title, the summary and the planned dates (replaced whole). */
export function ConsultationSettings({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const update = useUpdateConsultation(consultation.id);
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(consultation.title);
  const [summary, setSummary] = useState(consultation.summary);
  const [plan, setPlan] = useState<PlanDraft>(() => planFromView(consultation.phases));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const errors: FieldErrors<'title' | 'summary' | PlanField> = submitted ? { ...checkTexts({ title, summary }), ...checkPlan(plan) } : {};

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (update.isPending) return;
    setSubmitted(true);
    setSaved(false);
    if (hasErrors({ ...checkTexts({ title, summary }), ...checkPlan(plan) })) {
      setAttempt((n) => n + 1);
      return;
    }
    update.mutate(
      { title: title.trim(), summary: summary.trim(), phases: planEntries(plan) },
      { onSuccess: () => setSaved(true), onError: () => setAttempt((n) => n + 1) },
    );
  };

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {t('convene.settings.heading')}
      </h2>
      <details className="card settings-panel">
        <summary className="settings-panel__summary">{t('convene.settings.open')}</summary>
        <form ref={form} className="stack" noValidate onSubmit={submit} aria-labelledby={titleId}>
          {update.isError && <FormAlert>{errorMessage(update.error, t)}</FormAlert>}
          {saved && <FormAlert tone="success">{t('convene.settings.saved')}</FormAlert>}
          <TitleSummaryFields title={title} summary={summary} onTitle={setTitle} onSummary={setSummary} errors={errors} />
          <PlanFields plan={plan} onChange={setPlan} errors={errors} pastWarning={plannedInThePast(plan, consultation.phase)} />
          <div className="button-row">
            <button type="submit" className="button button--primary" aria-disabled={update.isPending}>
              {update.isPending ? t('convene.settings.saving') : t('convene.settings.save')}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
